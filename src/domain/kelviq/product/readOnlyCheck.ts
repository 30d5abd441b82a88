// Read-only fields are compared with the version the user opened: a change or removal is an
// error on that field (it would silently not be saved), carrying the original for a revert.
import type { Node } from 'jsonc-parser';
import type { ProductDetail } from '../../../api/kelviq/schemas';
import { deepEqual } from '../../document/deepEqual';
import type { DocumentProblem } from '../../document/documentProblem';
import { serverFieldsOf } from './documentSchema';
import { READ_ONLY_FIELDS } from './fields';
import { findProperty, nodeRange } from '../../document/jsonRanges';
import { nodeValue } from '../../document/jsonValue';
import { listFields } from './zodIssueProblems';

/** Every field of the base the user cannot change: known read-only fields and server extras. */
export function readOnlyFieldsOf(base: ProductDetail): string[] {
  return [...READ_ONLY_FIELDS, ...serverFieldsOf(base)];
}

/**
 * Each base field's value as serializeProduct writes it (nested lines indented by two spaces).
 * An unchanged field's text equals it, which is far cheaper to check than rebuilding the value
 * from the syntax tree (a server field can be a megabyte).
 */
const writtenValues = new WeakMap<ProductDetail, Map<string, string>>();

function writtenValue(base: ProductDetail, field: string): string | undefined {
  let values = writtenValues.get(base);
  if (!values) writtenValues.set(base, (values = new Map()));
  if (!values.has(field)) {
    const json = JSON.stringify(base[field], null, 2) as string | undefined;
    values.set(field, json === undefined ? '' : json.replace(/\n/g, '\n  '));
  }
  return values.get(field);
}

export function readOnlyProblems(root: Node, base: ProductDetail, text: string): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const removed: string[] = [];
  for (const field of readOnlyFieldsOf(base)) {
    const original = base[field];
    const found = findProperty(root, field);
    if (!found?.value) {
      if (original !== undefined) removed.push(field);
      continue;
    }
    if (original !== undefined) {
      const asWritten = text.slice(found.value.offset, found.value.offset + found.value.length) === writtenValue(base, field);
      if (asWritten || deepEqual(nodeValue(found.value), original)) continue;
    }
    problems.push({
      code: 'read-only',
      message: `\`${field}\` is read-only; this change will not be saved.`,
      severity: 'error',
      field,
      ...nodeRange(found.value),
      data: { original },
    });
  }
  if (removed.length > 0) {
    const first = removed[0]!;
    const verb = removed.length > 1 ? 'are' : 'is';
    const pronoun = removed.length > 1 ? 'them' : 'it';
    problems.push({
      code: 'read-only',
      message: `${listFields(removed)} ${verb} read-only; removing ${pronoun} will not be saved.`,
      severity: 'error',
      field: first,
      ...nodeRange(root),
      data: { original: base[first], originals: Object.fromEntries(removed.map((f) => [f, base[f]])) },
    });
  }
  return problems;
}
