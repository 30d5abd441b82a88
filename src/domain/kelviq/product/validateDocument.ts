// validateProductDocument: every problem of a product document, each on the exact range of the
// JSON it concerns, at most one per range.
import type { Node } from 'jsonc-parser';
import type { ProductDetail } from '../../../api/kelviq/schemas';
import { deepEqual } from '../../document/deepEqual';
import { dedupeProblems, type DocumentProblem } from '../../document/documentProblem';
import { documentValidationSchema } from './documentSchema';
import { isEditableField } from './fields';
import { imageContext, imageProblems, isImageServerKey, onImageServerData } from './imageRules';
import { keyOf, propertiesOf } from '../../document/jsonRanges';
import { nodeValue } from '../../document/jsonValue';
import { editIssues, parseObjectDocument } from '../../document/objectDocument';
import type { Segment } from '../../document/segmentPath';
import { readOnlyProblems } from './readOnlyCheck';
import { issuesToProblems } from './zodIssueProblems';

/**
 * Problems of a product document. `base` is the version the user opened (undefined when not
 * known: read-only fields are then only type-checked and every extra field is unknown).
 *
 * Order of checks, each stopping the ones after it when it finds something:
 * JSON syntax → root must be an object → no duplicate top-level keys (domain/document/
 * objectDocument) → schema + read-only comparison + the image rules (imageRules.ts).
 * An editable field whose value equals the base is never reported (e.g. a tax code the server
 * knows but this extension does not yet), nor an image field with the value the base's image of
 * the same id has.
 */
export function validateProductDocument(text: string, base: ProductDetail | undefined): DocumentProblem[] {
  const { root, problems } = parseObjectDocument(text, { noun: 'product' });
  if (!root) return problems;

  // With a base, every non-editable field accepts any value in the schema (it is checked against
  // the base instead), so only the editable fields' values are built from the syntax tree.
  const document = base ? editableView(root) : (nodeValue(root) as Record<string, unknown>);
  const unchanged = (field: unknown): boolean =>
    base !== undefined &&
    typeof field === 'string' &&
    isEditableField(field) &&
    Object.prototype.hasOwnProperty.call(document, field) &&
    deepEqual(document[field], base[field]);

  const images = imageContext(root, document, base);
  const onServerData = (path: Segment[]): boolean => (path[0] === 'images' && path.length > 1 ? onImageServerData(images, path) : unchanged(path[0]));
  const issues = editIssues(documentValidationSchema(base), document, onServerData);
  return dedupeProblems([
    ...(base ? readOnlyProblems(root, base, text) : []),
    ...issuesToProblems(issues, root, (path) => isImageServerKey(images, path)),
    ...imageProblems(images, document),
  ]);
}

function editableView(root: Node): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const property of propertiesOf(root)) {
    const key = keyOf(property);
    const value = property.children?.[1];
    // defineProperty: a field named "__proto__" is an ordinary (unknown) field, as in JSON.parse.
    Object.defineProperty(view, key, { value: isEditableField(key) && value ? nodeValue(value) : null, enumerable: true, writable: true, configurable: true });
  }
  return view;
}
