// Loads dist/core.js (see core.ts) the first time a feature needs it.
import type * as Core from './core';

export type { Core };

let loaded: typeof Core | undefined;

export function core(): typeof Core {
  // A runtime require of the sibling bundle is the point: esbuild leaves it external.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./core.js') as typeof Core;
  return loaded;
}
