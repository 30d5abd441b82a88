// Fields kelviq sets are compared with the version the user opened: a change, an addition or a
// removal is an error on that field (it would silently not be saved), carrying what a revert puts
// back. Top level (domain/document/readOnlyProblems): the known read-only plan fields and every
// field the server added, compared by value. Nested: a price's `id` (one of this plan's price
// ids, each once; a new price has none) and the fields the server adds to prices (compared with
// the price of the same id), and an entitlement's `featureName` (the feature's name).
import type { Node } from 'jsonc-parser';
import { findNodeAtLocation } from 'jsonc-parser';
import { deepEqual } from '../../document/deepEqual';
import type { DocumentProblem } from '../../document/documentProblem';
import { nodeRange } from '../../document/jsonRanges';
import { isPlainObject, type JsonObject } from '../../document/jsonShapes';
import { nodeValue } from '../../document/jsonValue';
import { topLevelReadOnlyProblems } from '../../document/readOnlyProblems';
import { pathLabel, type Segment } from '../../document/segmentPath';
import { featuresOf, PLAN_FEATURES_KEY } from './planObject';
import { isKnownPlanField, PRICE_FIELDS, PRICE_READ_ONLY_FIELDS, READ_ONLY_PLAN_FIELDS } from './planFields';
import { records } from './planPaths';

/** Every top-level field of the base the user cannot change: the known read-only ones and the server's extras. */
export function serverFieldsOf(base: JsonObject): string[] {
  const extras = Object.keys(base).filter((k) => !isKnownPlanField(k) && k !== PLAN_FEATURES_KEY && base[k] !== undefined).sort();
  return [...READ_ONLY_PLAN_FIELDS, ...extras];
}

/** Fields the server adds to prices (any price of the base has them): shown, never sent. */
export function priceServerFieldsOf(base: JsonObject): string[] {
  const known = new Set<string>([...PRICE_FIELDS, ...PRICE_READ_ONLY_FIELDS]);
  return [...new Set(records(base.prices).flatMap((p) => Object.keys(p)))].filter((k) => !known.has(k));
}

function problem(field: string, node: Node, message: string, original: unknown): DocumentProblem {
  return { code: 'read-only', message, severity: 'error', field, ...nodeRange(node), data: { original } };
}

function priceProblems(root: Node, doc: JsonObject, base: JsonObject): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const baseById = new Map(records(base.prices).filter((p) => typeof p.id === 'string').map((p) => [p.id as string, p]));
  const docPrices = Array.isArray(doc.prices) ? doc.prices : [];
  const claimed = new Set(docPrices.map((p: unknown) => (isPlainObject(p) ? p.id : undefined)).filter((id) => typeof id === 'string' && baseById.has(id)));
  const extras = priceServerFieldsOf(base);
  const seen = new Set<unknown>();
  docPrices.forEach((price: unknown, i: number) => {
    if (!isPlainObject(price)) return;
    const at = (key: string): Node | undefined => findNodeAtLocation(root, ['prices', i, key] as Segment[]);
    const label = pathLabel(['prices', i, 'id']);
    const idNode = at('id');
    const ownId = typeof price.id === 'string' && baseById.has(price.id) && !seen.has(price.id);
    if (idNode && !ownId) {
      // Put back the id of the base's price in this currency, if no other price shows it.
      const sameCurrency = records(base.prices).find((p) => p.currency === price.currency && typeof p.id === 'string' && !claimed.has(p.id));
      const why = seen.has(price.id) ? 'is the id of another price in this document' : 'is not the id of a price of this plan';
      problems.push(problem('prices', idNode, `\`${label}\` ${why}: price ids are set by kelviq, and a new price has none.`, sameCurrency?.id));
    }
    if (ownId) seen.add(price.id);
    const counterpart = ownId ? baseById.get(price.id as string) : undefined;
    for (const key of extras) {
      const node = at(key);
      if (!node) continue;
      const before = counterpart && Object.hasOwn(counterpart, key) ? counterpart[key] : undefined;
      if (before !== undefined && deepEqual(nodeValue(node), before)) continue;
      const where = pathLabel(['prices', i, key]);
      const message = before === undefined ? `\`${where}\` is set by kelviq and cannot be added; it will not be saved.` : `\`${where}\` is read-only; this change will not be saved.`;
      problems.push(problem('prices', node, message, before));
    }
  });
  return problems;
}

function featureNameProblems(root: Node, doc: JsonObject, base: JsonObject): DocumentProblem[] {
  const names = new Map<string, string>();
  for (const e of records(base.entitlements)) if (typeof e.feature === 'string' && typeof e.featureName === 'string') names.set(e.feature, e.featureName);
  for (const f of featuresOf(base) ?? []) names.set(f.identifier, f.name);
  const problems: DocumentProblem[] = [];
  (Array.isArray(doc.entitlements) ? doc.entitlements : []).forEach((e: unknown, i: number) => {
    if (!isPlainObject(e) || typeof e.feature !== 'string' || !names.has(e.feature)) return;
    const node = findNodeAtLocation(root, ['entitlements', i, 'featureName']);
    const name = names.get(e.feature);
    if (!node || deepEqual(nodeValue(node), name)) return;
    problems.push(problem('entitlements', node, `\`${pathLabel(['entitlements', i, 'featureName'])}\` is read-only: it shows the name of the feature \`${e.feature}\`.`, name));
  });
  return problems;
}

/** `doc` is the document's value (its read-only top-level fields may be stubs: only prices and entitlements are read). */
export function readOnlyProblems(root: Node, doc: JsonObject, base: JsonObject, text: string): DocumentProblem[] {
  const topLevel = topLevelReadOnlyProblems(root, base, text, {
    fields: serverFieldsOf(base),
    addedMessage: (field) => `\`${field}\` is set by kelviq and cannot be added; it will not be saved.`,
  });
  return [...topLevel, ...priceProblems(root, doc, base), ...featureNameProblems(root, doc, base)];
}
