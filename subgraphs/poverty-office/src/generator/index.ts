/**
 * Deterministic synthetic register (建档立卡) for a Kaizhou-like county (DESIGN.md §6, seed 003).
 *
 *   loadRegister(pool, { size: 'county', seed: 1, onProgress: progressReporter('register') })
 *   for (const h of iterateHouseholds('demo', 1)) ...   // the same households, without a database
 */
export { loadRegister } from './load';
export { loadFollowingRegister } from './followRegister';
export type { RegisterLoadOptions, RegisterLoadResult } from './followRegister';
export { detectLoadMethod, ProgressBar, progressReporter } from '@saf/kit';
export type { ProgressBarOptions, ProgressOutput } from '@saf/kit';
export type { LoadMethod, LoadOptions, LoadResult } from './load';
export {
  iterateHouseholds,
  householdsOf,
  generateRegister,
  bundleRows,
  countyModel,
  resolveSize,
  normaliseSeed,
  povertyLineLookup,
} from './register';
export type { GenerateOptions } from './register';
export type { HouseholdBundle, GeneratedPerson } from './household';
export { regionRows, cadreRows, cadreRow, cadreId } from './county';
export type { County, Town, Village } from './county';
export * from './rows';
export { TABLE_SPECS } from './tables';
export {
  PRESETS,
  MAX_HOUSEHOLDS,
  ADDRESS_CODES,
  ADDRESS_CODE_NAMES,
  ALL_ADDRESS_CODES,
  AGE_REFERENCE,
  DEFAULT_POVERTY_LINES_YUAN,
  MAIN_CAUSES,
} from './params';
export type { RegisterPreset } from './params';
export { Rng, Weighted, hash32 } from './prng';
