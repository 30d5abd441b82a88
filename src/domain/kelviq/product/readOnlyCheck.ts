// Read-only fields of a product document are compared with the version the user opened
// (domain/document/readOnlyProblems): the known read-only fields and the server's extras.
import type { Node } from 'jsonc-parser';
import type { ProductDetail } from '../../../api/kelviq/schemas';
import type { DocumentProblem } from '../../document/documentProblem';
import { memoWrittenValue, topLevelReadOnlyProblems } from '../../document/readOnlyProblems';
import { readOnlyFieldsOf } from './documentSchema';

/** A value as serializeProduct writes it: pretty JSON, nested lines indented by two spaces. */
const writtenValue = memoWrittenValue((_field, value) => {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  return json === undefined ? '' : json.replace(/\n/g, '\n  ');
});

export function readOnlyProblems(root: Node, base: ProductDetail, text: string): DocumentProblem[] {
  return topLevelReadOnlyProblems(root, base, text, { fields: readOnlyFieldsOf(base), writtenValue });
}
