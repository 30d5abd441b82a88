// Untrusted text inside Markdown (tree tooltips): escaped so it cannot become a link, an image,
// HTML or formatting, and code spans fenced with more backticks than the text holds (CommonMark),
// so a SKU like "A`B" stays one code span. The text first goes through plainText. Pure.
import { plainText } from './untrustedText';

/** Plain (escaped) Markdown text of an untrusted string. */
export function markdownText(text: string, maxLength = 200): string {
  return plainText(text, maxLength).replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

/** A code span holding `text` literally: the fence is one backtick longer than its longest run. */
export function markdownCode(text: string, maxLength = 120): string {
  const flat = plainText(text, maxLength);
  if (flat.trim() === '') return '(empty)';
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A space on each side when the text starts or ends with a backtick (or is blank), as CommonMark wants.
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
