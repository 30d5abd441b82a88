// validateFeatureDocument: the problems of a feature document's text, on exact ranges. Nothing in
// a feature can be changed (the API has no update), so beyond JSON syntax every difference from
// the version the text came from is a read-only problem.
import { dedupeProblems, type DocumentProblem } from '../../document/documentProblem';
import { keyOf, propertiesOf } from '../../document/jsonRanges';
import type { JsonObject } from '../../document/jsonShapes';
import { parseJsonObject } from '../../document/objectDocument';
import { memoWrittenValue, topLevelReadOnlyProblems } from '../../document/readOnlyProblems';
import { FEATURE_READ_ONLY_REASON } from './featureTypes';
import { writtenFeatureValue } from './serializeFeature';

const writtenValue = memoWrittenValue(writtenFeatureValue);

/**
 * Problems of a feature document. `base` is the feature the text came from; without it only the
 * syntax and the shape (an object) are checked.
 */
export function validateFeatureDocument(text: string, base: JsonObject | undefined): DocumentProblem[] {
  const { root, problems } = parseJsonObject(text, 'feature');
  if (!root) return problems;
  if (!base) return [];
  const fields = [...new Set([...Object.keys(base).filter((k) => base[k] !== undefined), ...propertiesOf(root).map(keyOf)])];
  return dedupeProblems(
    topLevelReadOnlyProblems(root, base, text, {
      fields,
      writtenValue,
      addedMessage: (field) => `\`${field}\` is not a field of this feature; it will not be saved.`,
    }).map((p) => ({ ...p, message: `${p.message} ${FEATURE_READ_ONLY_REASON}` })),
  );
}
