// Every command the extension contributes, in one typed table: kelviq's (`kelviq.*`, category
// "Kelviq") and Zaveit's (`zaveit.*`, category "Zaveit"). package.json's `contributes.commands`
// must list exactly these (a unit test checks it). Pure: no `vscode` import.
export const COMMANDS = {
  setApiKey: { id: 'kelviq.setApiKey', title: 'Set API Key', icon: 'key' },
  signOut: { id: 'kelviq.signOut', title: 'Sign Out' },
  switchEnvironment: { id: 'kelviq.switchEnvironment', title: 'Switch Environment', icon: 'server-environment' },
  changeCustomUrl: { id: 'kelviq.changeCustomUrl', title: 'Change Custom URL…', icon: 'edit' },
  refreshProducts: { id: 'kelviq.refreshProducts', title: 'Refresh Products', icon: 'refresh' },
  searchProducts: { id: 'kelviq.searchProducts', title: 'Search Products', icon: 'search' },
  clearSearch: { id: 'kelviq.clearSearch', title: 'Clear Search', icon: 'clear-all' },
  loadMoreProducts: { id: 'kelviq.loadMoreProducts', title: 'Load More Products', palette: false },
  loadAllProducts: { id: 'kelviq.loadAllProducts', title: 'Load All Products', icon: 'cloud-download' },
  openProduct: { id: 'kelviq.openProduct', title: 'Open Product…', icon: 'go-to-file' },
  createProduct: { id: 'kelviq.createProduct', title: 'Create Product…', icon: 'add' },
  archiveProduct: { id: 'kelviq.archiveProduct', title: 'Archive Product', icon: 'archive', palette: false },
  copyProductId: { id: 'kelviq.copyProductId', title: 'Copy Product ID', icon: 'copy', palette: false },
  addProductImage: { id: 'kelviq.addProductImage', title: 'Add Image…', icon: 'file-media' },
  openProductImage: { id: 'kelviq.openProductImage', title: 'Preview Image', icon: 'preview', palette: false },
  openProductSettings: { id: 'kelviq.openProductSettings', title: 'Open Product Settings', icon: 'settings-gear' },
  openPlan: { id: 'kelviq.openPlan', title: 'Open Plan', icon: 'go-to-file', palette: false },
  createPlan: { id: 'kelviq.createPlan', title: 'Create Plan…', icon: 'add' },
  publishPlan: { id: 'kelviq.publishPlan', title: 'Publish Plan…', icon: 'cloud-upload' },
  discardPlanDraft: { id: 'kelviq.discardPlanDraft', title: 'Discard Plan Draft…', icon: 'discard' },
  addPlanFile: { id: 'kelviq.addPlanFile', title: 'Add File…', icon: 'new-file' },
  downloadPlanFile: { id: 'kelviq.downloadPlanFile', title: 'Download File', icon: 'cloud-download', palette: false },
  refreshFeatures: { id: 'kelviq.refreshFeatures', title: 'Refresh Features', icon: 'refresh' },
  openFeature: { id: 'kelviq.openFeature', title: 'Open Feature…', icon: 'go-to-file' },
  createFeature: { id: 'kelviq.createFeature', title: 'Create Feature…', icon: 'add' },
  archiveFeature: { id: 'kelviq.archiveFeature', title: 'Archive Feature', icon: 'archive', palette: false },
  showLog: { id: 'kelviq.showLog', title: 'Show Log', icon: 'output' },

  zaveitSetToken: { id: 'zaveit.setToken', title: 'Set Token', icon: 'key' },
  zaveitSignOut: { id: 'zaveit.signOut', title: 'Sign Out' },
  zaveitChangeBaseUrl: { id: 'zaveit.changeBaseUrl', title: 'Change Base URL', icon: 'server-environment' },
  zaveitRefreshProducts: { id: 'zaveit.refreshProducts', title: 'Refresh Products', icon: 'refresh' },
  zaveitSearchProducts: { id: 'zaveit.searchProducts', title: 'Search Products', icon: 'search' },
  zaveitClearSearch: { id: 'zaveit.clearSearch', title: 'Clear Search', icon: 'clear-all' },
  zaveitLoadMoreProducts: { id: 'zaveit.loadMoreProducts', title: 'Load More Products', palette: false },
  zaveitLoadAllProducts: { id: 'zaveit.loadAllProducts', title: 'Load All Products', icon: 'cloud-download' },
  zaveitShowDeleted: { id: 'zaveit.showDeletedProducts', title: 'Show Deleted Products', icon: 'eye' },
  zaveitHideDeleted: { id: 'zaveit.hideDeletedProducts', title: 'Hide Deleted Products', icon: 'eye-closed' },
  zaveitOpenProduct: { id: 'zaveit.openProduct', title: 'Open Product…', icon: 'go-to-file' },
  zaveitCreateProduct: { id: 'zaveit.createProduct', title: 'Create Product…', icon: 'add' },
  zaveitArchiveProduct: { id: 'zaveit.archiveProduct', title: 'Archive Product', icon: 'archive', palette: false },
  zaveitCopyProductId: { id: 'zaveit.copyProductId', title: 'Copy Product ID', icon: 'copy', palette: false },
} as const satisfies Record<string, { id: `${CommandPrefix}.${string}`; title: string; icon?: string; palette?: false }>;

export type CommandKey = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandKey]['id'];
export type CommandPrefix = keyof typeof COMMAND_CATEGORIES;

/** The palette category of each command id prefix. */
export const COMMAND_CATEGORIES = { kelviq: 'Kelviq', zaveit: 'Zaveit' } as const;

/** "Kelviq" for `kelviq.*`, "Zaveit" for `zaveit.*`. */
export function commandCategory(id: string): string {
  const prefix = id.slice(0, id.indexOf('.'));
  if (!Object.hasOwn(COMMAND_CATEGORIES, prefix)) throw new Error(`${id}: a command id starts with ${Object.keys(COMMAND_CATEGORIES).join(' or ')}.`);
  return COMMAND_CATEGORIES[prefix as CommandPrefix];
}
