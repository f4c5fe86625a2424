export * from './identity';
export * from './signing';
export * from './scope';
export * from './masking';
export * from './suppression';
export * from './audit';
export * from './guard';
export * from './writes';
