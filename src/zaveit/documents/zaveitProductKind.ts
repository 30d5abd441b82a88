// The Zaveit product as a document kind: `zaveit:/products/<id>/<label>.json`, read with one GET,
// saved with one call of the assumed PATCH /v2/product/:id carrying the changed top-level fields
// whole. A server without that endpoint fails the save with a message naming it (ApiError kind
// 'unsupported'); there is never a fallback to POST. Drafts (`zaveit:/products/new/…`) start
// from the template and are created with one POST; after an ambiguous failure (timeout, reset)
// the product is looked for by name before anything is sent again. Everything else is the
// document mechanism's.
import * as vscode from 'vscode';
import { showMessage } from '../../userMessages';
import type { Product, ProductCreate } from '../../api/zaveit/schemas';
import type { ZaveitClient } from '../../api/zaveit/zaveitClient';
import { core } from '../../coreLoader';
import type { DocumentKind } from '../../documents';
import type { JsonObject } from '../../domain/document';
import { plainText } from '../../domain/untrustedText';
import type { ZaveitAddress } from '../../domain/zaveit/productUri';
import { userMessage, type Log } from '../../logging';
import type { ZaveitSessionStatus } from '../connection/sessionStatus';
import type { ZaveitConnection, ZaveitServer } from '../connection/zaveitConnection';
import { zaveitAddressOf, zaveitProductUri } from './zaveitProductUris';

/** How far back (ms) a product found by name after an ambiguous create may have been created (clock skew). */
const CREATED_SLACK_MS = 10 * 60_000;

export function zaveitProductKind(deps: {
  connection: ZaveitConnection;
  status: ZaveitSessionStatus;
  log: Log;
  onSaved: (origin: string, product: Product) => void;
}): DocumentKind<Product, ZaveitAddress> {
  const { connection, status, log } = deps;
  const noted = <T>(call: Promise<T>): Promise<T> =>
    call.catch((err: unknown) => {
      status.noteFailure(err);
      throw err;
    });

  return {
    id: 'zaveit.product',
    get model() {
      return core().zaveitProductModel;
    },
    parse: zaveitAddressOf,
    objectKey: (address) => `${connection.origin ?? '(no base URL)'}/products/${address.kind === 'draft' ? `new/${address.label}` : address.productId}`,
    async connect(address) {
      const { client, server } = await connection.client();
      status.noteUse();
      return {
        target: { server: server.baseUrl, label: server.label, isProduction: false },
        remote: {
          fetch: (options) => {
            if (address.kind !== 'product') return Promise.reject(new Error('A new product has no server version yet.'));
            return noted(client.getProduct(address.productId, options));
          },
          send({ from, to, changes }, options) {
            if (address.kind !== 'product') return Promise.reject(new Error('A new product is created, not updated.'));
            // Top-level fields are sent whole (a changed variant sends the whole `products`).
            const fields = new Set(changes.map((c) => c.path[0]).filter((f): f is string => typeof f === 'string'));
            const changed: JsonObject = Object.fromEntries([...fields].filter((f) => Object.hasOwn(to, f)).map((f) => [f, to[f]]));
            return noted(client.updateProduct(address.productId, core().zaveitUpdateBody(from, changed), options));
          },
        },
      };
    },
    confirmWrite: () => Promise.resolve('confirmed'), // Zaveit has no production/sandbox split to guard
    onSaved: (_address, product) => {
      const origin = connection.origin;
      if (origin) deps.onSaved(origin, product);
    },
    drafts: {
      isDraft: (address) => address.kind === 'draft',
      template: (address) => core().createZaveitTemplate(address.kind === 'draft' ? { currency: address.currency, country: address.country } : { currency: 'NOK', country: 'NO' }) as Product,
      async create(_address, object, target, options) {
        const { client, server } = await connection.client();
        if (server.baseUrl !== target.server) throw new Error(`The Zaveit base URL changed to ${server.baseUrl} while creating; nothing was sent.`);
        const body = core().zaveitCreateBody(object);
        const startedAt = Date.now();
        try {
          const created = await noted(client.createProduct(body, options));
          log.info(`Zaveit: created product ${created.id} on ${server.origin}.`);
          return { created, uri: zaveitProductUri(created.id, created.name) };
        } catch (err) {
          if (!core().isAmbiguousZaveitCreateFailure(err)) throw err;
          return afterAmbiguousCreate(client, server, body, startedAt, err, log, options);
        }
      },
    },
  };
}

/**
 * The POST may or may not have created the product. Look for it by name; if there, ask whether
 * to open it instead of creating it again. Nothing is sent again without the user's choice.
 */
async function afterAmbiguousCreate(
  client: ZaveitClient,
  server: ZaveitServer,
  body: ProductCreate,
  startedAt: number,
  err: unknown,
  log: Log,
  options: { signal?: AbortSignal },
): Promise<{ created: Product; uri: vscode.Uri } | undefined> {
  const name = plainText(body.name, 80);
  log.warn(`Zaveit: creating “${body.name}” on ${server.origin} failed without a clear answer (${userMessage(err)}); looking for it by name.`);
  let found: Product[];
  let complete: boolean;
  try {
    ({ products: found, complete } = await client.findProductsByName(body.name, { createdAfterMs: startedAt - CREATED_SLACK_MS }));
  } catch (lookup) {
    log.error(`Zaveit: looking for “${body.name}” after the failed create failed too: ${userMessage(lookup)}`);
    throw new Error(`${userMessage(err)} It may have been created: check the Products view before saving again.`);
  }
  const newest = found[0];
  if (!newest && !complete) {
    throw new Error(`${userMessage(err)} The search for a product named “${name}” on ${server.host} could not look through the whole catalog, so it may have been created: check the Products view before saving again.`);
  }
  if (!newest) {
    throw new Error(`${userMessage(err)} No product named “${name}” created since then was found on ${server.host}, so it was probably not created: save again to create it.`);
  }
  const choice = await showMessage(
    'warning',
    `Creating “${name}” failed without a clear answer, but ${server.host} has a product of that name created ${newest.created ? `at ${plainText(newest.created, 40)}` : 'just now'}. Open that one instead of creating it again?`,
    { modal: true, detail: `The request may have reached the server before the connection failed (${plainText(userMessage(err), 200)}). Create Again sends one more create request.` },
    'Open Existing',
    'Create Again',
  );
  if (choice === 'Open Existing') return { created: newest, uri: zaveitProductUri(newest.id, newest.name) };
  if (choice !== 'Create Again') return undefined;
  const created = await client.createProduct(body, options);
  log.info(`Zaveit: created product ${created.id} on ${server.origin} (created again after an unclear failure).`);
  return { created, uri: zaveitProductUri(created.id, created.name) };
}
