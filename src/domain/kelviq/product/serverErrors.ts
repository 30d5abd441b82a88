// serverErrorsToProblems: a 400 response's field errors placed on the fields they concern. The
// field names are the server's words: only own entries are read (into a Map), so `constructor`,
// `toString` or `__proto__` are field names like any other, never members of Object.prototype.
import type { Node } from 'jsonc-parser';
import type { DocumentProblem } from '../../document/documentProblem';
import { findPropertyRangeInTree, nodeRange, parseDocument, propertiesOf, type TextRange } from '../../document/jsonRanges';

/** Keys under which DRF-style APIs report errors about the whole request. */
const NON_FIELD_KEYS = new Set(['non_field_errors', 'nonFieldErrors', 'detail', '__all__']);

function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Where a field's errors go: its value, trying `key`, its camelCase form, then a dotted path. */
function fieldRange(root: Node | undefined, key: string): TextRange | undefined {
  if (!root || NON_FIELD_KEYS.has(key)) return undefined;
  const candidates: (string | number)[][] = [[key], [snakeToCamel(key)]];
  if (key.includes('.')) candidates.push(key.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
  for (const path of candidates) {
    const found = findPropertyRangeInTree(root, path);
    if (found) return found.value;
  }
  return undefined;
}

/** The first property's key, else the start of the document. */
function fallbackRange(root: Node | undefined): TextRange {
  const first = propertiesOf(root)[0]?.children?.[0];
  return first ? nodeRange(first) : { offset: root?.offset ?? 0, length: 0 };
}

/**
 * Each field's messages become one 'server' problem on that property's value. Messages that
 * belong to no property of the document (non_field_errors, detail, fields not in the document)
 * become one problem on the first property's key (offset 0 if there is none), prefixed with
 * their field name when they have one. One problem per range: messages for the same range are
 * joined.
 */
export function serverErrorsToProblems(text: string, fieldErrors: Readonly<Record<string, readonly string[]>>): DocumentProblem[] {
  const { root } = parseDocument(text);
  const byRange = new Map<string, DocumentProblem>();
  const add = (range: TextRange, message: string, field: string | undefined): void => {
    const id = `${range.offset}:${range.length}`;
    const existing = byRange.get(id);
    if (existing) existing.message = `${existing.message}\n${message}`;
    else byRange.set(id, { code: 'server', message, severity: 'error', ...(field ? { field } : {}), ...range });
  };
  const fields = new Map<string, unknown>(Object.entries(fieldErrors));
  for (const [key, raw] of fields) {
    const messages = (Array.isArray(raw) ? (raw as unknown[]) : [String(raw)]).filter((m): m is string => typeof m === 'string' && m.trim() !== '');
    if (messages.length === 0) continue;
    const range = fieldRange(root, key);
    if (range) {
      add(range, messages.join('\n'), key.includes('.') ? key.split('.')[0] : snakeToCamelIfPresent(root, key));
    } else {
      const prefix = NON_FIELD_KEYS.has(key) ? '' : `${key}: `;
      add(fallbackRange(root), messages.map((m) => `${prefix}${m}`).join('\n'), undefined);
    }
  }
  return [...byRange.values()].sort((a, b) => a.offset - b.offset || a.length - b.length);
}

function snakeToCamelIfPresent(root: Node | undefined, key: string): string {
  return root && !findPropertyRangeInTree(root, [key]) ? snakeToCamel(key) : key;
}
