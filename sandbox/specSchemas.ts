// The vendor's OpenAPI spec (vendor/kelviq-openapi.json) as ajv needs it: loaded once, component
// refs rewritten to plain schema names, and OpenAPI 3.0's `nullable` without a `type` (which ajv
// cannot read) spelled out as "this, or null". The meaning of every schema stays the vendor's.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SPEC_PATH = path.join(__dirname, '..', 'vendor', 'kelviq-openapi.json');
const COMPONENT_REF = '#/components/schemas/';

export interface OpenApiParameter {
  name: string;
  in: string;
  schema?: Record<string, unknown>;
}

export interface OpenApiDoc {
  components: { schemas: Record<string, Record<string, unknown>> };
  paths: Record<string, Record<string, unknown> & { parameters?: OpenApiParameter[] }>;
}

let spec: OpenApiDoc | undefined;

export function loadSpec(): OpenApiDoc {
  spec ??= JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc;
  return spec;
}

/** A spec schema for ajv: `#/components/schemas/X` → `X`; `nullable` without `type` → anyOf null. */
export function toAjvSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toAjvSchema);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const out = Object.fromEntries(
    Object.entries(record).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)
        ? [key, value.slice(COMPONENT_REF.length)]
        : [key, toAjvSchema(value)],
    ),
  );
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _nullable, description, example, ...rest } = out;
    return { ...(description !== undefined ? { description } : {}), ...(example !== undefined ? { example } : {}), anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

/** The component schemas `roots` reach through refs (only these are given to ajv). */
export function reachableComponents(doc: OpenApiDoc, roots: readonly string[]): Set<string> {
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
    const schema = doc.components.schemas[name];
    if (!schema) throw new Error(`Vendor spec has no component schema ${name}`);
    seen.add(name);
    visit(schema);
  };
  roots.forEach(visitName);
  return seen;
}

/** The query parameter `name` of `method` on `specPath` (operation level first, then path level). */
export function queryParameter(doc: OpenApiDoc, specPath: string, method: string, name: string): OpenApiParameter | undefined {
  const item = doc.paths[specPath];
  if (!item) throw new Error(`Vendor spec has no path ${specPath}`);
  const operation = item[method.toLowerCase()] as { parameters?: OpenApiParameter[] } | undefined;
  const find = (list: OpenApiParameter[] | undefined) => list?.find((p) => p.in === 'query' && p.name === name);
  return find(operation?.parameters) ?? find(item.parameters);
}
