import {
  EducationLevel,
  HealthStatus,
  IdentificationStandard,
  LabourCapacity,
  MemberStatus,
  PovertyCause,
  PovertyStatus,
  ProcedureKind,
  ProcedureStepCode,
  Relation,
  SchoolingStatus,
  Sex,
  UnitLevel,
  WelfareCategory,
} from '../register/codes';

/**
 * One row object per table the generator fills, with the table's columns in camelCase. Dates are
 * 'YYYY-MM-DD' strings, timestamps 'YYYY-MM-DD HH:MM:SS+08' strings, money integer fen. Serial ids
 * (household_visit.id, procedure_step.id) are left to the database.
 */

export interface RegionRow {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parentCode: string | null;
  isPoorVillage: boolean;
}

export interface CadreRow {
  id: string;
  name: string;
  unit: string;
  unitLevel: UnitLevel;
  phone: string;
}

export interface HouseholdRow {
  id: string;
  regionCode: string;
  identificationStandard: IdentificationStandard;
  welfareCategory: WelfareCategory;
  mainCause: PovertyCause;
  otherCauses: PovertyCause[];
  status: PovertyStatus;
  identificationYear: number;
  exitYear: number | null;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  createdAt: string;
  updatedAt: string;
}

export interface PersonRow {
  id: string;
  householdId: string;
  residentId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  relation: Relation;
  ethnicity: string;
  education: EducationLevel;
  schoolingStatus: SchoolingStatus;
  healthStatus: HealthStatus;
  labourCapacity: LabourCapacity;
  migrantWorkMonths: number;
  memberStatus: MemberStatus;
  createdAt: string;
  updatedAt: string;
}

export interface StatusPeriodRow {
  householdId: string;
  status: PovertyStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  reason: string;
  recordedAt: string;
}

export interface IncomeRow {
  householdId: string;
  year: number;
  netIncomePerCapitaFen: number;
  householdSize: number;
  recordedAt: string;
}

export interface VisitRow {
  householdId: string;
  visitDate: string;
  visitor: string;
  foodSecure: boolean;
  clothingSecure: boolean;
  drinkingWaterSafe: boolean;
  notes: string;
}

export interface CadreAssignmentRow {
  householdId: string;
  cadreId: string;
  assignedFrom: string;
  assignedTo: string | null;
}

export interface ProcedureStepRow {
  householdId: string;
  procedure: ProcedureKind;
  step: ProcedureStepCode;
  stepOrder: number;
  actor: string;
  actorLevel: UnitLevel;
  stepDate: string;
  evidence: string;
  postingStart: string | null;
  postingEnd: string | null;
  objectionCount: number;
}

/** Table name -> row type, in foreign-key load order. */
export interface RegisterRows {
  region: RegionRow;
  cadre: CadreRow;
  household: HouseholdRow;
  person: PersonRow;
  household_status_period: StatusPeriodRow;
  household_income: IncomeRow;
  household_visit: VisitRow;
  cadre_assignment: CadreAssignmentRow;
  procedure_step: ProcedureStepRow;
}
export type RegisterTable = keyof RegisterRows;
export const REGISTER_TABLES: readonly RegisterTable[] = [
  'region', 'cadre', 'household', 'person', 'household_status_period', 'household_income', 'household_visit',
  'cadre_assignment', 'procedure_step',
];

/** One generated row, tagged with its table. */
export type RegisterRow = { [T in RegisterTable]: { table: T; row: RegisterRows[T] } }[RegisterTable];
