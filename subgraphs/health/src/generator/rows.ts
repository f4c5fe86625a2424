import {
  ChronicDisease,
  HospitalLevel,
  InsuranceScheme,
  PremiumSubsidyStatus,
  PrimaryCareFacilityLevel,
  SeriousIllness,
  SpecialTreatmentStatus,
  SubsidisingDepartment,
} from '../codes';

/**
 * One row object per table the generator fills, columns in camelCase. Dates are 'YYYY-MM-DD'
 * strings, timestamps 'YYYY-MM-DD HH:MM:SS+08', money integer fen. Serial ids (contracts,
 * treatments, settlements) are left to the database; enrolment ids are natural keys.
 */

export interface InsuranceEnrolmentRow {
  id: string;
  householdId: string;
  personId: string;
  year: number;
  scheme: InsuranceScheme;
  premiumFen: number;
  individualContributionFen: number;
  subsidyStatus: PremiumSubsidyStatus;
  subsidyFen: number;
  subsidisingDepartment: SubsidisingDepartment | null;
  enrolledOn: string;
  cancelledOn: string | null;
  cancellationReason: string | null;
  createdAt: string;
}

export interface DoctorContractRow {
  householdId: string;
  personId: string;
  doctorName: string;
  facilityName: string;
  facilityLevel: PrimaryCareFacilityLevel;
  disease: ChronicDisease | null;
  startDate: string;
  endDate: string;
  followUpsRequired: number;
  followUpsDone: number;
  lastFollowUpOn: string | null;
  terminationReason: string | null;
  createdAt: string;
}

export interface SpecialTreatmentRow {
  householdId: string;
  personId: string;
  disease: SeriousIllness;
  designatedHospital: string;
  hospitalLevel: HospitalLevel;
  diagnosedOn: string;
  treatmentStartedOn: string | null;
  treatmentEndedOn: string | null;
  status: SpecialTreatmentStatus;
  createdAt: string;
}

export interface HospitalSettlementRow {
  settlementNumber: string;
  householdId: string;
  personId: string;
  hospitalName: string;
  hospitalLevel: HospitalLevel;
  diagnosis: string | null;
  admittedOn: string;
  dischargedOn: string;
  year: number;
  totalCostFen: number;
  basicInsuranceFen: number;
  criticalIllnessFen: number;
  medicalAssistanceFen: number;
  safetyNetFen: number;
  commercialTopUpFen: number;
  outOfPocketFen: number;
  deferredPayment: boolean;
  deferredPaidOn: string | null;
  oneStopSettled: boolean;
  createdAt: string;
}

/**
 * A premium subsidy (资助参保) the health department recorded on an enrolment: what the finance
 * department's generator pays (subsidisingDepartment FINANCE) and what civil affairs funds
 * (CIVIL_AFFAIRS). One per subsidised, active enrolment.
 */
export interface PremiumSubsidy {
  householdId: string;
  personId: string;
  year: number;
  scheme: InsuranceScheme;
  /** The HealthInsuranceEnrolment id (`<personId>:<year>:<scheme>`). */
  enrolmentId: string;
  amountFen: number;
  subsidyStatus: PremiumSubsidyStatus.FULL | PremiumSubsidyStatus.PARTIAL;
  subsidisingDepartment: SubsidisingDepartment;
  enrolledOn: string;
}

/** Everything the health department holds for one household of the register. */
export interface HealthRecords {
  householdId: string;
  enrolments: InsuranceEnrolmentRow[];
  /** The subsidised enrolments again, in the shape other departments' generators need. */
  premiumSubsidies: PremiumSubsidy[];
  doctorContracts: DoctorContractRow[];
  specialTreatments: SpecialTreatmentRow[];
  hospitalSettlements: HospitalSettlementRow[];
}
