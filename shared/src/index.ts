import 'reflect-metadata';

export * from './identity';
export * from './errors';
export * from './scalars';
export * from './logging';
export * from './context';
export * from './loaders';
export * from './pagination';
export * from './idempotency';
export * from './database';
export * from './schema/buildSubgraphSchema';
export * from './server/serveSubgraph';
export * from './department';
export * from './main';
export * from './bulk';
export * from './federation';
export * from './changes';
export * from './filters';
