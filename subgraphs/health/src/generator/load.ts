import type { Pool } from 'pg';
import { loadFollowingRegister, RegisterLoadOptions, RegisterLoadResult } from '@saf/poverty-office';
import { healthRecordsFor } from './records';
import { HEALTH_TABLE_SPECS, HEALTH_TABLES, HealthTable } from './tables';

export type LoadHealthOptions = RegisterLoadOptions;
export type LoadHealthResult = RegisterLoadResult<HealthTable>;

/**
 * Generates the health records of the register's households (the same households the poverty
 * office holds for this size and seed) and writes them in one transaction. The same size and seed
 * always write the same rows.
 */
export function loadHealth(pool: Pool, options: LoadHealthOptions): Promise<LoadHealthResult> {
  return loadFollowingRegister<HealthTable>(pool, options, {
    tables: HEALTH_TABLES.map((t) => HEALTH_TABLE_SPECS[t]),
    addHousehold: (sink, bundle) => {
      const records = healthRecordsFor(bundle, options.seed);
      for (const r of records.enrolments) sink.add(HEALTH_TABLE_SPECS.insurance_enrolment, r);
      for (const r of records.doctorContracts) sink.add(HEALTH_TABLE_SPECS.family_doctor_contract, r);
      for (const r of records.specialTreatments) sink.add(HEALTH_TABLE_SPECS.serious_illness_treatment, r);
      for (const r of records.hospitalSettlements) sink.add(HEALTH_TABLE_SPECS.hospital_settlement, r);
    },
  });
}
