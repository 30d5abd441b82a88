// The bucket POST as S3 checks it (browser-based uploads with a POST policy): exactly one `file`
// field, the last in the form; the `key`, the credentials and a signature that matches the policy;
// a policy that has not expired; every condition met (bucket, key, content type, size) and no form
// field the policy does not cover. Two sandbox strictnesses beyond S3, to catch client mistakes: a
// field after the file is refused (S3 ignores it), and the file part's own Content-Type must be the
// one the Content-Type field gives (S3 ignores the part's header). Pure, given the parsed form.
import { Response } from 'undici';
import { accessDenied, invalidArgument, policyFailed, signatureMismatch, type S3Error } from './s3Errors';
import { BUCKET, type ObjectStorage } from './storage';

export type FormPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; filename: string; type: string; bytes: Buffer };

/** What the journal keeps of a form: names and values of the fields, name, type and size of the file. */
export function formSummary(parts: readonly FormPart[]): Array<Record<string, unknown>> {
  return parts.map((part) =>
    part.kind === 'field'
      ? { name: part.name, value: part.value.length > 2048 ? `${part.value.slice(0, 2048)}…` : part.value }
      : { name: part.name, filename: part.filename, contentType: part.type, size: part.bytes.length },
  );
}

/**
 * Parses a multipart/form-data body with undici's parser (the WHATWG multipart/form-data parser
 * behind `Response.formData()`; undici is already a dependency of the extension). Entries keep
 * their order. Undefined when the body is not multipart/form-data or does not parse.
 */
export async function parseMultipart(body: Buffer, contentType: string | undefined): Promise<FormPart[] | undefined> {
  if (!contentType || contentType.split(';')[0]?.trim().toLowerCase() !== 'multipart/form-data') return undefined;
  let form: Awaited<ReturnType<Response['formData']>>;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
  const parts: FormPart[] = [];
  for (const [name, value] of form) {
    if (typeof value === 'string') parts.push({ kind: 'field', name, value });
    else parts.push({ kind: 'file', name, filename: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return parts;
}

export type PostOutcome = { ok: true; key: string; contentType: string; bytes: Buffer } | { ok: false; error: S3Error };

/** Fields S3 never requires a policy condition for. */
const EXEMPT = new Set(['policy', 'signature', 'awsaccesskeyid', 'x-amz-signature', 'file']);

const fail = (error: S3Error): PostOutcome => ({ ok: false, error });
const missingField = (name: string): S3Error =>
  invalidArgument(`Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`, [['ArgumentName', name], ['ArgumentValue', '']]);

export function checkPost(parts: readonly FormPart[], storage: ObjectStorage, nowMs: number): PostOutcome {
  const fileAt = parts.findIndex((p) => p.name.toLowerCase() === 'file');
  const files = parts.filter((p) => p.name.toLowerCase() === 'file');
  if (files.length !== 1) return fail(invalidArgument('POST requires exactly one file upload per request.', [['ArgumentName', 'file'], ['ArgumentValue', String(files.length)]]));
  const after = parts.slice(fileAt + 1).map((p) => p.name);
  if (after.length > 0) {
    return fail(invalidArgument(`The file must be the last field of the form (S3 ignores the fields after it; the sandbox refuses them): ${after.join(', ')}.`, [['ArgumentName', after[0]!]]));
  }
  const fields = new Map<string, { name: string; value: string }>();
  for (const part of parts.slice(0, fileAt)) {
    const value = part.kind === 'field' ? part.value : part.bytes.toString('utf8');
    const lower = part.name.toLowerCase();
    if (fields.has(lower)) return fail(invalidArgument(`The form field ${part.name} is given more than once.`, [['ArgumentName', part.name]]));
    fields.set(lower, { name: part.name, value });
  }
  const field = (name: string): string | undefined => fields.get(name.toLowerCase())?.value;
  const key = field('key');
  if (key === undefined || key === '') return fail(missingField('key'));
  const policy = field('policy');
  if (policy === undefined) return fail(accessDenied()); // an anonymous upload: the bucket is not public
  const accessKeyId = field('AWSAccessKeyId');
  if (accessKeyId === undefined) return fail(missingField('AWSAccessKeyId'));
  const signature = field('signature');
  if (signature === undefined) return fail(missingField('Signature'));
  if (accessKeyId !== storage.accessKeyId) {
    return fail({ status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.', extra: [['AWSAccessKeyId', accessKeyId]] });
  }
  if (!storage.verify(policy, signature)) return fail(signatureMismatch());
  const document = decodePolicy(policy);
  if (!document) return fail({ status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' });
  const expires = Date.parse(document.expiration);
  if (Number.isNaN(expires)) return fail({ status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid \'expiration\' value.' });
  if (expires <= nowMs) return fail(policyFailed('Policy expired.'));

  const file = files[0]!;
  const bytes = file.kind === 'file' ? file.bytes : Buffer.from(file.value);
  const covered = new Set<string>();
  let range: [number, number] | undefined;
  for (const condition of document.conditions) {
    const check = readCondition(condition);
    if (!check) return fail({ status: 400, code: 'InvalidPolicyDocument', message: `Invalid Policy: Invalid Condition: ${JSON.stringify(condition)}` });
    if (check.op === 'range') {
      range = [check.min, check.max];
      continue;
    }
    const name = check.field;
    covered.add(name.toLowerCase());
    const actual = name.toLowerCase() === 'bucket' ? BUCKET : field(name);
    const ok = actual !== undefined && (check.op === 'eq' ? actual === check.value : actual.startsWith(check.value));
    if (!ok) return fail(policyFailed(`Policy Condition failed: ["${check.op}", "$${name}", ${JSON.stringify(check.value)}]`));
  }
  for (const [lower, { name }] of fields) {
    if (!EXEMPT.has(lower) && !lower.startsWith('x-ignore-') && !covered.has(lower)) return fail(policyFailed(`Extra input fields: ${name}`));
  }
  const contentType = field('Content-Type');
  if (contentType !== undefined && file.kind === 'file' && file.type.trim().toLowerCase() !== contentType.trim().toLowerCase()) {
    return fail(policyFailed(`Policy Condition failed: ["eq", "$Content-Type", ${JSON.stringify(contentType)}] (the file part says ${JSON.stringify(file.type)})`));
  }
  if (range && bytes.length > range[1]) {
    return fail({ status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size', extra: [['ProposedSize', String(bytes.length)], ['MaxSizeAllowed', String(range[1])]] });
  }
  if (range && bytes.length < range[0]) {
    return fail({ status: 400, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size', extra: [['ProposedSize', String(bytes.length)], ['MinSizeAllowed', String(range[0])]] });
  }
  return { ok: true, key, contentType: contentType ?? 'binary/octet-stream', bytes };
}

interface PolicyDocument {
  expiration: string;
  conditions: unknown[];
}

function decodePolicy(encoded: string): PolicyDocument | undefined {
  try {
    const value = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Partial<PolicyDocument>;
    return typeof value.expiration === 'string' && Array.isArray(value.conditions) ? (value as PolicyDocument) : undefined;
  } catch {
    return undefined;
  }
}

type Condition = { op: 'eq' | 'starts-with'; field: string; value: string } | { op: 'range'; min: number; max: number };

/** `{"key": "v"}`, `["eq", "$key", "v"]`, `["starts-with", "$key", "tmp/"]`, `["content-length-range", 0, 10]`. */
function readCondition(condition: unknown): Condition | undefined {
  if (Array.isArray(condition)) {
    const [op, a, b] = condition as unknown[];
    if (op === 'content-length-range' && Number.isInteger(a) && Number.isInteger(b)) return { op: 'range', min: a as number, max: b as number };
    if ((op === 'eq' || op === 'starts-with') && typeof a === 'string' && a.startsWith('$') && typeof b === 'string') return { op, field: a.slice(1), value: b };
    return undefined;
  }
  if (typeof condition === 'object' && condition !== null) {
    const entries = Object.entries(condition);
    const [name, value] = entries[0] ?? [];
    if (entries.length === 1 && name !== undefined && typeof value === 'string') return { op: 'eq', field: name, value };
  }
  return undefined;
}
