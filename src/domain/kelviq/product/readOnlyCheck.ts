// Read-only fields of a product document are compared with the version the user opened
// (domain/document/readOnlyProblems): the known read-only fields and the server's extras.
import type { Node } from 'jsonc-parser';
import type { ProductDetail } from '../../../api/kelviq/schemas';
import type { DocumentProblem } from '../../document/documentProblem';
import { memoWrittenValue, topLevelReadOnlyProblems } from '../../document/readOnlyProblems';
import { readOnlyFieldsOf } from './documentSchema';
import { writtenFieldValue } from './serializeProduct';

/** Each base field's text as serializeProduct writes it: an unchanged field's text equals it (cheap for big fields). */
const writtenValue = memoWrittenValue(writtenFieldValue);

export function readOnlyProblems(root: Node, base: ProductDetail, text: string): DocumentProblem[] {
  return topLevelReadOnlyProblems(root, base, text, { fields: readOnlyFieldsOf(base), writtenValue });
}
