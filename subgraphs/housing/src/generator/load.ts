import type { Pool } from 'pg';
import { loadFollowingRegister, RegisterLoadOptions, RegisterLoadResult } from '@saf/poverty-office';
import { housingRecordsFor } from './records';
import { HOUSING_TABLE_SPECS, HOUSING_TABLES, HousingTable } from './tables';

export type HousingLoadOptions = RegisterLoadOptions;
export type HousingLoadResult = RegisterLoadResult<HousingTable>;

/** Generates the housing records of every household of the register and writes them in one transaction. */
export function loadHousing(pool: Pool, options: HousingLoadOptions): Promise<HousingLoadResult> {
  return loadFollowingRegister<HousingTable>(pool, options, {
    tables: HOUSING_TABLES.map((t) => HOUSING_TABLE_SPECS[t]),
    addHousehold: (sink, bundle) => {
      const records = housingRecordsFor(bundle, options.seed);
      for (const r of records.appraisals) sink.add(HOUSING_TABLE_SPECS.dwelling_appraisal, r);
      for (const r of records.renovations) sink.add(HOUSING_TABLE_SPECS.renovation_project, r);
      if (records.relocation) sink.add(HOUSING_TABLE_SPECS.relocation_housing, records.relocation);
      for (const r of records.relocationMembers) sink.add(HOUSING_TABLE_SPECS.relocation_member, r);
    },
  });
}
