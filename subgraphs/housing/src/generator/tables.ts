import { TableSpec, tableSpec } from '@saf/kit';
import { DwellingAppraisalRow, RelocationHousingRow, RelocationMemberRow, RenovationProjectRow } from './records';

/** Column layouts of the housing tables, parents first (the order the bulk loader writes them in). */
export const HOUSING_TABLE_SPECS = {
  dwelling_appraisal: tableSpec<DwellingAppraisalRow>('dwelling_appraisal', [
    ['id', 'text', (r) => r.id],
    ['household_id', 'text', (r) => r.householdId],
    ['rating', 'text', (r) => r.rating],
    ['appraisal_date', 'date', (r) => r.appraisalDate],
    ['appraiser', 'text', (r) => r.appraiser],
    ['method', 'text', (r) => r.method],
    ['structure', 'text', (r) => r.structure],
    ['floor_area', 'numeric', (r) => r.floorArea],
    ['year_built', 'smallint', (r) => r.yearBuilt],
    ['danger_points', 'text', (r) => r.dangerPoints],
    ['is_latest', 'boolean', (r) => r.isLatest],
    ['recorded_at', 'timestamptz', (r) => r.recordedAt],
  ]),
  renovation_project: tableSpec<RenovationProjectRow>('renovation_project', [
    ['id', 'text', (r) => r.id],
    ['household_id', 'text', (r) => r.householdId],
    ['appraisal_id', 'text', (r) => r.appraisalId],
    ['renovation_type', 'text', (r) => r.type],
    ['status', 'text', (r) => r.status],
    ['plan_year', 'smallint', (r) => r.planYear],
    ['approval_date', 'date', (r) => r.approvalDate],
    ['start_date', 'date', (r) => r.startDate],
    ['completion_date', 'date', (r) => r.completionDate],
    ['acceptance_date', 'date', (r) => r.acceptanceDate],
    ['acceptance_result', 'text', (r) => r.acceptanceResult],
    ['acceptance_note', 'text', (r) => r.acceptanceNote],
    ['move_in_date', 'date', (r) => r.moveInDate],
    ['floor_area', 'numeric', (r) => r.floorArea],
    ['subsidy_fen', 'bigint', (r) => r.subsidyFen],
    ['self_raised_fen', 'bigint', (r) => r.selfRaisedFen],
    ['recorded_at', 'timestamptz', (r) => r.recordedAt],
    ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ]),
  relocation_housing: tableSpec<RelocationHousingRow>('relocation_housing', [
    ['id', 'text', (r) => r.id],
    ['household_id', 'text', (r) => r.householdId],
    ['plan_year', 'smallint', (r) => r.planYear],
    ['site_name', 'text', (r) => r.siteName],
    ['site_region_code', 'text', (r) => r.siteRegionCode],
    ['mode', 'text', (r) => r.mode],
    ['unit_area', 'numeric', (r) => r.unitArea],
    ['persons_relocated', 'smallint', (r) => r.personsRelocated],
    ['allocation_date', 'date', (r) => r.allocationDate],
    ['handover_date', 'date', (r) => r.handoverDate],
    ['move_in_date', 'date', (r) => r.moveInDate],
    ['old_house_demolished', 'boolean', (r) => r.oldHouseDemolished],
    ['demolition_date', 'date', (r) => r.demolitionDate],
    ['land_reclaimed', 'boolean', (r) => r.landReclaimed],
    ['subsidy_fen', 'bigint', (r) => r.subsidyFen],
    ['recorded_at', 'timestamptz', (r) => r.recordedAt],
    ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ]),
  relocation_member: tableSpec<RelocationMemberRow>('relocation_member', [
    ['relocation_id', 'text', (r) => r.relocationId],
    ['person_id', 'text', (r) => r.personId],
    ['household_id', 'text', (r) => r.householdId],
  ]),
} satisfies Record<string, TableSpec>;

export type HousingTable = keyof typeof HOUSING_TABLE_SPECS;
export const HOUSING_TABLES = Object.keys(HOUSING_TABLE_SPECS) as HousingTable[];
