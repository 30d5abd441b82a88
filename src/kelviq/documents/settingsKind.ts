// A kelviq product's settings as a document kind: `kelviq:/<env>/products/<uuid>/settings/<label>.json`,
// read with one GET (which creates the settings when the product has none: the command that opens
// them says so), saved with one PATCH of the changed settings. No version field: the mechanism
// tells versions apart by content, and every save reads and merges first.
import type { ProductSettingsUpdate } from '../../api';
import { core } from '../../coreLoader';
import type { DocumentKind, WriteConfirmation } from '../../documents';
import type { SettingsObject } from '../../domain/kelviq/settings/serializeSettings';
import { PRODUCT_SCHEME } from '../../domain/kelviq/productUri';
import { parseSettingsPath, type SettingsAddress } from '../../domain/kelviq/settingsUri';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import { documentTarget } from './documentTarget';

export function kelviqSettingsKind(deps: { connection: Connection; guard: ProductionGuard }): DocumentKind<SettingsObject, SettingsAddress> {
  return {
    id: 'kelviq.productSettings',
    get model() {
      return core().settingsModel;
    },
    parse: (uri) => (uri.scheme === PRODUCT_SCHEME ? parseSettingsPath(uri.path) : undefined),
    objectKey: (address) => `${address.environment}/products/${address.productId}/settings`,
    async connect(address) {
      const { client, environment } = await deps.connection.client(address.environment);
      const product = { $product: { id: address.productId, label: address.label } };
      return {
        target: documentTarget(environment),
        remote: {
          fetch: async (options) => ({ ...(await client.getProductSettings(address.productId, options)), ...product }),
          async send({ to, changes }, options) {
            const fields = new Set(changes.map((c) => c.path[0]).filter((f): f is string => typeof f === 'string'));
            const patch = Object.fromEntries([...fields].map((f) => [f, to[f]])) as ProductSettingsUpdate;
            return { ...(await client.updateProductSettings(address.productId, patch, options)), ...product };
          },
        },
      };
    },
    confirmWrite: (target, action, lines): Promise<WriteConfirmation> => deps.guard.confirm(target, action, lines),
  };
}
