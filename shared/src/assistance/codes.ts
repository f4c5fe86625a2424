import { registerEnumType } from 'type-graphql';

/**
 * The duty areas of seed 004 (the duty matrix). The matrix itself, with each area's lead and
 * supporting departments, is the poverty office's data; the codes are shared so that every
 * department can key its contributions by them.
 */
export enum DutyAreaCode {
  INDUSTRY = 'INDUSTRY',
  FINANCIAL_SERVICES = 'FINANCIAL_SERVICES',
  EMPLOYMENT = 'EMPLOYMENT',
  RELOCATION = 'RELOCATION',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  ECOLOGICAL_COMPENSATION = 'ECOLOGICAL_COMPENSATION',
  SOCIAL_SAFETY_NET = 'SOCIAL_SAFETY_NET',
  HOUSING_RENOVATION = 'HOUSING_RENOVATION',
  TRANSPORT = 'TRANSPORT',
  WATER = 'WATER',
  IDENTIFICATION_EXIT = 'IDENTIFICATION_EXIT',
  VILLAGE_ASSISTANCE = 'VILLAGE_ASSISTANCE',
  PUBLICITY = 'PUBLICITY',
  CULTURE = 'CULTURE',
  FUND_SUPERVISION = 'FUND_SUPERVISION',
  ANTI_CORRUPTION = 'ANTI_CORRUPTION',
  SOCIAL_MOBILIZATION = 'SOCIAL_MOBILIZATION',
  ARMED_FORCES = 'ARMED_FORCES',
}

/** A department's part in a duty area, as the matrix assigns it. */
export enum ContributionRole {
  LEAD = 'LEAD',
  SUPPORT = 'SUPPORT',
  /** Areas of item 12 that name jointly responsible departments and no lead. */
  JOINT = 'JOINT',
}

export enum PredicateStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

/** How aggregates group households: by the region code prefix of that level. */
export enum RegionGrouping {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWN = 'TOWN',
  VILLAGE = 'VILLAGE',
}

export const REGION_GROUPING_LENGTH: Record<RegionGrouping, number> = {
  PROVINCE: 2,
  CITY: 4,
  COUNTY: 6,
  TOWN: 9,
  VILLAGE: 12,
};

registerEnumType(DutyAreaCode, { name: 'DutyAreaCode', description: 'A duty area of the duty matrix (seed 004).' });
registerEnumType(ContributionRole, { name: 'ContributionRole', description: "A department's part in a duty area: LEAD (牵头), SUPPORT (配合) or JOINT (共同负责)." });
registerEnumType(PredicateStatus, { name: 'PredicateStatus', description: 'The outcome of one exit predicate for one household and year.' });
registerEnumType(RegionGrouping, { name: 'RegionGrouping', description: 'The region level aggregates are grouped by (code prefix of 2, 4, 6, 9 or 12 digits).' });
