// The server a kelviq document talks to: its environment's base URL, its label for messages, and
// whether writes there need the production confirmation. The same for every kelviq kind.
import type { DocumentTarget } from '../../documents';
import type { Environment } from '../../domain/environment';

export function documentTarget(environment: Environment): DocumentTarget {
  return { server: environment.baseUrl, label: environment.label, isProduction: environment.isProduction };
}
