// Open Product… and Archive Product… for kelviq: the shared search picker (views/searchPicker)
// over the product list's `search`, taking a pasted product UUID too. Product texts are plain
// text (productTexts.ts): quick picks render `$(icon)` in labels.
import type { KelviqClient, Product } from '../../api';
import { isProductId } from '../../domain/kelviq/productUri';
import { pickBySearch } from '../../views/searchPicker';
import { productPickTexts } from './productTexts';

export async function pickProduct(client: KelviqClient, title: string): Promise<{ id: string; product?: Product } | undefined> {
  const picked = await pickBySearch<Product>({
    title,
    noun: 'product',
    placeholder: 'Type to search by name, identifier or description, or paste a product ID',
    search: async (text, signal) => {
      const page = await client.listProducts({ search: text || undefined, pageSize: 50, signal });
      return page.results.map((product) => ({ id: product.id, ...productPickTexts(product), object: product }));
    },
    idOf: (text) => (isProductId(text) ? text.toLowerCase() : undefined),
  });
  return picked && { id: picked.id, ...(picked.object ? { product: picked.object } : {}) };
}
