// validateSettingsDocument: every problem of a product-settings document, each on the exact range
// of the JSON it concerns. The five settings are checked as the PATCH takes them (booleans, an
// ISO 4217 currency, an absolute http(s) URL); a value equal to the base's is never reported (a
// currency the server knows but this runtime's data does not). Fields the server added are
// compared with the base, as every kind's read-only fields are.
import type { Node } from 'jsonc-parser';
import { deepEqual } from '../../document/deepEqual';
import { dedupeProblems, type DocumentProblem } from '../../document/documentProblem';
import { suggestField } from '../../document/fieldSuggestion';
import { jsonTypeOf, keyOf, nodeRange, propertiesOf } from '../../document/jsonRanges';
import type { JsonObject } from '../../document/jsonShapes';
import { nodeValue } from '../../document/jsonValue';
import { parseObjectDocument } from '../../document/objectDocument';
import { listFields, withArticle } from '../../document/problemWording';
import { memoWrittenValue, topLevelReadOnlyProblems } from '../../document/readOnlyProblems';
import { currencyCodes } from '../../isoCodes';
import { BOOLEAN_SETTINGS, isSettingsField, SETTINGS_FIELDS, type SettingsField } from './settingsFields';
import { serverFieldsOf, writtenSettingsValue } from './serializeSettings';

const writtenValue = memoWrittenValue(writtenSettingsValue);

export function validateSettingsDocument(text: string, base: JsonObject | undefined): DocumentProblem[] {
  const { root, problems } = parseObjectDocument(text, { noun: 'product settings' });
  if (!root) return problems;
  const serverFields = base ? serverFieldsOf(base) : [];
  const out: DocumentProblem[] = base ? topLevelReadOnlyProblems(root, base, text, { fields: serverFields, writtenValue }) : [];
  const present = new Set<string>();
  for (const property of propertiesOf(root)) {
    const key = keyOf(property);
    present.add(key);
    const value = property.children?.[1];
    if (!value) continue;
    if (isSettingsField(key)) {
      const problem = base && Object.hasOwn(base, key) && deepEqual(nodeValue(value), base[key]) ? undefined : valueProblem(key, value, base);
      if (problem) out.push(problem);
    } else if (!serverFields.includes(key)) {
      const suggestion = suggestField(key, SETTINGS_FIELDS);
      out.push({
        code: 'unknown-field',
        severity: 'error',
        field: key,
        message: `Unknown field \`${key}\`: the settings API does not accept it. ${suggestion ? `Did you mean \`${suggestion}\`?` : `Only ${listFields(SETTINGS_FIELDS)} can be edited.`}`,
        ...nodeRange(property.children![0]!),
        ...(suggestion ? { data: { suggestion } } : {}),
      });
    }
  }
  // A setting cannot be removed (the PATCH leaves a missing field as it is): saying so beats a
  // save that silently keeps the old value.
  const missing = SETTINGS_FIELDS.filter((f) => !present.has(f) && base !== undefined && base[f] !== undefined);
  if (missing.length > 0) {
    out.push({
      code: 'required',
      severity: 'error',
      message: `${listFields(missing)} ${missing.length === 1 ? 'is' : 'are'} missing: a setting cannot be removed, only changed. Put ${missing.length === 1 ? 'it' : 'them'} back.`,
      offset: root.offset,
      length: 1,
      data: { fields: [...missing] },
    });
  }
  return dedupeProblems(out);
}

function valueProblem(field: SettingsField, node: Node, base: JsonObject | undefined): DocumentProblem | undefined {
  const at = { severity: 'error' as const, field, ...nodeRange(node) };
  if ((BOOLEAN_SETTINGS as readonly string[]).includes(field)) {
    return node.type === 'boolean' ? undefined : { ...at, code: 'type', message: `\`${field}\` must be true or false, not ${withArticle(jsonTypeOf(node))}.` };
  }
  if (field === 'currency') {
    if (node.type !== 'string') return { ...at, code: 'type', message: `\`currency\` must be a string (an ISO 4217 code such as "EUR"), not ${withArticle(jsonTypeOf(node))}.` };
    const value = String(node.value);
    const codes = currencyCodes().map((c) => c.code);
    if (codes.length === 0 || codes.includes(value)) return undefined;
    const suggestion = codes.includes(value.toUpperCase()) ? value.toUpperCase() : suggestField(value.toUpperCase(), codes);
    return {
      ...at,
      code: 'invalid-value',
      message: `${JSON.stringify(value)} is not an ISO 4217 currency code.${suggestion ? ` Did you mean \`${suggestion}\`?` : ' Use a three-letter code such as "USD" or "EUR".'}`,
      ...(suggestion ? { data: { suggestion } } : {}),
    };
  }
  // productUrl
  if (node.type === 'null') {
    return typeof base?.productUrl === 'string'
      ? { ...at, code: 'invalid-value', message: 'The settings API cannot clear `productUrl` (its update takes a URL only): put a URL back, or the old one.' }
      : undefined;
  }
  if (node.type !== 'string') return { ...at, code: 'type', message: `\`productUrl\` must be a URL string (or null while none is set), not ${withArticle(jsonTypeOf(node))}.` };
  return urlProblem(String(node.value)) ? { ...at, code: 'invalid-value', message: `\`productUrl\` ${urlProblem(String(node.value))}` } : undefined;
}

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as "https://app.example.com".';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must be an http or https URL, not ${url.protocol.replace(/:$/, '')}.`;
  return undefined;
}
