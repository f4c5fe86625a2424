/**
 * Deterministic civil-affairs (民政) records that follow the register (DESIGN.md §6):
 *
 *   civilAffairsRecordsFor(bundle, seed)       // one registered household: records, payables, mismatches
 *   unregisteredRosterFor(size, seed)           // legacy roster entries for households not in the register
 *   loadCivilAffairs(pool, { size, seed })      // both, into the civil-affairs tables (COPY or INSERT)
 */
export { civilAffairsRecordsFor, factsOf } from './records';
export { unregisteredRosterFor, unregisteredCount, registerSequences } from './unregistered';
export { loadCivilAffairs, addRecords } from './load';
export type { CivilAffairsLoadOptions, CivilAffairsLoadResult } from './load';
export { payablesOf, monthsOf } from './payables';
export { destituteBasicFen, careFen } from './standards';
export type { GenerateRecordOptions, HouseholdFacts, MemberFacts } from './households';
export * from './rows';
export { TABLE_SPECS as CIVIL_AFFAIRS_TABLE_SPECS } from './tables';
export * as civilAffairsParams from './params';
