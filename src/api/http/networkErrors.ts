// Classifies the errors undici and Node raise before a status line arrives (or while the body
// streams) into an ApiError kind, a retry class and a sentence. Pure.
import type { ApiErrorKind } from './errors';
import type { FailureClass } from './retry';

export interface NetworkFailure {
  kind: ApiErrorKind;
  /** Undefined: never retried (a configuration problem that a retry cannot fix). */
  failure?: FailureClass;
  /** Completes "Could not reach Kelviq (Sandbox) at https://…: <description>". */
  description: string;
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH)/;

export function classifyNetworkError(code: string | undefined): NetworkFailure {
  switch (code) {
    case 'ECONNREFUSED':
      return { kind: 'network', failure: 'notSent', description: 'the connection was refused (is the server running?)' };
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { kind: 'network', failure: 'notSent', description: 'connecting timed out' };
    case 'EAI_AGAIN':
      return { kind: 'network', failure: 'notSent', description: 'the host name could not be resolved right now (DNS)' };
    case 'ENOTFOUND':
      return { kind: 'network', description: 'the host name does not exist; check the API base URL' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return { kind: 'network', failure: 'notSent', description: 'the network is unreachable (are you offline?)' };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
    case 'ECONNABORTED':
      return { kind: 'network', failure: 'connectionLost', description: 'the connection was closed before the answer arrived' };
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return { kind: 'network', failure: 'connectionLost', description: 'the answer was shorter than announced' };
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return { kind: 'timeout', failure: 'timeout', description: 'the server did not answer in time' };
    default:
      if (code && TLS_CODES.test(code)) {
        return { kind: 'network', description: `the TLS certificate could not be verified (${code})` };
      }
      return { kind: 'network', description: code ? `the request failed (${code})` : 'the request failed' };
  }
}
