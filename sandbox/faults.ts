// Scripted failures, so tests and demos can show how the client copes with the ways a real API
// misbehaves: error statuses in each body shape the vendor has used, throttling, dropped
// connections, cut-off bodies, a proxy's HTML error page, slowness, and requests held unanswered.
// They apply to the storage routes (/__storage/…) too, where a status answers in S3's XML.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { s3ErrorForStatus, s3ErrorXml } from './s3Errors';
import { TAX_CODES, type TaxCode } from './store';
import type { FieldErrors } from './validation';

export type BodyShape = 'field' | 'detail' | 'error' | 'status-message';
const BODY_SHAPES: readonly BodyShape[] = ['field', 'detail', 'error', 'status-message'];
/** How an echoed key is sent back: as it came, or transformed the way a careless server might. */
export type EchoForm = 'plain' | 'upper' | 'lower' | 'prefix' | 'base64' | 'base64url' | 'url';
const ECHO_FORMS: readonly EchoForm[] = ['plain', 'upper', 'lower', 'prefix', 'base64', 'base64url', 'url'];

export interface FaultRule {
  method?: string;
  /**
   * Substring of path+query, or `glob:<pattern>` matched against the whole path, where a star
   * stands for any run of characters other than a slash (examples in sandbox/README.md). No
   * regular expressions: a rule from a request must not be able to stall the server.
   */
  path?: string;
  /** How many matching requests to affect; default 1, 0 = until cleared. */
  times?: number;
  status?: number;
  /** Sent verbatim if a string (so it can be malformed JSON), else as JSON. */
  body?: unknown;
  bodyShape?: BodyShape;
  headers?: Record<string, string>;
  /** Raw `Retry-After` value: seconds or an HTTP date. */
  retryAfter?: string;
  delayMs?: number;
  /** Destroy the socket without answering. */
  reset?: boolean;
  /** Send headers and half the body, then destroy the socket. */
  truncate?: boolean;
  /** Answer like an nginx in front of a dead upstream: text/html 502. */
  html?: boolean;
  /**
   * Never answer: the request is taken (an upload's body read and dropped, never stored) and held
   * until the client gives up or the sandbox closes. Lets a test cancel a request the server has
   * certainly received.
   */
  hold?: boolean;
  /** Only wait `delayMs`, then handle the request normally. */
  passThrough?: boolean;
  /**
   * Send the request's bearer key back in response header `header` (default `X-Request-Id`), in
   * the form `as` (default plain; `prefix` = its first 12 characters): a server that leaks it.
   * Works with pass-through rules too (normal answer, leaking header).
   */
  echoKey?: { header?: string; as?: EchoForm };
  /**
   * Change the catalog once this request's answer is ready, before it is sent (so the client
   * can only ask again after the change): archive these product ids, create these products (as
   * "Other User"). Models a catalog that changes between two page requests.
   */
  mutate?: { archive?: string[]; create?: Array<{ name: string; taxCode: TaxCode }> };
}

export interface ActiveFault extends FaultRule {
  id: string;
  /** Matches left; null = unlimited. */
  remaining: number | null;
  hits: number;
}

export class FaultRuleError extends Error {
  constructor(readonly fields: FieldErrors) {
    super(`Invalid fault rule: ${JSON.stringify(fields)}`);
  }
}

const RESPONSE_KEYS = ['status', 'body', 'bodyShape', 'retryAfter', 'reset', 'truncate', 'html', 'hold'] as const;

/** A rule that says nothing about the response is a pure delay: it must not invent a 500. */
export function isPassThrough(rule: FaultRule): boolean {
  return rule.passThrough === true || RESPONSE_KEYS.every((key) => rule[key] === undefined);
}

function checkRule(input: unknown): FaultRule {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new FaultRuleError({ non_field_errors: ['Expected a JSON object.'] });
  }
  const rule = input as Record<string, unknown>;
  const errors: FieldErrors = {};
  const expect = (key: string, ok: (v: unknown) => boolean, message: string): void => {
    if (rule[key] !== undefined && !ok(rule[key])) errors[key] = [message];
  };
  const isInt = (min: number, max: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  expect('method', (v) => typeof v === 'string', 'Not a valid string.');
  expect('path', (v) => typeof v === 'string' && v.length <= MAX_PATTERN_LENGTH && !v.startsWith('re:'), `A substring or "glob:<pattern>" of at most ${MAX_PATTERN_LENGTH} characters (regular expressions are not accepted).`);
  expect('times', isInt(0, 1e9), 'Must be a non-negative integer.');
  expect('status', isInt(100, 599), 'Must be an HTTP status (100-599).');
  expect('bodyShape', (v) => BODY_SHAPES.includes(v as BodyShape), `Must be one of ${BODY_SHAPES.join(', ')}.`);
  expect(
    'headers',
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(v).every(([name, h]) => /^[A-Za-z0-9-]{1,64}$/.test(name) && typeof h === 'string' && !/[\r\n\0]/.test(h)),
    'Must map header names to single-line strings.',
  );
  expect('retryAfter', (v) => typeof v === 'string' || typeof v === 'number', 'Not a valid string.');
  expect('delayMs', isInt(0, 600_000), 'Must be an integer number of milliseconds.');
  for (const key of ['reset', 'truncate', 'html', 'hold', 'passThrough']) expect(key, (v) => typeof v === 'boolean', 'Must be a valid boolean.');
  expect(
    'echoKey',
    (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const { header, as } = v as { header?: unknown; as?: unknown };
      return (header === undefined || (typeof header === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(header))) && (as === undefined || ECHO_FORMS.includes(as as EchoForm));
    },
    `Must be {"header": "<name>", "as": ${ECHO_FORMS.join(' | ')}}.`,
  );
  expect('mutate', isMutation, 'Must be {"archive": ["<id>", …], "create": [{"name": "…", "taxCode": "…"}, …]} (at most 100 of each).');
  if (Object.keys(errors).length > 0) throw new FaultRuleError(errors);
  const out = { ...rule } as FaultRule;
  if (typeof rule.retryAfter === 'number') out.retryAfter = String(rule.retryAfter);
  return out;
}

function isMutation(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { archive, create, ...rest } = value as { archive?: unknown; create?: unknown };
  const list = (v: unknown, item: (x: unknown) => boolean) => v === undefined || (Array.isArray(v) && v.length <= 100 && v.every(item));
  const product = (x: unknown) => {
    const p = x as { name?: unknown; taxCode?: unknown } | null;
    return typeof p === 'object' && p !== null && typeof p.name === 'string' && p.name.trim() !== '' && TAX_CODES.includes(p.taxCode as TaxCode);
  };
  return Object.keys(rest).length === 0 && list(archive, (x) => typeof x === 'string') && list(create, product);
}

const MAX_PATTERN_LENGTH = 256;
/** Rules kept at once: a registry filled from requests must stay small. */
export const MAX_FAULT_RULES = 1000;

function pathMatches(pattern: string, pathname: string, search: string): boolean {
  if (pattern.startsWith('glob:')) return globMatches(pattern.slice(5), pathname);
  return (pathname + search).includes(pattern);
}

/**
 * Whole-string match where `*` is any run of characters other than `/`; everything else is
 * literal. Dynamic programming over (pattern, text) positions: at most |pattern|·|text| steps,
 * never backtracking, whatever the pattern.
 */
export function globMatches(pattern: string, text: string): boolean {
  // reachable[j]: the pattern so far can match text[0..j)
  let reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (const p of pattern) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    if (p === '*') {
      for (let j = 0; j <= text.length; j++) next[j] = reachable[j]! || (j > 0 && next[j - 1]! && text[j - 1] !== '/');
    } else {
      for (let j = 1; j <= text.length; j++) next[j] = reachable[j - 1]! && text[j - 1] === p;
    }
    reachable = next;
  }
  return reachable[text.length]!;
}

export class FaultRegistry {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  /** Validates and adds a rule; throws FaultRuleError (field-keyed) on bad input. */
  add(rule: FaultRule): ActiveFault;
  add(input: unknown): ActiveFault;
  add(input: unknown): ActiveFault {
    const rule = checkRule(input);
    if (this.rules.length >= MAX_FAULT_RULES) throw new FaultRuleError({ non_field_errors: [`At most ${MAX_FAULT_RULES} rules; clear them first.`] });
    const times = rule.times ?? 1;
    const active: ActiveFault = { ...rule, id: `fault_${this.nextId++}`, remaining: times === 0 ? null : times, hits: 0 };
    this.rules.push(active);
    return active;
  }

  /** All rules, exhausted ones included (remaining 0), so tests can check what fired. */
  list(): ActiveFault[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }

  /** The first live rule matching the request, with its count consumed. */
  take(method: string, pathname: string, search: string): ActiveFault | undefined {
    const rule = this.rules.find(
      (r) =>
        r.remaining !== 0 &&
        (!r.method || r.method.toUpperCase() === method.toUpperCase()) &&
        (!r.path || pathMatches(r.path, pathname, search)),
    );
    if (!rule) return undefined;
    rule.hits++;
    if (rule.remaining !== null) rule.remaining--;
    return rule;
  }
}

function defaultStatus(rule: FaultRule): number {
  if (rule.status !== undefined) return rule.status;
  if (rule.html) return 502;
  if (rule.truncate) return 200;
  return rule.retryAfter !== undefined ? 429 : 500;
}

/** DRF's wording where it has one, else the reason phrase. */
function detailFor(status: number, retryAfter?: string): string {
  if (status === 429) {
    const seconds = retryAfter !== undefined && /^\d+$/.test(retryAfter) ? ` Expected available in ${retryAfter} seconds.` : '';
    return `Request was throttled.${seconds}`;
  }
  const known: Record<number, string> = {
    400: 'Malformed request.',
    401: 'Invalid API key.',
    403: 'You do not have permission to perform this action.',
    404: 'Not found.',
    500: 'A server error occurred.',
    503: 'Service temporarily unavailable, try again later.',
  };
  return known[status] ?? `${STATUS_CODES[status] ?? 'Error'}.`;
}

function shapedBody(shape: BodyShape, status: number, retryAfter?: string): unknown {
  const message = detailFor(status, retryAfter);
  switch (shape) {
    case 'field':
      return { name: ['This field is required.'] };
    case 'error':
      return { error: message };
    case 'status-message': {
      const reason = STATUS_CODES[status] ?? 'Error';
      return { status: reason.charAt(0) + reason.slice(1).toLowerCase(), message };
    }
    default:
      return { detail: message };
  }
}

const NGINX_PAGE = (status: number): string => {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
};

// A plausible list page, long enough that cutting it in half leaves unparseable JSON.
const TRUNCATE_BODY = JSON.stringify({
  count: 1,
  next: null,
  previous: null,
  results: [{ id: '00000000-0000-4000-8000-000000000000', identifier: 'truncated', name: 'Truncated', description: 'x'.repeat(200), taxCode: 'saas' }],
});

/** The header a rule's `echoKey` adds for a request with this Authorization header ({} if none). */
export function echoHeaders(rule: FaultRule | undefined, authorization: string | undefined): Record<string, string> {
  const match = /^Bearer\s+(\S+)/i.exec(authorization ?? '');
  if (!rule?.echoKey || !match) return {};
  const key = match[1]!;
  const forms: Record<EchoForm, () => string> = {
    plain: () => key,
    upper: () => key.toUpperCase(),
    lower: () => key.toLowerCase(),
    prefix: () => key.slice(0, 12),
    base64: () => Buffer.from(key).toString('base64'),
    base64url: () => Buffer.from(key).toString('base64url'),
    url: () => encodeURIComponent(key),
  };
  return { [rule.echoKey.header ?? 'X-Request-Id']: forms[rule.echoKey.as ?? 'plain']() };
}

/**
 * Writes the fault's response (or drops the connection). Returns the status for the journal:
 * 0 when no status line was sent. On a storage route (`style: 'storage'`) a rule without a body
 * answers S3's XML error for its status (`bodyShape` does not apply), and a string body that
 * starts with `<` goes out as application/xml. A `hold` rule is carried out by the server.
 */
export function applyFault(rule: FaultRule, res: ServerResponse, baseHeaders: Record<string, string>, style: 'api' | 'storage' = 'api'): number {
  if (rule.reset) {
    res.socket?.destroy();
    return 0;
  }
  const status = defaultStatus(rule);
  const headers: Record<string, string> = { ...baseHeaders, 'Content-Type': 'application/json' };
  if (rule.retryAfter !== undefined) headers['Retry-After'] = rule.retryAfter;
  let text: string;
  if (rule.html) {
    headers['Content-Type'] = 'text/html';
    headers.Server = 'nginx';
    text = NGINX_PAGE(status);
  } else if (rule.body !== undefined) {
    text = typeof rule.body === 'string' ? rule.body : JSON.stringify(rule.body);
    if (style === 'storage' && typeof rule.body === 'string' && rule.body.trimStart().startsWith('<')) headers['Content-Type'] = 'application/xml';
  } else if (style === 'storage') {
    headers['Content-Type'] = 'application/xml';
    text = s3ErrorXml({ ...s3ErrorForStatus(status), status }, baseHeaders['X-Request-Id'] ?? 'sandbox');
  } else if (rule.truncate && rule.bodyShape === undefined) {
    text = TRUNCATE_BODY;
  } else {
    text = JSON.stringify(shapedBody(rule.bodyShape ?? 'detail', status, rule.retryAfter));
  }
  Object.assign(headers, rule.headers);
  const bytes = Buffer.from(text);
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(status, headers);
  if (rule.truncate) {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
  } else {
    res.end(bytes);
  }
  return status;
}
