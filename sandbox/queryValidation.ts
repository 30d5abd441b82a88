// Query parameters checked against the vendor spec's parameter schemas with ajv (e.g. `?version=`
// must be an integer). Paging parameters are not checked here: DRF's paginator has its own rules
// (404 "Invalid page.", page_size capped), which the list endpoints follow.
import Ajv, { type ValidateFunction } from 'ajv';
import { addDrfError, type DrfErrors } from './drfErrors';
import { loadSpec, queryParameter, toAjvSchema } from './specSchemas';

const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: true });
ajv.addVocabulary(['example']);
const compiled = new Map<string, ValidateFunction>();

function validatorFor(specPath: string, method: string, name: string): ValidateFunction {
  const key = `${method} ${specPath} ${name}`;
  let validate = compiled.get(key);
  if (!validate) {
    const parameter = queryParameter(loadSpec(), specPath, method, name);
    if (!parameter?.schema) throw new Error(`Vendor spec has no query parameter ${name} on ${method} ${specPath}`);
    validate = ajv.compile({ type: 'object', properties: { [name]: toAjvSchema(parameter.schema) } });
    compiled.set(key, validate);
  }
  return validate;
}

const MESSAGES: Record<string, string> = {
  integer: 'A valid integer is required.',
  number: 'A valid number is required.',
  boolean: 'Must be a valid boolean.',
};

/**
 * The named query parameters of a request, coerced to the spec's types (absent ones left out),
 * or DRF-style errors keyed by parameter name.
 */
export function readQuery(
  specPath: string,
  method: string,
  query: URLSearchParams,
  names: readonly string[],
): { ok: true; value: Record<string, unknown> } | { ok: false; errors: DrfErrors } {
  const value: Record<string, unknown> = {};
  const errors: DrfErrors = {};
  for (const name of names) {
    const raw = query.get(name);
    if (raw === null) continue;
    const data: Record<string, unknown> = { [name]: raw.trim() };
    const validate = validatorFor(specPath, method, name);
    if (validate(data)) {
      value[name] = data[name];
    } else {
      const first = validate.errors?.[0];
      const expected = String((first?.params as { type?: string } | undefined)?.type ?? '');
      addDrfError(errors, data, [name], MESSAGES[expected] ?? `Invalid value: ${first?.message ?? 'rejected'}.`);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
