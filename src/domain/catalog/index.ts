export * from './productListModel';
