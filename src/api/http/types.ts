// Types shared by the HTTP layer and the backend clients built on it.
import type { ApiErrorKind } from './errors';

/** One line per HTTP attempt, for an output channel. Never contains the API key or the origin. */
export interface RequestLogEntry {
  method: string;
  /** Path and query as sent, e.g. `/api/v1/catalog/products/?page=2&page_size=100`. */
  path: string;
  status?: number;
  durationMs: number;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** From X-Request-Id (or Request-Id / X-Correlation-Id / X-Amzn-RequestId / CF-Ray). */
  requestId?: string;
  /** Set when the attempt failed (a status error or a network failure). */
  error?: string;
}

export interface RetryInfo {
  /** The attempt that just failed (1-based); the next one is attempt + 1. */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** What failed: 'rateLimited' (429), 'server' (502/503/504), 'network' or 'timeout'. */
  reason: Extract<ApiErrorKind, 'rateLimited' | 'server' | 'network' | 'timeout' | 'badResponse'>;
  status?: number;
  method: string;
  path: string;
}

export type RetryListener = (info: RetryInfo) => void;

/** Options every API call accepts. */
export interface CallOptions {
  /** Aborting rejects promptly with an ApiError of kind 'cancelled', also during a retry wait. */
  signal?: AbortSignal;
  /** Called before each wait between attempts (in addition to the client-wide onRetry). */
  onRetry?: RetryListener;
}
