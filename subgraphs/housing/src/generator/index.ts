/**
 * Deterministic housing records that follow the register (建档立卡):
 *
 *   for (const b of iterateHouseholds('demo', 1)) housingRecordsFor(b, 1)   // no database
 *   await loadHousing(pool, { size: 'county', seed: 1, onProgress: progressReporter('housing') })
 */
export { housingRecordsFor, subsidiesPayable, everDangerous } from './records';
export type { HousingRecords, DwellingAppraisalRow, RenovationProjectRow, RelocationHousingRow, RelocationMemberRow, RenovationSubsidyDue } from './records';
export { loadHousing } from './load';
export type { HousingLoadOptions, HousingLoadResult } from './load';
export { HOUSING_TABLE_SPECS, HOUSING_TABLES } from './tables';
export type { HousingTable } from './tables';
export * as housingParams from './params';
