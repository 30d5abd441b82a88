// Public surface of the Zaveit backend's API layer (pure Node, no `vscode`).
export { ZaveitClient, type ZaveitClientOptions, type ListProductsOptions, type FindProductsByNameOptions, type ProductNameMatches } from './zaveitClient';
export { listAllPages, DEFAULT_MAX_ITEMS, DEFAULT_MAX_PAGES, type ListAllProductsOptions, type ProductListAll } from './listAll';
export { filterProducts, interpretListPage, localPage, uniqueById, type ProductListPage, type UnpagedReason } from './listPage';
export { ASSUMED_UPDATE_ENDPOINT, isAmbiguousCreateFailure, unsupportedUpdate, zaveitError } from './zaveitErrors';
export { AUTH_INFO_PATH, DEFAULT_PER_PAGE, MAX_PER_PAGE, PRODUCTS_PATH, clampPerPage, isProductId, productListPath, productPath } from './paths';
export * from './productFields';
export * from './schemas';
