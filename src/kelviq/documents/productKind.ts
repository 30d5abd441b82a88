// The kelviq product as a document kind: `kelviq:/<env>/products/<uuid>/<label>.json`, read with
// one GET, saved with the fewest calls: a PATCH of the changed fields, and one per changed image. Everything else is the document mechanism's.
import type { ProductDetail } from '../../api';
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
          // The product PATCH, one PATCH per changed image, one DELETE per removed one, in stages;
          // then one GET (domain/kelviq/product/productSync).
          send: (request, options) => core().writeProduct(client, address.productId, request, options, options.onRetry ? { onRetry: options.onRetry } : {}),
        },
      };
    },
    confirmWrite: (target, action, lines): Promise<WriteConfirmation> => deps.guard.confirm(target, action, lines),
    onSaved: deps.onSaved,
  };
}
