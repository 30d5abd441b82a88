// Hostile text must stay text: what the helpers of src/domain/untrustedText.ts turn server
// messages and catalog data into, checked against VS Code's own link syntax and a CommonMark
// renderer.
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { markdownCode, markdownText, plainText, quoted } from '../../src/domain/untrustedText';

/**
 * VS Code's link syntax in notification, progress and quick-input text (parseLinkedText in
 * vs/base/common/linkedText.ts, as shipped in the VS Code 1.139 the tests run): what must never
 * match in our output.
 */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** VS Code's codicon syntax in labels (renderLabelWithIcons). */
const VSCODE_ICON = /(\\)?\$\(([a-z0-9-]+(?:~[a-z0-9-]+)?)\)/gi;
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** Everything plainText promises, for any input. */
function assertInert(out: string, max: number): void {
  assert.equal(out.match(VSCODE_LINK), null, `a link in ${JSON.stringify(out)}`);
  assert.equal(out.match(VSCODE_ICON), null, `an icon in ${JSON.stringify(out)}`);
  assert.ok(!/\]\(/.test(out), `"](" in ${JSON.stringify(out)}`);
  assert.ok(!/command:/i.test(out), `"command:" in ${JSON.stringify(out)}`);
  assert.ok(!/<[a-z][a-z0-9+.-]*:/i.test(out), `an autolink in ${JSON.stringify(out)}`);
  assert.ok(!INVISIBLE.test(out), `a control or bidi character in ${JSON.stringify(out)}`);
  assert.ok(Array.from(out).length <= max, `${Array.from(out).length} > ${max}`);
}

describe('domain/untrustedText', () => {
  describe('plainText', () => {
    const cases: Array<[string, string, string]> = [
      ['plain text is kept', 'Pro Suite 2.0 (annual) — 50% off!', 'Pro Suite 2.0 (annual) — 50% off!'],
      ['a markdown command link', '[Fix it](command:kelviq.setApiKey?%7B%22apiKey%22%3A%22x%22%7D)', '[Fix it] (command∶kelviq.setApiKey?%7B%22apiKey%22%3A%22x%22%7D)'],
      ['a link with a title', '[docs](https://evil.example "Kelviq docs")', '[docs] (https://evil.example "Kelviq docs")'],
      ['an image', '![x](file:///etc/passwd)', '![x] (file:///etc/passwd)'],
      ['an autolink', 'see <command:workbench.action.terminal.new>', 'see ‹command∶workbench.action.terminal.new>'],
      ['a bare command URI, any case', 'run COMMAND:kelviq.signOut now', 'run COMMAND∶kelviq.signOut now'],
      ['a codicon', '$(check) Verified by Kelviq', '$ (check) Verified by Kelviq'],
      ['newlines, tabs and runs of spaces collapse', ' Foo\n\n\nBar\r\n\tbaz   qux ', 'Foo Bar baz qux'],
      ['a link split by a newline stays split', '[Fix]\n(command:x)', '[Fix] (command∶x)'],
      ['bidi overrides and isolates are removed', 'abc\u202Edcba\u202C \u2066x\u2069', 'abcdcba x'],
      ['zero-width characters cannot hide a link', '[a]\u200B(comm\u200Band:x)', '[a] (command∶x)'],
      ['other control characters are removed', 'a\u0000b\u0007c\u001bd\u007fe\u0085f', 'abcde f'],
      ['unicode line separators collapse', 'a\u2028b\u2029c', 'a b c'],
      ['tag characters are removed', `a${String.fromCodePoint(0xe0041)}b`, 'ab'],
      ['the neutralised form is stable', '[Fix it] (command∶x) $ (check) ‹command∶y>', '[Fix it] (command∶x) $ (check) ‹command∶y>'],
    ];
    for (const [name, input, expected] of cases) {
      it(`${name}: ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(plainText(input), expected));
    }

    it('truncates to maxLength characters, ending with an ellipsis, never splitting a surrogate pair', () => {
      assert.equal(plainText('abcdefghij', 5), 'abcd…');
      assert.equal(plainText('abcde', 5), 'abcde');
      assert.equal(plainText('😀😀😀😀😀😀', 4), '😀😀😀…');
      assert.equal(plainText('x'.repeat(5000)).length, 1000);
    });

    it('leaves no link, icon, command URI, control character or excess length, for any input', () => {
      const pieces = ['[', ']', '(', ')', '!', '<', '>', '$', 'command', ':', 'https://', 'file:', 'x', ' ', '\n', '\u200b', '\u202e', '"', '~'];
      const hostile = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
      fc.assert(
        fc.property(fc.oneof(hostile, fc.string({ maxLength: 200, unit: 'binary' })), fc.integer({ min: 1, max: 300 }), (text, max) => {
          const out = plainText(text, max);
          assertInert(out, max);
          assert.equal(plainText(out, max), out, 'idempotent');
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('quoted', () => {
    const cases: Array<[string, string, string]> = [
      ['a name', 'Pro Suite', '“Pro Suite”'],
      ['double quotes inside cannot end the quote', 'Foo” in Sandbox? “Bar "x"', '“Foo\' in Sandbox? \'Bar \'x\'”'],
      ['newlines cannot push the rest of the sentence away', 'Foo\n\n\n\n\n\n\nBar', '“Foo Bar”'],
      ['a link in a name', '[Pro](command:kelviq.signOut)', '“[Pro] (command∶kelviq.signOut)”'],
    ];
    for (const [name, input, expected] of cases) it(name, () => assert.equal(quoted(input), expected));

    it('keeps names short (80 characters by default) so the sentence after them stays in view', () => {
      const q = quoted('N'.repeat(500));
      assert.equal(Array.from(q).length, 82);
      assert.ok(q.endsWith('…”'));
      assert.equal(quoted('abcdef', 4), '“abc…”');
    });
  });

  describe('markdownText and markdownCode (rendered by a CommonMark renderer)', () => {
    // markdown-it (installed with @vscode/vsce) stands in for VS Code's marked: both follow
    // CommonMark for escapes and code spans; html: false as in an untrusted MarkdownString.
    const MarkdownIt = createRequire(__filename)('markdown-it') as new (options: object) => { renderInline(src: string): string };
    const md = new MarkdownIt({ html: false, linkify: true });
    const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

    const values = [
      'deep-dive-talks',
      'snake_case_id',
      '*bold* and _em_ and **strong**',
      'a`b',
      '``double`` and `single`',
      '`starts and ends`',
      '[x](command:y)',
      '![img](https://evil.example/x.png)',
      '<command:kelviq.signOut>',
      'https://evil.example/login',
      '<img src=x onerror=alert(1)>',
      '| cell | pipes |',
      '# heading',
      '&lt;entity&gt; &#91;x&#93;',
      '\\[escaped\\]',
    ];
    for (const value of values) {
      it(`code span of ${JSON.stringify(value)} shows exactly the value`, () => {
        const html = md.renderInline(markdownCode(value));
        const code = /^<code>(.*)<\/code>$/.exec(html);
        assert.ok(code, `one code span: ${html}`);
        assert.equal(decode(code[1]!), value);
      });
      it(`text of ${JSON.stringify(value)} shows exactly the value, with no link, emphasis or HTML`, () => {
        const html = md.renderInline(markdownText(value));
        assert.ok(!/<(a|img|em|strong|code|h1)\b/.test(html), html);
        assert.equal(decode(html), value);
      });
    }

    it('the code spans the tooltip had before could not show these values', () => {
      // The old tooltip backslash-escaped inside a code span, where escapes are not processed.
      const old = (v: string) => `\`${v.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&')}\``;
      assert.notEqual(decode(md.renderInline(old('deep-dive-talks'))), '<code>deep-dive-talks</code>');
      assert.equal(md.renderInline(markdownCode('deep-dive-talks')), '<code>deep-dive-talks</code>');
    });

    it('markdownText and markdownCode are one line and drop control and bidi characters', () => {
      assert.equal(markdownCode('a\n\nb\u202e'), '`a b`');
      assert.equal(markdownText('a\n\nb\u202e'), 'a b');
      assert.equal(markdownCode(''), '');
    });
  });
});
