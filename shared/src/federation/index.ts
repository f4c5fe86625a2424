export * from './entityKeys';
export * from './registerClient';
