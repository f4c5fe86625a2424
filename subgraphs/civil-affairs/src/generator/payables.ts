import { DestituteSupportMode, DisabilityAllowanceType, MedicalAssistanceType } from '../codes';
import { addMonths, maxDate, minDate, yearOf } from '../records/dates';
import { careFen, destituteBasicFen } from './standards';
import { LIVING_ALLOWANCE, NURSING_SUBSIDY, REFERENCE_DATE, stepValue } from './params';
import { CivilAffairsPayable, CivilAffairsRecords } from './rows';

/**
 * Finance's view of civil affairs: every payment the records imply, in fen. Monthly programmes pay
 * each month a record is in force (the whole month, also when it starts or ends mid-month), due on
 * the 10th (or on the start day, if later); the amount is the one in force on the first day paid.
 * Destitute support and disability allowances follow the yearly standards (the records hold the
 * standard of the last year they were in force). One-off grants are due on their approval/grant day.
 */
export function payablesOf(r: Pick<CivilAffairsRecords, 'dibaoEnrolments' | 'dibaoRechecks' | 'destituteSupports' | 'disabilityAllowances' | 'temporaryAssistance' | 'medicalAssistance'>): CivilAffairsPayable[] {
  const out: CivilAffairsPayable[] = [];

  for (const e of r.dibaoEnrolments) {
    const rechecks = r.dibaoRechecks.filter((c) => c.enrolmentId === e.id && c.newMonthlyAmountFen !== null);
    for (const month of monthsOf(e.startDate, e.endDate)) {
      const paidFrom = maxDate(`${month}-01`, e.startDate);
      let amount = e.approvedMonthlyAmountFen;
      for (const c of rechecks) if (c.recheckDate <= paidFrom) amount = c.newMonthlyAmountFen!;
      out.push({
        programme: 'DIBAO', recordType: 'DibaoEnrolment', recordId: e.id, householdId: e.householdId, personId: null, period: month,
        dueDate: maxDate(`${month}-10`, e.startDate), amountFen: amount, payee: 'HOUSEHOLD', payeeName: null, dutyArea: 'SOCIAL_SAFETY_NET', healthReference: null,
      });
    }
  }

  for (const s of r.destituteSupports) {
    for (const month of monthsOf(s.startDate, s.endDate)) {
      const year = yearOf(`${month}-01`);
      const institutional = s.mode === DestituteSupportMode.INSTITUTIONAL;
      out.push({
        programme: 'DESTITUTE_SUPPORT', recordType: 'DestituteSupport', recordId: s.id, householdId: s.householdId, personId: s.personId, period: month,
        dueDate: maxDate(`${month}-10`, s.startDate), amountFen: destituteBasicFen(year) + careFen(s.selfCare, year),
        payee: institutional ? 'INSTITUTION' : 'PERSON', payeeName: institutional ? s.institutionName : null, dutyArea: 'SOCIAL_SAFETY_NET', healthReference: null,
      });
    }
  }

  for (const a of r.disabilityAllowances) {
    const living = a.type === DisabilityAllowanceType.LIVING_ALLOWANCE;
    for (const month of monthsOf(a.startDate, a.endDate)) {
      out.push({
        programme: living ? 'DISABILITY_LIVING_ALLOWANCE' : 'DISABILITY_NURSING_SUBSIDY', recordType: 'DisabilityAllowance', recordId: a.id,
        householdId: a.householdId, personId: a.personId, period: month, dueDate: maxDate(`${month}-10`, a.startDate),
        amountFen: stepValue(living ? LIVING_ALLOWANCE : NURSING_SUBSIDY, yearOf(`${month}-01`)) * 100, payee: 'PERSON', payeeName: null, dutyArea: 'SOCIAL_SAFETY_NET', healthReference: null,
      });
    }
  }

  for (const t of r.temporaryAssistance) {
    if (t.cashAmountFen === 0) continue;
    out.push({
      programme: 'TEMPORARY_ASSISTANCE', recordType: 'TemporaryAssistanceEvent', recordId: t.id, householdId: t.householdId, personId: t.personId, period: null,
      dueDate: t.approvalDate, amountFen: t.cashAmountFen, payee: 'HOUSEHOLD', payeeName: null, dutyArea: 'SOCIAL_SAFETY_NET', healthReference: null,
    });
  }

  for (const m of r.medicalAssistance) {
    const premium = m.type === MedicalAssistanceType.PREMIUM_SUBSIDY;
    out.push({
      programme: premium ? 'MEDICAL_ASSISTANCE_PREMIUM' : 'MEDICAL_ASSISTANCE_TREATMENT', recordType: 'MedicalAssistanceGrant', recordId: m.id,
      householdId: m.householdId, personId: m.personId, period: null, dueDate: m.grantDate, amountFen: m.amountFen,
      payee: premium ? 'INSURANCE_FUND' : 'HOSPITAL', payeeName: null, dutyArea: 'HEALTH', healthReference: m.insuranceEnrolmentId ?? m.settlementNumber,
    });
  }
  return out;
}

/** 'YYYY-MM' of every month from the start to the end (or the reference date), inclusive. */
export function monthsOf(start: string, end: string | null): string[] {
  const last = minDate(end ?? REFERENCE_DATE, REFERENCE_DATE).slice(0, 7);
  const months: string[] = [];
  for (let m = `${start.slice(0, 7)}-01`; m.slice(0, 7) <= last; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  return months;
}
