// The Markdown of a product row's tooltip. Every value is catalog data: names and descriptions
// are escaped Markdown text, the identifier a code span fenced longer than any backtick run in
// it (escapes are not processed inside code spans), table cells plain escaped text (a `|` in a
// code span would still split a table cell). The caller wraps it in an untrusted MarkdownString
// (no command links, no HTML, no theme icons). Pure: unit-tested.
import type { Product } from '../../api';
import { markdownCode, markdownText } from '../../domain/untrustedText';

// One formatter for every row: building an Intl formatter per product took ~1 s for 10,000 rows.
const DATE_FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function productTooltipMarkdown(p: Product): string {
  const lines = [`**${markdownText(p.name, 200)}** ${markdownCode(p.identifier, 100)}`, ''];
  if (p.description) lines.push(markdownText(p.description, 500), '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Tax code | ${markdownText(p.taxCode, 60)} |`);
  lines.push(`| Modified | ${markdownText(formatDate(p.modifiedOn), 60)} |`);
  if (p.createdBy) lines.push(`| Created by | ${markdownText(p.createdBy, 100)} |`);
  lines.push(`| ID | ${markdownText(p.id, 60)} |`);
  return `${lines.join('\n')}\n`;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_FORMAT.format(d);
}
