// The kelviq feature as a read-only document kind: `kelviq:/<env>/features/<uuid>/<label>.json`
// (built by planUris.featureUri), read with one GET. The API has no feature update, so the kind
// is `readOnly`: the editor is read-only and a write is refused with the reason, before anything
// is sent. Plan documents link their features here.
import type { CatalogFeature } from '../../api';
import { core } from '../../coreLoader';
import type { DocumentKind, WriteConfirmation } from '../../documents';
import { FEATURE_READ_ONLY_REASON } from '../../domain/kelviq/feature/featureTypes';
import { parseFeaturePath, type FeatureAddress } from '../../domain/kelviq/planUri';
import { PRODUCT_SCHEME } from '../../domain/kelviq/productUri';
import type { Connection } from '../connection/connection';
import { documentTarget } from './documentTarget';

export function kelviqFeatureKind(deps: { connection: Connection }): DocumentKind<CatalogFeature, FeatureAddress> {
  return {
    id: 'kelviq.feature',
    readOnly: FEATURE_READ_ONLY_REASON,
    get model() {
      return core().kelviqFeatureModel;
    },
    parse: (uri) => (uri.scheme === PRODUCT_SCHEME ? parseFeaturePath(uri.path) : undefined),
    objectKey: (address) => `${address.environment}/features/${address.featureId}`,
    async connect(address) {
      const { client, environment } = await deps.connection.client(address.environment);
      return {
        target: documentTarget(environment),
        remote: {
          fetch: (options) => client.getFeature(address.featureId, options),
          // Never reached (the mechanism refuses writes of a readOnly kind); kept as a second lock.
          send: () => Promise.reject(new Error(FEATURE_READ_ONLY_REASON)),
        },
      };
    },
    confirmWrite: (): Promise<WriteConfirmation> => Promise.resolve('declined'),
  };
}
