// Who may talk to the sandbox. It listens on loopback, but that alone does not keep out a web
// page (DNS rebinding names the sandbox with a foreign Host; a cross-site form posts text/plain
// with an Origin) or another local user. So: every request must name a loopback Host and carry
// no foreign Origin; the `/__sandbox/` control routes also need this run's token (generated at
// start, returned to the process that started the sandbox) and JSON bodies. Used by both
// sandboxes (kelviq's server.ts and zaveit/zaveitServer.ts). Pure: request headers in, a refusal
// (or nothing) out.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isLoopbackAuthority, isLoopbackUrl } from '../src/domain/environment/loopback';
import type { Reply } from './apiSupport';

/** The header the control routes need: `X-Sandbox-Token: <sandbox.controlToken>`. */
export const CONTROL_TOKEN_HEADER = 'x-sandbox-token';

/** A refusal for any request that does not come from this machine's own clients. */
export function refuseForeign(headers: IncomingHttpHeaders, port: number): Reply | undefined {
  if (!isLoopbackAuthority(headers.host ?? '')) {
    return { status: 403, body: { detail: 'The sandbox answers only requests for a loopback host (127.0.0.1, localhost or [::1]).' } };
  }
  const origin = headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, port)) {
    return { status: 403, body: { detail: 'Requests from another origin are refused.' } };
  }
  if (headers['sec-fetch-site'] === 'cross-site') return { status: 403, body: { detail: 'Cross-site requests are refused.' } };
  return undefined;
}

/** A refusal for a control-route request without this run's token, or with a body that is not JSON. */
export function refuseControl(headers: IncomingHttpHeaders, token: string, hasBody: boolean): Reply | undefined {
  const given = headers[CONTROL_TOKEN_HEADER];
  if (typeof given !== 'string' || !sameSecret(given, token)) {
    return { status: 401, body: { detail: `Sandbox control routes need the ${CONTROL_TOKEN_HEADER} header of this run (see sandbox/README.md).` } };
  }
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (hasBody && type !== 'application/json') {
    return { status: 415, body: { detail: `Control bodies must be application/json, not "${headers['content-type'] ?? ''}".` } };
  }
  return undefined;
}

/** A control route's JSON body (refuseControl checked its content type): null when empty, undefined when it does not parse. */
export function parseControlBody(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function isOwnOrigin(origin: string, port: number): boolean {
  if (!isLoopbackUrl(origin)) return false;
  const url = new URL(origin);
  return url.protocol === 'http:' && url.port === String(port) && url.pathname === '/' && `${url.protocol}//${url.host}` === origin.replace(/\/$/, '').toLowerCase();
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
