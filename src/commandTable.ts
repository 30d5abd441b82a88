// Every command the extension contributes, in one typed table. package.json's `contributes.commands`
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
  showLog: { id: 'kelviq.showLog', title: 'Show Log', icon: 'output' },
} as const satisfies Record<string, { id: `kelviq.${string}`; title: string; icon?: string; palette?: false }>;

export type CommandKey = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandKey]['id'];
export const COMMAND_CATEGORY = 'Kelviq';
