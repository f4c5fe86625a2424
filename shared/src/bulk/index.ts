export * from './tableSpec';
export * from './bulkLoad';
export * from './progress';
