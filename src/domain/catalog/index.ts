export * from './productListModel';
export * from './slug';
