export * from './codes';
export * from './types';
export * from './keys';
export * from './build';
export * from './totals';
