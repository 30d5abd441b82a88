// Request-body validation derived at runtime from the vendor's OpenAPI spec, so the sandbox
// enforces kelviq's contract and not our client's idea of it. ajv reports JSON-Schema errors;
// we translate them into the field-keyed (and, for nested bodies, nested) messages Django REST
// Framework sends.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { addDrfError, type DrfErrors } from './drfErrors';
import { loadSpec, reachableComponents, toAjvSchema } from './specSchemas';

export { SPEC_PATH } from './specSchemas';

/** DRF's 400 shape for flat errors: field name -> messages (`non_field_errors` for the body as a whole). */
export type FieldErrors = Record<string, string[]>;

export type RequestSchemaName =
  | 'ProductCreateRequest'
  | 'ProductUpdateRequest'
  | 'ProductSettingsUpdateRequest'
  | 'PlanCreateRequest'
  | 'PlanUpdateRequest'
  | 'PlanPublishRequest'
  | 'PlanPriceBulkRequest'
  | 'PlanFeaturesCreateRequest'
  | 'PlanFeaturePatchRequest'
  | 'FeatureCreateRequest'
  | 'PresignedUploadRequest'
  | 'ProductImageUpdateRequest'
  | 'PlanFileUpdateRequest';

const SCHEMA_NAMES: readonly RequestSchemaName[] = [
  'ProductCreateRequest', 'ProductUpdateRequest', 'ProductSettingsUpdateRequest', 'PlanCreateRequest', 'PlanUpdateRequest',
  'PlanPublishRequest', 'PlanPriceBulkRequest', 'PlanFeaturesCreateRequest', 'PlanFeaturePatchRequest', 'FeatureCreateRequest',
  'PresignedUploadRequest', 'ProductImageUpdateRequest', 'PlanFileUpdateRequest',
];

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: DrfErrors };

let validators: Map<RequestSchemaName, ValidateFunction> | undefined;

function compileValidators(): Map<RequestSchemaName, ValidateFunction> {
  const spec = loadSpec();
  // OpenAPI 3.0 schemas are "JSON Schema plus": `nullable` is understood by ajv itself (with a
  // `type`; specSchemas.ts spells out the others), and `example` is documentation only, so it is
  // registered as an annotation keyword. Keeping strict mode on means any other unknown keyword in
  // a request schema fails loudly.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addVocabulary(['example']);
  // Each component a request schema reaches becomes its own ajv schema keyed by name, with
  // `#/components/schemas/X` refs rewritten to `X`. Unrelated components stay out: some use
  // OpenAPI 3.0's boolean `exclusiveMinimum`, which is not valid in ajv's JSON Schema draft.
  for (const name of reachableComponents(spec, SCHEMA_NAMES)) {
    ajv.addSchema(toAjvSchema(spec.components.schemas[name]) as Record<string, unknown>, name);
  }
  return new Map(SCHEMA_NAMES.map((name) => [name, ajv.compile({ $ref: name })]));
}

/** Python type names, because DRF quotes them in its messages ("got type \"str\""). */
function pythonType(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}

function pythonRepr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return JSON.stringify(value);
}

const TYPE_MESSAGES: Record<string, (value: unknown) => string> = {
  string: () => 'Not a valid string.',
  boolean: () => 'Must be a valid boolean.',
  integer: () => 'A valid integer is required.',
  number: () => 'A valid number is required.',
  array: (value) => `Expected a list of items but got type "${pythonType(value)}".`,
  object: (value) => `Expected a dictionary of items but got type "${pythonType(value)}".`,
};

const FORMAT_MESSAGES: Record<string, string> = {
  uri: 'Enter a valid URL.',
  uuid: 'Must be a valid UUID.',
  'date-time': 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
  email: 'Enter a valid email address.',
};

function drfMessage(error: ErrorObject): string {
  const schema = (error.parentSchema ?? {}) as { enum?: unknown[] };
  // DRF's ChoiceField stringifies whatever it got, so a wrong type on an enum field is still
  // reported as "not a valid choice" rather than as a type error.
  if (schema.enum && (error.keyword === 'enum' || error.keyword === 'type')) {
    return `"${pythonRepr(error.data)}" is not a valid choice.`;
  }
  if (error.keyword === 'required') return 'This field is required.';
  if (error.keyword === 'type') {
    if (error.data === null) return 'This field may not be null.';
    const expected = String((error.params as { type: string | string[] }).type).split(',')[0] ?? 'string';
    return (TYPE_MESSAGES[expected] ?? (() => `Must be of type ${expected}.`))(error.data);
  }
  if (error.keyword === 'format') {
    return FORMAT_MESSAGES[(error.params as { format: string }).format] ?? 'Enter a valid value.';
  }
  if (error.keyword === 'minimum') return `Ensure this value is greater than or equal to ${String((error.params as { limit: number }).limit)}.`;
  if (error.keyword === 'maximum') return `Ensure this value is less than or equal to ${String((error.params as { limit: number }).limit)}.`;
  return `Invalid value: ${error.message ?? error.keyword}.`;
}

/** Where an ajv error belongs: the path of field names and list indexes (the missing field for `required`). */
function pathOf(error: ErrorObject): string[] {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return error.keyword === 'required' ? [...segments, (error.params as { missingProperty: string }).missingProperty] : segments;
}

function toDrfErrors(errors: ErrorObject[], body: unknown): DrfErrors {
  const out: DrfErrors = {};
  for (const error of errors) {
    const path = pathOf(error);
    addDrfError(out, body, path, path.length === 0 ? bodyMessage(error.data) : drfMessage(error));
  }
  return out;
}

function bodyMessage(data: unknown): string {
  return data === null ? 'No data provided' : `Invalid data. Expected a dictionary, but got ${pythonType(data)}.`;
}

// Rules the spec cannot express but DRF applies to model-backed CharFields: surrounding
// whitespace is trimmed (trim_whitespace=True) and required text may not end up blank.
const TRIMMED_FIELDS = ['name', 'identifier', 'description', 'currency', 'fileName', 'fileType'] as const;
const NON_BLANK_FIELDS = ['name', 'identifier', 'currency', 'fileName', 'fileType'] as const;
// Django's SlugField validator (the spec calls identifiers "URL-safe slugs").
const SLUG = /^[-a-zA-Z0-9_]+$/;

function applyDrfFieldRules(body: Record<string, unknown>, errors: DrfErrors): void {
  for (const field of TRIMMED_FIELDS) {
    const value = body[field];
    if (typeof value === 'string') body[field] = value.trim();
  }
  for (const field of NON_BLANK_FIELDS) {
    if (body[field] === '' && !errors[field]) errors[field] = ['This field may not be blank.'];
  }
  const identifier = body.identifier;
  if (typeof identifier === 'string' && identifier !== '' && !SLUG.test(identifier) && !errors.identifier) {
    errors.identifier = ['Enter a valid "slug" consisting of letters, numbers, underscores or hyphens.'];
  }
}

/**
 * Validates a parsed JSON body against one of the spec's request schemas. Unknown fields are
 * accepted and dropped by the caller: the spec does not say `additionalProperties: false`, and
 * DRF serializers silently ignore fields they do not declare (read-only ones included).
 */
export function validateRequest<T>(name: RequestSchemaName, body: unknown): ValidationResult<T> {
  validators ??= compileValidators();
  const validate = validators.get(name);
  if (!validate) throw new Error(`No validator for ${name}`);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, errors: { non_field_errors: [bodyMessage(body)] } };
  }
  const copy = { ...(body as Record<string, unknown>) };
  const errors = validate(copy) ? {} : toDrfErrors(validate.errors ?? [], copy);
  applyDrfFieldRules(copy, errors);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: copy as T };
}

/** Compiles the validators eagerly, so a broken spec fails at start-up rather than mid-test. */
export function loadValidators(): void {
  validators ??= compileValidators();
}
