import { ContributionRole, Measure, measure } from '@saf/kit';
import { HEALTH_DEPARTMENT } from '../codes';
import { FamilyDoctorContract } from '../contracts/entities';
import { InsuranceEnrolment } from '../insurance/entities';
import { HospitalSettlement } from '../settlements/entities';
import { SeriousIllnessTreatment } from '../treatments/entities';

/*
 * Health's records as measures of the HEALTH area (health LEADS it; it takes part in no other
 * area). A record belongs to a year as follows, and the SQL aggregates (sql.ts) use the same rules:
 * - enrolment: its insurance year, unless cancelled;
 * - family-doctor contract: running on some day of the year;
 * - special treatment: open on some day of the year (diagnosed by its end, not ended before it);
 * - hospital settlement: its settlement (discharge) year.
 */

/** The measure programmes, in the order measure totals list them. */
export const HealthProgramme = {
  INSURANCE_BASIC: 'INSURANCE_BASIC',
  INSURANCE_CRITICAL_ILLNESS: 'INSURANCE_CRITICAL_ILLNESS',
  INSURANCE_COMMERCIAL_TOP_UP: 'INSURANCE_COMMERCIAL_TOP_UP',
  DOCTOR_CONTRACT_CHRONIC: 'DOCTOR_CONTRACT_CHRONIC',
  DOCTOR_CONTRACT_BASIC: 'DOCTOR_CONTRACT_BASIC',
  SERIOUS_ILLNESS_TREATMENT: 'SERIOUS_ILLNESS_TREATMENT',
  HOSPITAL_SETTLEMENT: 'HOSPITAL_SETTLEMENT',
} as const;

const LEAD = ContributionRole.LEAD;

/** Amount: the premium of the policy (whoever paid it). */
function enrolmentMeasure(e: InsuranceEnrolment): Measure {
  return measure({
    department: HEALTH_DEPARTMENT, role: LEAD, recordType: 'HealthInsuranceEnrolment', recordId: e.id, programme: `INSURANCE_${e.scheme}`,
    year: e.year, date: e.enrolledOn, amount: Number(e.premium), personId: e.personId,
  });
}

/** No amount: a contract is a service. Year: the year asked about, in which the contract runs. */
function contractMeasure(c: FamilyDoctorContract, year: number): Measure {
  return measure({
    department: HEALTH_DEPARTMENT, role: LEAD, recordType: 'FamilyDoctorContract', recordId: String(c.id),
    programme: c.disease === null ? HealthProgramme.DOCTOR_CONTRACT_BASIC : HealthProgramme.DOCTOR_CONTRACT_CHRONIC,
    year, date: c.startDate, personId: c.personId,
  });
}

function treatmentMeasure(t: SeriousIllnessTreatment, year: number): Measure {
  return measure({
    department: HEALTH_DEPARTMENT, role: LEAD, recordType: 'SeriousIllnessTreatment', recordId: String(t.id), programme: HealthProgramme.SERIOUS_ILLNESS_TREATMENT,
    year, date: t.treatmentStartedOn ?? t.diagnosedOn, personId: t.personId,
  });
}

/**
 * Amount: what the insurance health runs paid (basic + critical illness). Medical assistance is
 * civil affairs' part, the safety net finance's, the commercial top-up the insurer's.
 */
function settlementMeasure(s: HospitalSettlement): Measure {
  return measure({
    department: HEALTH_DEPARTMENT, role: LEAD, recordType: 'HospitalSettlement', recordId: String(s.id), programme: HealthProgramme.HOSPITAL_SETTLEMENT,
    year: s.year, date: s.dischargedOn, amount: Number(s.basicInsurance) + Number(s.criticalIllness), personId: s.personId,
  });
}

export interface HouseholdRecords {
  enrolments: readonly InsuranceEnrolment[];
  contracts: readonly FamilyDoctorContract[];
  treatments: readonly SeriousIllnessTreatment[];
  settlements: readonly HospitalSettlement[];
}

/** The household's measures of the year (records already in their loaders' order). */
export function healthMeasures(r: HouseholdRecords, year: number): Measure[] {
  return [
    ...r.enrolments.filter((e) => e.year === year && e.cancelledOn === null).map(enrolmentMeasure),
    ...r.contracts.filter((c) => c.activeInYear(year)).map((c) => contractMeasure(c, year)),
    ...r.treatments.filter((t) => t.openInYear(year)).map((t) => treatmentMeasure(t, year)),
    ...r.settlements.filter((s) => s.year === year).map(settlementMeasure),
  ];
}
