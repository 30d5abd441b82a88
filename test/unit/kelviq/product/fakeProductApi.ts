// An in-memory ProductApi (the domain's own structural interface of the calls writeProduct runs),
// for the pure stage and partial-save logic only: it is not an HTTP stub (the real client is tested
// against the sandbox). It keeps one product, applies each call as the spec describes it (a
// `thumbnail: true` clears the flag on the product's other images), records when each call starts
// and ends, and fails the calls it is told to.
import type { ProductDetail, ProductImage } from '../../../../src/api/kelviq/schemas';
import type { ProductApi, ProductImagePatch, ProductPatch } from '../../../../src/domain/kelviq/product';

export interface FakeOptions {
  tag?: string;
}

export class FakeProductApi implements ProductApi<FakeOptions> {
  /** `start <call>` / `end <call>`, in order; a call is `PATCH product`, `PATCH image <id>`, `DELETE image <id>`, `GET`. */
  readonly events: string[] = [];
  /** The options each GET was made with. */
  readonly gets: FakeOptions[] = [];
  /** Calls that fail (by their name in `events`), with the error they throw. */
  readonly failures = new Map<string, Error>();
  private edits = 0;

  constructor(public product: ProductDetail) {}

  /** The calls made (starts only), in order. */
  get calls(): string[] {
    return this.events.filter((e) => e.startsWith('start ')).map((e) => e.slice(6));
  }

  private async call<T>(name: string, apply: () => T): Promise<T> {
    this.events.push(`start ${name}`);
    await new Promise((resolve) => setImmediate(resolve));
    this.events.push(`end ${name}`);
    const failure = this.failures.get(name);
    if (failure) throw failure;
    return apply();
  }

  private touched(): void {
    this.edits++;
    this.product = { ...this.product, modifiedOn: new Date(Date.parse('2025-05-01T00:00:00.000Z') + this.edits * 1000).toISOString() };
  }

  updateProduct(id: string, patch: ProductPatch, _options: FakeOptions): Promise<unknown> {
    return this.call('PATCH product', () => {
      if (id !== this.product.id) throw new Error('not found');
      this.product = { ...this.product, ...patch };
      this.touched();
      return structuredClone(this.product);
    });
  }

  updateProductImage(productId: string, imageId: string, patch: ProductImagePatch, _options: FakeOptions): Promise<ProductImage> {
    return this.call(`PATCH image ${imageId}`, () => {
      const images = this.product.images ?? [];
      if (productId !== this.product.id || !images.some((i) => i.id === imageId)) throw new Error('Image not found.');
      this.product = {
        ...this.product,
        images: images.map((i) => (i.id === imageId ? { ...i, ...patch } : patch.thumbnail === true ? { ...i, thumbnail: false } : i)),
      };
      this.touched();
      return structuredClone(this.product.images!.find((i) => i.id === imageId)!);
    });
  }

  deleteProductImage(productId: string, imageId: string, _options: FakeOptions): Promise<unknown> {
    return this.call(`DELETE image ${imageId}`, () => {
      if (productId !== this.product.id) throw new Error('not found');
      this.product = { ...this.product, images: (this.product.images ?? []).filter((i) => i.id !== imageId) };
      this.touched();
      return undefined;
    });
  }

  getProduct(id: string, options: FakeOptions): Promise<ProductDetail> {
    this.gets.push(options);
    return this.call('GET', () => {
      if (id !== this.product.id) throw new Error('not found');
      return structuredClone(this.product);
    });
  }
}
