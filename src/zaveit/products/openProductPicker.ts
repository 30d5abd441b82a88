// Zaveit: Open Product… and Archive Product…: the shared search picker (views/searchPicker) over
// the product list's `~search` (filtered here too, in case the server ignores it), taking a
// pasted product id too. Names are plain text: quick picks render `$(icon)` in labels.
import { filterProducts } from '../../api/zaveit/listPage';
import { isProductId } from '../../api/zaveit/paths';
import type { Product } from '../../api/zaveit/schemas';
import type { ZaveitClient } from '../../api/zaveit/zaveitClient';
import { productRowDescription } from '../../domain/zaveit/product/treeText';
import { plainText } from '../../domain/untrustedText';
import { pickBySearch } from '../../views/searchPicker';

const MAX_PICKS = 200;

export async function pickZaveitProduct(client: ZaveitClient, title: string): Promise<{ id: string; product?: Product } | undefined> {
  const picked = await pickBySearch<Product>({
    title,
    noun: 'product',
    placeholder: 'Type to search by name, description or SKU, or paste a product id',
    search: async (text, signal) => {
      const page = await client.listProducts({ ...(text ? { search: text } : {}), perPage: 50, signal });
      return filterProducts(page.items, text)
        .slice(0, MAX_PICKS)
        .map((product) => ({
          id: product.id,
          label: plainText(product.name, 200),
          description: plainText(productRowDescription(product), 200),
          detail: plainText(product.id, 60),
          object: product,
        }));
    },
    idOf: (text) => (isProductId(text) ? text : undefined),
  });
  return picked && { id: picked.id, ...(picked.object ? { product: picked.object } : {}) };
}
