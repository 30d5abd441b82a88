// Hostile text must stay text: every text the extension builds from a product name or a server
// message (the archive dialog, notifications, progress titles, Open Product… items, the tree
// tooltip) is checked here, with the names a shared catalog may hold.
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Product } from '../../../src/api/kelviq/schemas';
import { ApiError } from '../../../src/api/http/errors';
import { errorNotificationText, userMessage } from '../../../src/errorTexts';
import {
  archiveAction,
  archiveConfirmation,
  archivedNotice,
  createAction,
  creatingTitle,
  productPickTexts,
  productRowTexts,
} from '../../../src/kelviq/products/productTexts';
import { productTooltipMarkdown } from '../../../src/kelviq/products/productTooltip';

const LINK = '[Open settings](command:kelviq.setApiKey?%7B%22apiKey%22%3A%22sk_attacker%22%7D)';
/** VS Code's link syntax in notification text (vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

const product = (overrides: Partial<Product>): Product => ({
  id: '0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de',
  identifier: 'pro-suite',
  name: 'Pro Suite',
  description: 'Premium tools.',
  taxCode: 'saas',
  createdBy: 'Jane Smith',
  modifiedOn: '2025-04-12T08:21:14.910Z',
  ...overrides,
});

const production = { label: 'Production', baseUrl: 'https://api.kelviq.com/api/v1' };

function assertNoLink(text: string): void {
  assert.ok(!text.includes('](command:'), `a command link in ${JSON.stringify(text)}`);
  assert.equal(VSCODE_LINK.exec(text), null, `a link in ${JSON.stringify(text)}`);
  assert.ok(!/\$\([a-z0-9-]+\)/i.test(text), `an icon in ${JSON.stringify(text)}`);
  assert.ok(!/[\r\n\u202a-\u202e\u2066-\u2069]/.test(text), `a line break or bidi control in ${JSON.stringify(text)}`);
}

describe('kelviq/products: texts built from catalog data', () => {
  const hostileNames = [
    LINK,
    `Pro ${LINK}`,
    '![x](file:///etc/passwd)',
    '<command:workbench.action.terminal.new>',
    '$(check) Verified by Kelviq',
    'Foo” (foo) in Sandbox?\n\n\n\n\n\n\n\n\n\n“Bar',
    'Safe\u202E noitcudorP ni',
    'N'.repeat(5000),
  ];

  describe('the archive dialog', () => {
    for (const name of hostileNames) {
      it(`${JSON.stringify(name.slice(0, 60))}: no link, and the message still ends "in Production?"`, () => {
        const { message, detail } = archiveConfirmation(product({ name, identifier: `${name}-id` }), production);
        assertNoLink(message);
        for (const line of detail.split('\n')) assertNoLink(line);
        assert.match(message, /^Archive “[^“”"]*” \([^\n]*\) in Production\?$/);
        assert.ok(message.length < 200, `${message.length} characters`);
        assert.match(detail, /^In Production \(https:\/\/api\.kelviq\.com\/api\/v1\)\. /);
      });
    }
    it('reads as before for an ordinary name', () => {
      assert.deepEqual(archiveConfirmation(product({}), production), {
        message: 'Archive “Pro Suite” (pro-suite) in Production?',
        detail: 'In Production (https://api.kelviq.com/api/v1). Archived products disappear from the catalog. Archiving cannot be undone through the kelviq API.',
      });
    });
  });

  describe('notifications, progress titles and production-guard actions', () => {
    for (const name of hostileNames) {
      it(`${JSON.stringify(name.slice(0, 60))}`, () => {
        for (const text of [archivedNotice({ name }), archiveAction({ name }), createAction({ name }), creatingTitle({ name })]) {
          assertNoLink(text);
          assert.ok(text.length < 120, `${text.length} characters`);
        }
      });
    }
  });

  describe('Open Product… items and tree rows', () => {
    for (const name of hostileNames) {
      it(`${JSON.stringify(name.slice(0, 60))}`, () => {
        const pick = productPickTexts(product({ name, identifier: name, taxCode: name }));
        for (const text of Object.values(pick)) assertNoLink(text);
        const row = productRowTexts(product({ name, identifier: name }));
        for (const text of Object.values(row)) assert.ok(!/[\r\n\u202a-\u202e\u2066-\u2069]/.test(text));
      });
    }
  });
});

describe('a server message with a command link, in the error notification', () => {
  const server = new ApiError({
    kind: 'server',
    message: `Kelviq (Sandbox) answered 500. Kelviq said: "${LINK}"`,
    method: 'GET',
    path: '/api/v1/catalog/products/',
  });
  it('shows no link (even when the message did not come from our client)', () => {
    assertNoLink(errorNotificationText('Could not load all products', server));
    assertNoLink(userMessage(server));
    assertNoLink(userMessage(new Error(`Oops\n${LINK}`)));
    assertNoLink(userMessage(LINK));
  });
  it('keeps the words readable', () => {
    assert.equal(
      errorNotificationText('Could not load all products', server),
      'Could not load all products: Kelviq (Sandbox) answered 500. Kelviq said: "[Open settings] (command∶kelviq.setApiKey?%7B%22apiKey%22%3A%22sk_attacker%22%7D)"',
    );
  });
});

describe('kelviq/products: the tree tooltip (rendered by a CommonMark renderer)', () => {
  // markdown-it (installed with @vscode/vsce) stands in for VS Code's marked; html: false as in
  // the untrusted MarkdownString the tree uses.
  const MarkdownIt = createRequire(__filename)('markdown-it') as new (options: object) => { render(src: string): string };
  const md = new MarkdownIt({ html: false, linkify: true });
  const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const render = (p: Product) => md.render(productTooltipMarkdown(p));

  const identifiers = ['deep-dive-talks', 'snake_case_id', 'a*b*c', 'tick`inside', '``two``', '`edge`', '[x](command:y)', 'pipe|in|it'];
  for (const identifier of identifiers) {
    it(`shows the identifier ${JSON.stringify(identifier)} exactly, in a code span`, () => {
      const html = render(product({ identifier }));
      const code = /<strong>Pro Suite<\/strong> <code>(.*?)<\/code>/.exec(html);
      assert.ok(code, html);
      assert.equal(decode(code[1]!), identifier);
    });
  }

  const names = ['Deep-Dive_Talks *2*', '**not bold**', '[x](command:y)', '![i](https://evil.example/i.png)', '<b>html</b>', 'a | b', '$(check) ok', 'tick`s'];
  for (const name of names) {
    it(`shows the name ${JSON.stringify(name)} exactly, with no link, image, HTML or broken table`, () => {
      const html = render(product({ name, description: name, createdBy: name, taxCode: name }));
      assert.ok(!/<(a|img|b|em)\b/.test(html), html);
      assert.equal(decode(/<strong>(.*?)<\/strong>/.exec(html)?.[1] ?? ''), name);
      const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]>/g) ?? []).length);
      assert.deepEqual(rows, [2, 2, 2, 2, 2], 'header + four rows of two cells');
      assert.ok(html.includes(`<td>${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</td>`), html);
    });
  }

  it('lays out an ordinary product as before', () => {
    const lines = productTooltipMarkdown(product({ modifiedOn: 'not a date' })).split('\n');
    assert.deepEqual(lines, [
      '**Pro Suite** `pro-suite`',
      '',
      'Premium tools\\.',
      '',
      '| | |',
      '|---|---|',
      '| Tax code | saas |',
      '| Modified | not a date |',
      '| Created by | Jane Smith |',
      '| ID | 0d65f7c0\\-7e91\\-4f56\\-9b32\\-13a9a6a7c1de |',
      '',
    ]);
  });
});
