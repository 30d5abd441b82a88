// Text we did not write (server messages, catalog data such as product names), made safe to put
// in front of a person. VS Code renders `[label](command:…)` in notification, progress and quick
// input text as a link that runs the command with its arguments, and `$(name)` as an icon; a
// name with newlines or bidi overrides can push or reorder the rest of a sentence in a dialog.
// Pure: no vscode. Logs keep the raw text; every user-facing surface gets one of these:
//  - plainText: notifications, modal dialogs (message and detail), progress titles, quick picks,
//    view messages, status bar tooltips;
//  - quoted: an untrusted name inside one of our sentences ("Archive “…” in Production?");
//  - markdownText / markdownCode: untrusted values inside a MarkdownString (tooltips, hovers);
//  - oneLine: surfaces that render neither links nor icons (tree item labels and descriptions).

/** Line breaks, tabs and other whitespace controls: each run becomes one space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/**
 * Invisible characters that can hide or reorder text: other C0/C1 controls and DEL, zero-width
 * characters, the bidi embeddings, overrides, isolates and marks, and Unicode tag characters.
 * They are removed before the link syntax is neutralised, so they cannot hide a link from it.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|\udb40[\udc00-\udc7f]/g;
const SPACES = / {2,}/g;

export const DEFAULT_MAX_LENGTH = 1000;
/** Names inside our own sentences are kept short, so the sentence's end stays in view. */
export const DEFAULT_NAME_LENGTH = 80;

/**
 * One line of inert text, at most `maxLength` characters (an ellipsis marks a cut):
 * - newlines, tabs and runs of spaces collapse to one space; control, zero-width and bidi
 *   characters are removed;
 * - `[label](target)` and `![alt](target)` become `[label] (target)`: no renderer sees a link;
 * - `<scheme:…>` autolinks open with `‹` instead of `<`;
 * - `command:` reads `command∶` (a ratio sign, not a colon), so no bare command URI remains;
 * - `$(icon)` becomes `$ (icon)`, so nothing renders as a codicon.
 * Idempotent: plainText(plainText(x)) === plainText(x).
 */
export function plainText(text: string, maxLength: number = DEFAULT_MAX_LENGTH): string {
  const clean = cleanLine(text)
    .replace(/\]\(/g, '] (')
    .replace(/<(?=[a-z][a-z0-9+.-]*:)/gi, '‹')
    .replace(/(command):/gi, '$1\u2236')
    .replace(/\$\(/g, '$ (');
  return truncate(clean, maxLength);
}

/**
 * An untrusted name inside one of our sentences: `“name”`, as plainText and at most `maxLength`
 * characters, with the double quotes inside it turned into `'` so that it cannot end the quote
 * early and continue our sentence ("Foo” in Sandbox? “x").
 */
export function quoted(name: string, maxLength: number = DEFAULT_NAME_LENGTH): string {
  return `“${plainText(name, maxLength).replace(/["“”„‟«»]/g, "'")}”`;
}

/**
 * Untrusted text as the literal content of a Markdown paragraph or table cell: one line, every
 * ASCII punctuation character backslash-escaped (CommonMark allows escaping all of them), so no
 * emphasis, link, autolink, HTML, table pipe or entity can form.
 */
export function markdownText(text: string, maxLength: number = DEFAULT_MAX_LENGTH): string {
  return truncate(cleanLine(text), maxLength).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * Untrusted text as a Markdown code span. Backslash escapes are not processed inside code spans,
 * so the content is left as it is and fenced by one more backtick than its longest backtick run;
 * a space pads content that starts or ends with a backtick (CommonMark strips one from each side).
 */
export function markdownCode(text: string, maxLength: number = DEFAULT_MAX_LENGTH): string {
  const content = truncate(cleanLine(text), maxLength);
  if (content === '') return '';
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * One line without control, zero-width or bidi characters, at most `maxLength` characters; no
 * syntax is touched. Only for surfaces that render neither links nor icons (tree item labels and
 * descriptions): everywhere else use plainText.
 */
export function oneLine(text: string, maxLength: number = DEFAULT_MAX_LENGTH): string {
  return truncate(cleanLine(text), maxLength);
}

function cleanLine(text: string): string {
  return String(text).replace(BREAKS, ' ').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Cuts at a code point boundary; the result, ellipsis included, has at most `maxLength` characters. */
function truncate(text: string, maxLength: number): string {
  const max = Math.max(1, Math.floor(maxLength));
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max - 1).join('').trimEnd()}…`;
}
