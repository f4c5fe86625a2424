import {
  CivilAffairsEndReason,
  DestituteSupportMode,
  DibaoCategory,
  DibaoClassification,
  DibaoRecheckResult,
  DisabilityAllowanceType,
  MedicalAssistanceType,
  SelfCareAbility,
  TemporaryAssistanceCause,
  TemporaryAssistanceProcedure,
  TemporaryAssistanceReason,
} from '../codes';

/**
 * One row object per civil-affairs table, with the columns in camelCase. Dates are 'YYYY-MM-DD',
 * money integer fen, end dates inclusive.
 */

export interface DibaoEnrolmentRow {
  id: string;
  householdId: string;
  category: DibaoCategory;
  classification: DibaoClassification;
  certificateNo: string;
  assessedIncomeMonthlyFen: number;
  dibaoLineMonthlyFen: number;
  approvedMonthlyAmountFen: number;
  /** After the last re-check. */
  monthlyAmountFen: number;
  recheckIntervalMonths: 6 | 12;
  applicationDate: string;
  approvalDate: string;
  startDate: string;
  endDate: string | null;
  endReason: CivilAffairsEndReason | null;
}

export interface DibaoCoveredPersonRow {
  enrolmentId: string;
  personId: string;
  householdId: string;
  coveredFrom: string;
  coveredTo: string | null;
}

export interface DibaoRecheckRow {
  enrolmentId: string;
  recheckDate: string;
  householdId: string;
  result: DibaoRecheckResult;
  assessedIncomeMonthlyFen: number;
  dibaoLineMonthlyFen: number;
  personsCovered: number;
  /** null for STOP. */
  newMonthlyAmountFen: number | null;
  notes: string | null;
}

export interface DestituteSupportRow {
  id: string;
  householdId: string;
  personId: string;
  mode: DestituteSupportMode;
  selfCare: SelfCareAbility;
  /** The standards in force at the end of the data (or at the end of the support). */
  basicLivingMonthlyFen: number;
  careMonthlyFen: number;
  institutionName: string | null;
  certificateNo: string;
  applicationDate: string;
  approvalDate: string;
  startDate: string;
  endDate: string | null;
  endReason: CivilAffairsEndReason | null;
}

export interface TemporaryAssistanceRow {
  id: string;
  householdId: string;
  personId: string | null;
  cause: TemporaryAssistanceCause;
  reason: TemporaryAssistanceReason;
  procedure: TemporaryAssistanceProcedure;
  cashAmountFen: number;
  inKindDescription: string | null;
  inKindValueFen: number | null;
  eventDate: string;
  approvalDate: string;
  year: number;
}

export interface DisabilityAllowanceRow {
  id: string;
  householdId: string;
  personId: string;
  type: DisabilityAllowanceType;
  disabilityGrade: number;
  /** The standard in force at the end of the data (or at the end of the allowance). */
  monthlyAmountFen: number;
  startDate: string;
  endDate: string | null;
  endReason: CivilAffairsEndReason | null;
}

export interface MedicalAssistanceRow {
  id: string;
  householdId: string;
  personId: string;
  type: MedicalAssistanceType;
  grantDate: string;
  year: number;
  amountFen: number;
  selfPaidCostFen: number | null;
  /** TREATMENT: the health department's settlement (HospitalSettlementRow.settlementNumber). */
  settlementNumber: string | null;
  /** PREMIUM_SUBSIDY: the health department's insurance enrolment (InsuranceEnrolmentRow.id). */
  insuranceEnrolmentId: string | null;
}

/** Table name → row type, in load order. */
export interface CivilAffairsRows {
  dibao_enrolment: DibaoEnrolmentRow;
  dibao_covered_person: DibaoCoveredPersonRow;
  dibao_recheck: DibaoRecheckRow;
  destitute_support: DestituteSupportRow;
  temporary_assistance: TemporaryAssistanceRow;
  disability_allowance: DisabilityAllowanceRow;
  medical_assistance: MedicalAssistanceRow;
}
export type CivilAffairsTable = keyof CivilAffairsRows;
export const CIVIL_AFFAIRS_TABLES: readonly CivilAffairsTable[] = [
  'dibao_enrolment', 'dibao_covered_person', 'dibao_recheck', 'destitute_support', 'temporary_assistance', 'disability_allowance', 'medical_assistance',
];

// ---------------------------------------------------------------------------------------------
// What finance pays

/** The programmes civil affairs has paid out (finance's generator pays each item). */
export type CivilAffairsProgramme =
  | 'DIBAO' // 低保金, monthly, to the household
  | 'DESTITUTE_SUPPORT' // 特困供养金 (basic living + care), monthly, to the person or the institution
  | 'DISABILITY_LIVING_ALLOWANCE' // 困难残疾人生活补贴, monthly
  | 'DISABILITY_NURSING_SUBSIDY' // 重度残疾人护理补贴, monthly
  | 'TEMPORARY_ASSISTANCE' // 临时救助 cash, once
  | 'MEDICAL_ASSISTANCE_PREMIUM' // 资助参保, once a year, to the medical-insurance fund
  | 'MEDICAL_ASSISTANCE_TREATMENT'; // 医疗救助 直接救助, once, to the hospital (一站式结算)

export type CivilAffairsPayee = 'HOUSEHOLD' | 'PERSON' | 'INSTITUTION' | 'INSURANCE_FUND' | 'HOSPITAL';

/**
 * One payment civil affairs orders (finance makes it). Monthly programmes have one item per month
 * in force (`period` 'YYYY-MM', due on the 10th or on the start day); one-off ones have no period.
 */
export interface CivilAffairsPayable {
  programme: CivilAffairsProgramme;
  /** GraphQL type and ID of the record the payment belongs to. */
  recordType: 'DibaoEnrolment' | 'DestituteSupport' | 'DisabilityAllowance' | 'TemporaryAssistanceEvent' | 'MedicalAssistanceGrant';
  recordId: string;
  householdId: string;
  personId: string | null;
  period: string | null;
  dueDate: string;
  amountFen: number;
  payee: CivilAffairsPayee;
  /** The institution, for institutional destitute support. */
  payeeName: string | null;
  /** Duty-area code: SOCIAL_SAFETY_NET (civil affairs leads) or HEALTH (civil affairs supports). */
  dutyArea: 'SOCIAL_SAFETY_NET' | 'HEALTH';
  /**
   * Medical assistance only: the health department's record of the same money — the insurance
   * enrolment a premium subsidy paid for (also in healthRecordsFor(...).premiumSubsidies with
   * subsidisingDepartment CIVIL_AFFAIRS), or the hospital settlement a treatment grant paid into
   * (its medicalAssistanceFen). Pay each once.
   */
  healthReference: string | null;
}

// ---------------------------------------------------------------------------------------------
// 两线合一 ground truth

/**
 * How the roster departs from the register on REFERENCE_DATE (2020-12-31), as generated: what the
 * reconciliation (issue 4) should find, with the cause the generator chose.
 *  - NO_ACTIVE_DIBAO: register DIBAO/DIBAO_DESTITUTE household without an enrolment in force
 *    (cause NEVER_ENROLLED or ENDED);
 *  - DIBAO_ON_NON_DIBAO_HOUSEHOLD: enrolment in force on a GENERAL (or DESTITUTE-only) household;
 *  - MEMBER_NOT_COVERED: register member of a household with dibao in force, not covered;
 *  - COVERED_PERSON_NOT_MEMBER: covered person who is not a member of the household in the register;
 *  - HOUSEHOLD_NOT_IN_REGISTER: roster entry (dibao or destitute) whose household the register lacks.
 */
export type RosterMismatchKind = 'NO_ACTIVE_DIBAO' | 'DIBAO_ON_NON_DIBAO_HOUSEHOLD' | 'MEMBER_NOT_COVERED' | 'COVERED_PERSON_NOT_MEMBER' | 'HOUSEHOLD_NOT_IN_REGISTER';

export interface RosterMismatch {
  kind: RosterMismatchKind;
  householdId: string;
  personId: string | null;
  recordId: string | null;
  cause: 'NEVER_ENROLLED' | 'ENDED' | 'REGISTER_NOT_UPDATED' | 'MEMBER_LEFT_OUT' | 'NEWBORN_PENDING' | 'NON_MEMBER_COVERED' | 'LEGACY_ROSTER_ENTRY';
}

/** Everything civil affairs holds for one household. */
export interface CivilAffairsRecords {
  householdId: string;
  /** False for the legacy roster entries of unregisteredRosterFor. */
  inRegister: boolean;
  dibaoEnrolments: DibaoEnrolmentRow[];
  dibaoCoveredPersons: DibaoCoveredPersonRow[];
  dibaoRechecks: DibaoRecheckRow[];
  destituteSupports: DestituteSupportRow[];
  temporaryAssistance: TemporaryAssistanceRow[];
  disabilityAllowances: DisabilityAllowanceRow[];
  medicalAssistance: MedicalAssistanceRow[];
  /** Payment orders for finance, derived from the records above (empty with { payables: false }). */
  payables: CivilAffairsPayable[];
  /** The deliberate (and incidental) 两线合一 mismatches of this household. */
  mismatches: RosterMismatch[];
}
