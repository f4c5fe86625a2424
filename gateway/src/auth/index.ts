export * from './tokens';
export * from './plugin';
export * from './devSecrets';
