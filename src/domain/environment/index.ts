export * from './environments';
export * from './loopback';
