// The kelviq catalog client over the generic HttpClient, one method per call: products and their
// settings in productCalls.ts; plans, prices, entitlements and features in planCalls.ts, priceCalls.ts, entitlementCalls.ts and
// featureCalls.ts; uploads, product images and plan files in mediaCalls.ts, imageCalls.ts and
// planFileCalls.ts, and the transfers to and from storage (another host: never with the API key)
// in storageUpload.ts and storageDownload.ts (the methods below hand them this client's context
// and log). Checks every input before sending (ids, identifiers, request bodies against the
// strict schemas) and validates every answer with the loose response schemas (extra fields are
// kept).
import { setMaxListeners } from 'node:events';
import { HttpClient, type HttpClientOptions } from '../http/httpClient';
import type { CallOptions, RequestLogEntry } from '../http/types';
import type { KelviqCallContext } from './callSupport';
import type { EntitlementDetailsInput, PlanEntitlementInput, PlanEntitlementPage, PlanEntitlementUpdateResult } from './entitlementSchemas';
import * as entitlements from './entitlementCalls';
import * as features from './featureCalls';
import type { CatalogFeature, FeatureCreate, FeaturePage } from './featureSchemas';
import * as images from './imageCalls';
import type { ProductImageUpdate } from './imageSchemas';
import * as media from './mediaCalls';
import type { PresignedUpload } from './mediaSchemas';
import * as planFiles from './planFileCalls';
import type { PlanFileUpdate } from './planFileSchemas';
import * as plans from './planCalls';
import type { CatalogPlan, PlanCreate, PlanFile, PlanPage, PlanPublish, PlanPublishResult, PlanUpdate } from './planSchemas';
import * as prices from './priceCalls';
import type { PlanPrice, PlanPriceInput, PlanPricePage } from './priceSchemas';
import * as products from './productCalls';
import type { ListProductsOptions } from './productCalls';
import type { Product, ProductCreate, ProductDetail, ProductImage, ProductPage, ProductSettings, ProductSettingsUpdate, ProductUpdate } from './schemas';
import { listAllPages, productListContext, type ListAllProductsOptions } from './listAll';
import { downloadFromStorage, type StorageDownload, type StorageDownloadOptions } from './storageDownload';
import { thrownError } from './storageSupport';
import { uploadToStorage, type StorageUploadOptions, type UploadSource } from './storageUpload';

/** The HTTP client's options, with the API key in place of raw headers and secrets. */
export type KelviqClientOptions = Omit<HttpClientOptions, 'service' | 'headers' | 'secrets'> & {
  apiKey: string;
};

export type { ListProductsOptions } from './productCalls';
export type { ListAllProductsOptions } from './listAll';
export type { ListAllPlansOptions, ListPlansOptions, PlanVersionOptions } from './planCalls';
export type { ListPlanItemsOptions } from './priceCalls';
export type { ListFeaturesOptions } from './featureCalls';
export type { StorageDownload, StorageDownloadOptions } from './storageDownload';
export type { StorageTransferOptions, StorageUploadOptions, UploadSource } from './storageUpload';

export class KelviqClient {
  readonly environmentLabel: string;
  readonly baseUrl: string;
  readonly #http: HttpClient;
  readonly #ctx: KelviqCallContext;
  readonly #onRequest: ((entry: RequestLogEntry) => void) | undefined;
  /** Aborts the storage transfers in flight when the client is disposed. */
  readonly #transfers = new AbortController();

  /** @throws TypeError for an unusable base URL or API key (the message never contains the key). */
  constructor(options: KelviqClientOptions) {
    const apiKey = options.apiKey.trim();
    const label = options.environmentLabel;
    if (!apiKey) throw new TypeError(`No ${label} API key is set. Set a key created in the ${label} environment.`);
    if (!/^[\x21-\x7e]+$/.test(apiKey)) {
      throw new TypeError(`The ${label} API key contains spaces or characters a key cannot have. Paste the key again.`);
    }
    this.environmentLabel = label;
    this.baseUrl = options.baseUrl.trim();
    this.#http = new HttpClient({
      baseUrl: this.baseUrl,
      service: 'Kelviq',
      environmentLabel: label,
      headers: { authorization: `Bearer ${apiKey}` },
      secrets: [apiKey, options.apiKey],
      ...pick(options, ['timeoutMs', 'maxRetries', 'retryBaseDelayMs', 'maxRetryDelayMs', 'userAgent', 'onRequest', 'onRetry']),
    });
    this.#ctx = { http: this.#http, environmentLabel: label };
    this.#onRequest = options.onRequest;
    setMaxListeners(0, this.#transfers.signal); // one listener per transfer in flight
  }

  listProducts(options: ListProductsOptions = {}): Promise<ProductPage> {
    return products.listProducts(this.#ctx, options);
  }

  /**
   * Every product matching `search`: the first page, then the rest with bounded concurrency; once
   * more if the catalog changed meanwhile (see listAll.ts). Refuses a list of more than
   * MAX_LIST_ALL_PAGES pages (kind 'badResponse').
   */
  listAllProducts(options: ListAllProductsOptions = {}): Promise<Product[]> {
    return listAllPages((query) => this.listProducts(query), options, productListContext(this.environmentLabel, this.#http.basePath));
  }

  getProduct(id: string, options: CallOptions = {}): Promise<ProductDetail> {
    return products.getProduct(this.#ctx, id, options);
  }

  createProduct(input: ProductCreate, options: CallOptions = {}): Promise<Product> {
    return products.createProduct(this.#ctx, input, options);
  }

  updateProduct(id: string, patch: ProductUpdate, options: CallOptions = {}): Promise<Product> {
    return products.updateProduct(this.#ctx, id, patch, options);
  }

  /** Archives (soft-deletes); see productCalls.archiveProduct. */
  archiveProduct(id: string, options: CallOptions = {}): Promise<void> {
    return products.archiveProduct(this.#ctx, id, options);
  }

  getProductSettings(id: string, options: CallOptions = {}): Promise<ProductSettings> {
    return products.getProductSettings(this.#ctx, id, options);
  }

  updateProductSettings(id: string, patch: ProductSettingsUpdate, options: CallOptions = {}): Promise<ProductSettings> {
    return products.updateProductSettings(this.#ctx, id, patch, options);
  }

  // ---- plans (by identifier; versions: a draft until published) ----

  listPlans(options: plans.ListPlansOptions = {}): Promise<PlanPage> {
    return plans.listPlans(this.#ctx, options);
  }

  /** Every plan, drafts included (the newest version of each), over all pages; cancellable. */
  listAllPlans(options: plans.ListAllPlansOptions = {}): Promise<CatalogPlan[]> {
    return plans.listAllPlans(this.#ctx, options);
  }

  getPlan(identifier: string, options: plans.PlanVersionOptions = {}): Promise<CatalogPlan> {
    return plans.getPlan(this.#ctx, identifier, options);
  }

  createPlan(input: PlanCreate, options: CallOptions = {}): Promise<CatalogPlan> {
    return plans.createPlan(this.#ctx, input, options);
  }

  updatePlan(identifier: string, patch: PlanUpdate, options: plans.PlanVersionOptions = {}): Promise<CatalogPlan> {
    return plans.updatePlan(this.#ctx, identifier, patch, options);
  }

  archivePlan(identifier: string, options: CallOptions = {}): Promise<void> {
    return plans.archivePlan(this.#ctx, identifier, options);
  }

  publishPlan(identifier: string, flags: PlanPublish = {}, options: CallOptions = {}): Promise<PlanPublishResult> {
    return plans.publishPlan(this.#ctx, identifier, flags, options);
  }

  discardPlanDraft(identifier: string, options: CallOptions = {}): Promise<void> {
    return plans.discardPlanDraft(this.#ctx, identifier, options);
  }

  // ---- a plan's prices and entitlements ----

  listPlanPrices(identifier: string, options: prices.ListPlanItemsOptions = {}): Promise<PlanPricePage> {
    return prices.listPlanPrices(this.#ctx, identifier, options);
  }

  /** Every price of the plan (of `options.version`, else its newest version), over all pages. */
  listAllPlanPrices(identifier: string, options: Parameters<typeof prices.listAllPlanPrices>[2] = {}): Promise<PlanPrice[]> {
    return prices.listAllPlanPrices(this.#ctx, identifier, options);
  }

  setPlanPrices(identifier: string, list: readonly PlanPriceInput[], options: CallOptions = {}): Promise<PlanPrice[]> {
    return prices.setPlanPrices(this.#ctx, identifier, list, options);
  }

  listPlanEntitlements(identifier: string, options: prices.ListPlanItemsOptions = {}): Promise<PlanEntitlementPage> {
    return entitlements.listPlanEntitlements(this.#ctx, identifier, options);
  }

  /** Every entitlement of the plan (of `options.version`, else its newest version), over all pages. */
  listAllPlanEntitlements(identifier: string, options: Parameters<typeof entitlements.listAllPlanEntitlements>[2] = {}): Promise<PlanEntitlementPage['results']> {
    return entitlements.listAllPlanEntitlements(this.#ctx, identifier, options);
  }

  /** Features by UUID. */
  addPlanEntitlements(identifier: string, list: readonly PlanEntitlementInput[], options: CallOptions = {}): Promise<CatalogPlan> {
    return entitlements.addPlanEntitlements(this.#ctx, identifier, list, options);
  }

  /** The feature by its identifier (not its UUID). */
  updatePlanEntitlement(identifier: string, featureIdentifier: string, details: EntitlementDetailsInput, options: CallOptions = {}): Promise<PlanEntitlementUpdateResult> {
    return entitlements.updatePlanEntitlement(this.#ctx, identifier, featureIdentifier, details, options);
  }

  /** The feature by its identifier (not its UUID). */
  removePlanEntitlement(identifier: string, featureIdentifier: string, options: CallOptions = {}): Promise<void> {
    return entitlements.removePlanEntitlement(this.#ctx, identifier, featureIdentifier, options);
  }

  // ---- features (by UUID; no update) ----

  listFeatures(options: features.ListFeaturesOptions = {}): Promise<FeaturePage> {
    return features.listFeatures(this.#ctx, options);
  }

  /** Every feature that is not archived, over all pages; cancellable. */
  listAllFeatures(options: Parameters<typeof features.listAllFeatures>[1] = {}): Promise<CatalogFeature[]> {
    return features.listAllFeatures(this.#ctx, options);
  }

  getFeature(id: string, options: CallOptions = {}): Promise<CatalogFeature> {
    return features.getFeature(this.#ctx, id, options);
  }

  createFeature(input: FeatureCreate, options: CallOptions = {}): Promise<CatalogFeature> {
    return features.createFeature(this.#ctx, input, options);
  }

  archiveFeature(id: string, options: CallOptions = {}): Promise<void> {
    return features.archiveFeature(this.#ctx, id, options);
  }

  // ---- uploads (POST /media/, then straight to storage), product images, plan files ----

  /** A presigned upload policy for one file (a name, not a path; a MIME type), valid for an hour. */
  createUpload(fileName: string, fileType: string, options: CallOptions = {}): Promise<PresignedUpload> {
    return media.createUpload(this.#ctx, fileName, fileType, options);
  }

  /**
   * POSTs the file to storage as `presign` allows (its fields in order, the file last), without
   * the API key or any of this client's headers; rejects with an UploadError. Then send
   * `presign.fileKey` in a product's `imageKeys` or a plan's `fileKeys`. Logged to `onRequest`.
   */
  async uploadToStorage(presign: PresignedUpload, file: UploadSource, options: StorageUploadOptions = {}): Promise<void> {
    const signal = this.#transferSignal(options.signal, 'upload', presign.url, file.name);
    return uploadToStorage(presign, file, { ...options, signal, onRequest: this.#transferLog(options.onRequest) });
  }

  updateProductImage(productId: string, imageId: string, patch: ProductImageUpdate, options: CallOptions = {}): Promise<ProductImage> {
    return images.updateProductImage(this.#ctx, productId, imageId, patch, options);
  }

  deleteProductImage(productId: string, imageId: string, options: CallOptions = {}): Promise<void> {
    return images.deleteProductImage(this.#ctx, productId, imageId, options);
  }

  /** On a published plan: changes the file's copy in the new draft (the answer; its id may differ). */
  updatePlanFile(identifier: string, fileId: string, patch: PlanFileUpdate, options: CallOptions = {}): Promise<PlanFile> {
    return planFiles.updatePlanFile(this.#ctx, identifier, fileId, patch, options);
  }

  deletePlanFile(identifier: string, fileId: string, options: CallOptions = {}): Promise<void> {
    return planFiles.deletePlanFile(this.#ctx, identifier, fileId, options);
  }

  /** The short-lived signed storage URL of a plan file, from this client's own base URL (never a server's `downloadUrl`). */
  planFileDownloadUrl(identifier: string, fileId: string, options: CallOptions = {}): Promise<string> {
    return planFiles.planFileDownloadUrl(this.#ctx, identifier, fileId, options);
  }

  /** GETs a storage URL without the API key or any of this client's headers; rejects with a DownloadError. */
  async downloadFromStorage(url: string, options: StorageDownloadOptions = {}): Promise<StorageDownload> {
    const signal = this.#transferSignal(options.signal, 'download', url);
    return downloadFromStorage(url, { ...options, signal, onRequest: this.#transferLog(options.onRequest) });
  }

  /** planFileDownloadUrl, then downloadFromStorage of the URL it answered. */
  async downloadPlanFile(identifier: string, fileId: string, options: StorageDownloadOptions = {}): Promise<StorageDownload> {
    const url = await this.planFileDownloadUrl(identifier, fileId, options.signal ? { signal: options.signal } : {});
    return this.downloadFromStorage(url, options);
  }

  /** Waits for calls in flight, then closes the connection pool. Later calls reject 'cancelled'. */
  close(): Promise<void> {
    return this.#http.close();
  }

  /** For a VS Code Disposable: closes now, aborting calls and storage transfers in flight (they reject 'cancelled'). */
  dispose(): void {
    this.#transfers.abort();
    this.#http.destroy().catch(() => undefined);
  }

  /** The caller's signal joined with this client's; a closed client refuses new transfers. */
  #transferSignal(signal: AbortSignal | undefined, operation: 'upload' | 'download', url: string, fileName?: string): AbortSignal {
    if (this.#http.closed) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        parsed = new URL('https://storage.invalid/');
      }
      throw thrownError(operation, parsed, undefined, true, fileName);
    }
    return signal ? AbortSignal.any([signal, this.#transfers.signal]) : this.#transfers.signal;
  }

  #transferLog(own: ((entry: RequestLogEntry) => void) | undefined): (entry: RequestLogEntry) => void {
    return (entry) => {
      for (const listener of [this.#onRequest, own]) {
        try {
          listener?.(entry);
        } catch {
          // a logging hook must never break a transfer
        }
      }
    };
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
