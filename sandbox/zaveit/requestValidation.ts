// Request-body validation for the Zaveit sandbox: ajv against productRequest.schema.json (written
// from Zaveit's docs, not derived from our zod), with messages in the style of a Mongoose
// ValidationError ("Product validation failed: name: Path `name` is required."), since the
// documented ids (24-hex ObjectIds, `__v`) say the server is a Mongoose model.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

export const ZAVEIT_SCHEMA_PATH = path.join(__dirname, 'productRequest.schema.json');

export type ZaveitBodyKind = 'create' | 'update';
export type ZaveitValidation = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

let validators: Map<ZaveitBodyKind, ValidateFunction> | undefined;

function compile(): Map<ZaveitBodyKind, ValidateFunction> {
  const schema = JSON.parse(fs.readFileSync(ZAVEIT_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  ajv.addSchema(schema);
  const id = schema.$id as string;
  return new Map<ZaveitBodyKind, ValidateFunction>([
    ['create', ajv.getSchema(`${id}#/definitions/create`)!],
    ['update', ajv.getSchema(`${id}#/definitions/update`)!],
  ]);
}

/** Compiles eagerly, so a broken schema file fails at start-up rather than mid-test. */
export function loadZaveitValidators(): void {
  validators ??= compile();
}

/** `/products/0/price` → `products.0.price` (Mongoose paths). */
function dotted(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.join('.');
}

function jsType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'Array' : typeof value;
}

const CAST_NAMES: Record<string, string> = { number: 'Number', integer: 'Number', string: 'string', boolean: 'Boolean', object: 'Object', array: 'Array' };

function messageFor(error: ErrorObject, body: unknown): string | undefined {
  const at = dotted(error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const field = dotted(error.instancePath, (error.params as { missingProperty: string }).missingProperty);
      return `${field}: Path \`${field}\` is required.`;
    }
    case 'minLength':
      return `${at}: Path \`${at}\` is required.`;
    case 'type': {
      const value = valueAt(body, error.instancePath);
      const wanted = String((error.params as { type: string | string[] }).type).split(',')[0] ?? 'value';
      return `${at}: Cast to ${CAST_NAMES[wanted] ?? wanted} failed for value ${JSON.stringify(value)} (type ${jsType(value)}) at path "${at}"`;
    }
    case 'minimum':
      return `${at}: Path \`${at}\` (${JSON.stringify(valueAt(body, error.instancePath))}) is less than minimum allowed value (${(error.params as { limit: number }).limit}).`;
    case 'pattern':
      return `${at}: Path \`${at}\` is invalid (${JSON.stringify(valueAt(body, error.instancePath))}).`;
    case 'minProperties':
      return 'Nothing to update: the body names no field.';
    case 'allOf':
      return undefined; // its branches report
    default:
      return `${at || '(body)'}: ${error.message ?? 'is invalid'}.`;
  }
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

/** Validates a parsed body. The message lists every problem, as a Mongoose ValidationError does. */
export function validateZaveitBody(kind: ZaveitBodyKind, body: unknown): ZaveitValidation {
  validators ??= compile();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, message: `Product validation failed: the body must be a JSON object, not ${jsType(body)}.` };
  }
  const validate = validators.get(kind)!;
  if (validate(body)) return { ok: true, value: body as Record<string, unknown> };
  const messages = [...new Set((validate.errors ?? []).map((e) => messageFor(e, body)).filter((m): m is string => m !== undefined))];
  return { ok: false, message: `Product validation failed: ${messages.join(', ')}` };
}
