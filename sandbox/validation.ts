// Request-body validation derived at runtime from the vendor's OpenAPI spec, so the sandbox
// enforces kelviq's contract and not our client's idea of it. ajv reports JSON-Schema errors;
// we translate them into the field-keyed messages Django REST Framework sends.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** DRF's 400 shape: field name -> messages (`non_field_errors` for the body as a whole). */
export type FieldErrors = Record<string, string[]>;

export type RequestSchemaName = 'ProductCreateRequest' | 'ProductUpdateRequest' | 'ProductSettingsUpdateRequest';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const SPEC_PATH = path.join(__dirname, '..', 'vendor', 'kelviq-openapi.json');
const COMPONENT_REF = '#/components/schemas/';

interface OpenApiDoc {
  components: { schemas: Record<string, Record<string, unknown>> };
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)
        ? [key, value.slice(COMPONENT_REF.length)]
        : [key, rewriteRefs(value)],
    ),
  );
}

function reachableComponents(spec: OpenApiDoc, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)) {
        visitName(value.slice(COMPONENT_REF.length));
      } else {
        visit(value);
      }
    }
  };
  const visitName = (name: string): void => {
    if (seen.has(name)) return;
    const schema = spec.components.schemas[name];
    if (!schema) throw new Error(`Vendor spec has no component schema ${name}`);
    seen.add(name);
    visit(schema);
  };
  roots.forEach(visitName);
  return seen;
}

let validators: Map<RequestSchemaName, ValidateFunction> | undefined;

function compileValidators(): Map<RequestSchemaName, ValidateFunction> {
  const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc;
  // OpenAPI 3.0 schemas are "JSON Schema plus": `nullable` is understood by ajv itself, and
  // `example` is documentation only, so it is registered as an annotation keyword. Keeping
  // strict mode on means any other unknown keyword in a request schema fails loudly.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addVocabulary(['example']);
  // Each component a request schema reaches becomes its own ajv schema keyed by name, with
  // `#/components/schemas/X` refs rewritten to `X`. Unrelated components stay out: some use
  // OpenAPI 3.0's boolean `exclusiveMinimum`, which is not valid in ajv's JSON Schema draft.
  const names: RequestSchemaName[] = ['ProductCreateRequest', 'ProductUpdateRequest', 'ProductSettingsUpdateRequest'];
  for (const name of reachableComponents(spec, names)) {
    ajv.addSchema(rewriteRefs(spec.components.schemas[name]) as Record<string, unknown>, name);
  }
  return new Map(names.map((name) => [name, ajv.compile({ $ref: name })]));
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
  return `Invalid value: ${error.message ?? error.keyword}.`;
}

/** The top-level field an ajv error belongs to; list items collapse onto their list field. */
function fieldOf(error: ErrorObject): string {
  if (error.keyword === 'required') return (error.params as { missingProperty: string }).missingProperty;
  const first = error.instancePath.split('/')[1];
  return first === undefined || first === '' ? 'non_field_errors' : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

function toFieldErrors(errors: ErrorObject[]): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const field = fieldOf(error);
    const message = field === 'non_field_errors' ? bodyMessage(error.data) : drfMessage(error);
    // One message per field, as DRF stops at the first failing validator of a field.
    out[field] ??= [message];
  }
  return out;
}

function bodyMessage(data: unknown): string {
  return data === null ? 'No data provided' : `Invalid data. Expected a dictionary, but got ${pythonType(data)}.`;
}

// Rules the spec cannot express but DRF applies to model-backed CharFields: surrounding
// whitespace is trimmed (trim_whitespace=True) and required text may not end up blank.
const TRIMMED_FIELDS = ['name', 'identifier', 'description', 'currency'] as const;
const NON_BLANK_FIELDS = ['name', 'identifier', 'currency'] as const;
// Django's SlugField validator (the spec calls identifiers "URL-safe slugs").
const SLUG = /^[-a-zA-Z0-9_]+$/;

function applyDrfFieldRules(body: Record<string, unknown>, errors: FieldErrors): void {
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
  const errors = validate(copy) ? {} : toFieldErrors(validate.errors ?? []);
  applyDrfFieldRules(copy, errors);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: copy as T };
}

/** Compiles the validators eagerly, so a broken spec fails at start-up rather than mid-test. */
export function loadValidators(): void {
  validators ??= compileValidators();
}
