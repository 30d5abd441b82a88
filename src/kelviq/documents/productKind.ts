// The kelviq product as a document kind: `kelviq:/<env>/products/<uuid>/<label>.json`, read with
// one GET, saved with one PATCH of the changed fields. Everything else is the document mechanism's.
import type { ProductDetail, ProductUpdate } from '../../api';
import { core } from '../../coreLoader';
import type { DocumentKind, WriteConfirmation } from '../../documents';
import type { ProductAddress } from '../../domain/kelviq/productUri';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import { addressOrUndefined } from './productUris';
import { documentTarget } from './documentTarget';

export function kelviqProductKind(deps: {
  connection: Connection;
  guard: ProductionGuard;
  onSaved: (address: ProductAddress, product: ProductDetail) => void;
}): DocumentKind<ProductDetail, ProductAddress> {
  return {
    id: 'kelviq.product',
    get model() {
      return core().kelviqProductModel;
    },
    parse: addressOrUndefined,
    objectKey: (address) => `${address.environment}/products/${address.productId}`,
    async connect(address) {
      const { client, environment } = await deps.connection.client(address.environment);
      return {
        target: documentTarget(environment),
        remote: {
          fetch: (options) => client.getProduct(address.productId, options),
          async send({ theirs, to, changes }, options) {
            // Top-level fields are sent whole: the PATCH takes name, description, taxCode.
            const fields = new Set(changes.map((c) => c.path[0]).filter((f): f is string => typeof f === 'string'));
            const patch = Object.fromEntries([...fields].map((f) => [f, to[f]])) as ProductUpdate;
            const updated = await client.updateProduct(address.productId, patch, options);
            // The PATCH answer may lack the detail-only fields (plans): keep them from the GET.
            return { ...theirs, ...updated, plans: (updated as ProductDetail).plans ?? theirs.plans } as ProductDetail;
          },
        },
      };
    },
    confirmWrite: (target, action, lines): Promise<WriteConfirmation> => deps.guard.confirm(target, action, lines),
    onSaved: deps.onSaved,
  };
}
