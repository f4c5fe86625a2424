export * from './target';
export * from './open';
export * from './sqlMetrics';
export * from './testing';
export { startEmbeddedPostgres } from './embedded';
