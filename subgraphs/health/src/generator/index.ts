/**
 * Deterministic health records (卫生健康/医保) that follow the register:
 *
 *   for (const b of iterateHouseholds('demo', 1)) healthRecordsFor(b, 1).premiumSubsidies
 *   loadHealth(pool, { size: 'county', seed: 1, onProgress: progressReporter('health') })
 */
export { healthRecordsFor } from './records';
export { loadHealth } from './load';
export type { LoadHealthOptions, LoadHealthResult } from './load';
export type { HealthRecords, PremiumSubsidy, InsuranceEnrolmentRow, DoctorContractRow, SpecialTreatmentRow, HospitalSettlementRow } from './rows';
export { HEALTH_TABLE_SPECS, HEALTH_TABLES } from './tables';
export type { HealthTable } from './tables';
