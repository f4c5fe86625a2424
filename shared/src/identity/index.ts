export * from './residentId';
export * from './regionCode';
export * from './householdId';
export * from './money';
export * from './localDate';
