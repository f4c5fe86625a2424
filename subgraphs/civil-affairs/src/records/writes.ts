import { EntityManager, QueryFailedError } from 'typeorm';
import { ChangeEvent, ErrorCode, notFound, recordChanges, userError } from '@saf/kit';
import {
  CivilAffairsEndReason,
  DestituteSupportMode,
  DibaoClassification,
  DibaoRecheckResult,
  DisabilityAllowanceType,
  MedicalAssistanceType,
  TemporaryAssistanceCause,
  TemporaryAssistanceProcedure,
} from '../codes';
import { addDays } from './dates';
import { DestituteSupport, DibaoCoveredPerson, DibaoEnrolment, DibaoRecheck, DisabilityAllowance, MedicalAssistanceGrant, TemporaryAssistanceEvent } from './entities';
import {
  ChangeDestituteSupportInput,
  CreateDestituteSupportInput,
  CreateDibaoEnrolmentInput,
  DibaoRecheckInput,
  EndCivilAffairsRecordInput,
  GrantDisabilityAllowanceInput,
  GrantMedicalAssistanceInput,
  GrantTemporaryAssistanceInput,
} from './inputs';
import {
  conflict,
  DISABILITY_ALLOWANCES_FROM,
  invalid,
  validateAmount,
  validateCertificate,
  validateDistinct,
  validateOrder,
  validatePastDate,
  validateReference,
  validateText,
} from './validation';

/**
 * Civil-affairs writes. `validate…` functions check the input alone (before the register is asked);
 * the writes run inside the caller's transaction (only `tx`), check the records' own rules
 * (overlaps, duplicates → CONFLICT), and record their change events in the same transaction.
 */

const DEPARTMENT = 'civil-affairs';
const changed = (tx: EntityManager, events: ChangeEvent[]) => recordChanges(tx, DEPARTMENT, events);

// Plausible caps, yuan.
const DIBAO_LINE_RANGE = [50, 3000] as const;
const MAX_BASIC_LIVING = 5000;
const MAX_CARE = 3000;
const MAX_TEMPORARY_CASH = 50000;
const MAX_IN_KIND = 20000;
const MAX_DISABILITY_ALLOWANCE = 1000;
const MAX_PREMIUM_SUBSIDY = 1000;
const MAX_TREATMENT_GRANT = 300000;
const MAX_COVERED_PERSONS = 30;

// ---------------------------------------------------------------------------------------------
// Dibao

export function validateCreateDibao(input: CreateDibaoEnrolmentInput): void {
  validateCertificate(input.certificateNo, 'input.certificateNo');
  validateDistinct(input.personIds, 'input.personIds', 1, MAX_COVERED_PERSONS);
  validatePastDate(input.applicationDate, 'input.applicationDate');
  validatePastDate(input.approvalDate, 'input.approvalDate');
  validateOrder(input.applicationDate, input.approvalDate, 'input.approvalDate', 'the application date');
  if (input.startDate != null) {
    validatePastDate(input.startDate, 'input.startDate');
    validateOrder(input.applicationDate, input.startDate, 'input.startDate', 'the application date');
  }
  validateRecheckInterval(input.recheckIntervalMonths);
  validateDibaoAmounts(input.assessedIncomeMonthly, input.dibaoLineMonthly, input.monthlyAmount, input.personIds.length, 'input.monthlyAmount');
}

function validateRecheckInterval(months: number | null | undefined): void {
  if (months != null && ![3, 6, 12].includes(months)) invalid('input.recheckIntervalMonths', 'recheckIntervalMonths must be 3, 6 or 12');
}

/** Line in range, income below the line (eligibility), amount at most the line for every covered person. */
function validateDibaoAmounts(income: number, line: number, amount: number | null | undefined, persons: number, amountField: string): void {
  const path = 'input';
  validateAmount(income, `${path}.assessedIncomeMonthly`, DIBAO_LINE_RANGE[1]);
  validateAmount(line, `${path}.dibaoLineMonthly`, DIBAO_LINE_RANGE[1]);
  if (line < DIBAO_LINE_RANGE[0] * 100) invalid(`${path}.dibaoLineMonthly`, `dibaoLineMonthly must be at least ${DIBAO_LINE_RANGE[0]} yuan`);
  if (amount != null) {
    validateAmount(amount, amountField, DIBAO_LINE_RANGE[1] * MAX_COVERED_PERSONS, { positive: true });
    if (amount > line * persons) invalid(amountField, `the monthly amount cannot exceed the line times the ${persons} persons covered (${(line * persons) / 100} yuan)`);
  }
  if (income >= line) invalid(`${path}.assessedIncomeMonthly`, 'the assessed income is not below the line: the household is not eligible for dibao');
}

export async function createDibaoEnrolment(tx: EntityManager, input: CreateDibaoEnrolmentInput): Promise<string> {
  return guarded(async () => {
    const start = input.startDate ?? input.approvalDate;
    const id = await nextId(tx, 'dibao_enrolment', 'DB', input.householdId, 2);
    const [overlap] = await tx.query(
      'SELECT id, start_date, end_date FROM dibao_enrolment WHERE household_id = $1 AND (end_date IS NULL OR end_date >= $2) ORDER BY start_date LIMIT 1',
      [input.householdId, start],
    );
    if (overlap) conflict('input.startDate', `household ${input.householdId} already has dibao enrolment ${overlap.id} from ${overlap.start_date}${overlap.end_date ? ` to ${overlap.end_date}` : ' (in force)'}`);
    await rejectTakenCertificate(tx, 'dibao_enrolment', input.certificateNo);
    const interval = input.recheckIntervalMonths ?? (input.classification === DibaoClassification.C ? 6 : 12);
    await tx.insert(DibaoEnrolment, {
      id,
      householdId: input.householdId,
      category: input.category,
      classification: input.classification,
      certificateNo: input.certificateNo,
      assessedIncomeMonthly: input.assessedIncomeMonthly,
      dibaoLineMonthly: input.dibaoLineMonthly,
      approvedMonthlyAmount: input.monthlyAmount,
      currentMonthlyAmount: input.monthlyAmount,
      recheckIntervalMonths: interval,
      applicationDate: input.applicationDate,
      approvalDate: input.approvalDate,
      startDate: start,
      endDate: null,
      endReason: null,
    });
    await tx.insert(
      DibaoCoveredPerson,
      input.personIds.map((personId) => ({ enrolmentId: id, personId, householdId: input.householdId, coveredFrom: start, coveredTo: null })),
    );
    await changed(tx, [{ record: 'DibaoEnrolment', recordId: id, kind: 'CREATED', householdId: input.householdId }]);
    return id;
  });
}

export function validateRecheck(input: DibaoRecheckInput): void {
  validatePastDate(input.recheckDate, 'input.recheckDate');
  if (input.notes != null) validateText(input.notes, 'input.notes', 500);
  const personChanges = input.addPersonIds.length + input.removePersonIds.length;
  validateDistinct([...input.addPersonIds, ...input.removePersonIds], 'input.addPersonIds', 0, MAX_COVERED_PERSONS);
  switch (input.result) {
    case DibaoRecheckResult.ADJUST:
      if (input.newMonthlyAmount == null) invalid('input.newMonthlyAmount', 'an ADJUST re-check needs newMonthlyAmount');
      break;
    case DibaoRecheckResult.CONTINUE:
      if (personChanges > 0) invalid('input.addPersonIds', 'a CONTINUE re-check changes nothing: use ADJUST to change the persons covered');
      break;
    case DibaoRecheckResult.STOP:
      if (input.newMonthlyAmount != null) invalid('input.newMonthlyAmount', 'a STOP re-check has no new amount');
      if (personChanges > 0) invalid('input.addPersonIds', 'a STOP re-check ends the enrolment: it cannot change the persons covered');
      break;
  }
  if (input.result !== DibaoRecheckResult.STOP && input.stopReason != null) invalid('input.stopReason', 'stopReason is only for STOP re-checks');
  validateAmount(input.assessedIncomeMonthly, 'input.assessedIncomeMonthly', DIBAO_LINE_RANGE[1]);
  validateAmount(input.dibaoLineMonthly, 'input.dibaoLineMonthly', DIBAO_LINE_RANGE[1]);
  if (input.dibaoLineMonthly < DIBAO_LINE_RANGE[0] * 100) invalid('input.dibaoLineMonthly', `dibaoLineMonthly must be at least ${DIBAO_LINE_RANGE[0]} yuan`);
  if (input.result !== DibaoRecheckResult.STOP && input.assessedIncomeMonthly >= input.dibaoLineMonthly) {
    invalid('input.assessedIncomeMonthly', 'the assessed income is not below the line: the re-check result must be STOP');
  }
}

export async function recordDibaoRecheck(tx: EntityManager, enrolmentId: string, input: DibaoRecheckInput): Promise<void> {
  return guarded(async () => {
    const e = await lockRecord(tx, DibaoEnrolment, 'DibaoEnrolment', enrolmentId);
    if (e.endDate !== null) conflict('enrolmentId', `dibao enrolment ${enrolmentId} ended on ${e.endDate}`);
    if (input.recheckDate <= e.startDate) conflict('input.recheckDate', `recheckDate must be after the start (${e.startDate})`);
    const [last] = await tx.query('SELECT max(recheck_date) AS last FROM dibao_recheck WHERE enrolment_id = $1', [enrolmentId]);
    if (last?.last && input.recheckDate <= last.last) conflict('input.recheckDate', `recheckDate must be after the previous re-check (${last.last})`);

    const coverage = await tx.findBy(DibaoCoveredPerson, { enrolmentId });
    const current = new Set(coverage.filter((c) => c.coveredTo === null).map((c) => c.personId));
    for (const p of input.addPersonIds) {
      if (current.has(p)) conflict('input.addPersonIds', `${p} is already covered`);
      if (coverage.some((c) => c.personId === p)) conflict('input.addPersonIds', `${p} left this enrolment before: a new enrolment is needed`);
    }
    for (const p of input.removePersonIds) if (!current.has(p)) conflict('input.removePersonIds', `${p} is not covered by enrolment ${enrolmentId}`);
    const persons = current.size + input.addPersonIds.length - input.removePersonIds.length;
    if (persons < 1 && input.result !== DibaoRecheckResult.STOP) invalid('input.removePersonIds', 'an enrolment covers at least one person: use STOP to end it');

    let newAmount: number | null = null;
    if (input.result === DibaoRecheckResult.CONTINUE) {
      if (input.newMonthlyAmount != null && Number(input.newMonthlyAmount) !== Number(e.currentMonthlyAmount)) {
        invalid('input.newMonthlyAmount', 'a CONTINUE re-check keeps the current amount: use ADJUST to change it');
      }
      newAmount = Number(e.currentMonthlyAmount);
    } else if (input.result === DibaoRecheckResult.ADJUST) {
      newAmount = input.newMonthlyAmount!;
      validateDibaoAmounts(input.assessedIncomeMonthly, input.dibaoLineMonthly, newAmount, persons, 'input.newMonthlyAmount');
    }

    await tx.insert(DibaoRecheck, {
      enrolmentId,
      recheckDate: input.recheckDate,
      householdId: e.householdId,
      result: input.result,
      assessedIncomeMonthly: input.assessedIncomeMonthly,
      dibaoLineMonthly: input.dibaoLineMonthly,
      personsCovered: input.result === DibaoRecheckResult.STOP ? 0 : persons,
      newMonthlyAmount: newAmount,
      notes: input.notes ?? null,
    });
    if (input.result === DibaoRecheckResult.STOP) {
      const reason = input.stopReason ?? (input.assessedIncomeMonthly >= input.dibaoLineMonthly ? CivilAffairsEndReason.INCOME_ABOVE_LINE : CivilAffairsEndReason.RECHECK_STOPPED);
      await closeDibao(tx, enrolmentId, input.recheckDate, reason);
    } else {
      await tx.update(DibaoEnrolment, { id: enrolmentId }, { currentMonthlyAmount: newAmount!, updatedAt: () => 'now()' } as never);
      if (input.addPersonIds.length) {
        await tx.insert(
          DibaoCoveredPerson,
          input.addPersonIds.map((personId) => ({ enrolmentId, personId, householdId: e.householdId, coveredFrom: input.recheckDate, coveredTo: null })),
        );
      }
      if (input.removePersonIds.length) {
        await tx.query('UPDATE dibao_covered_person SET covered_to = $3 WHERE enrolment_id = $1 AND person_id = ANY($2) AND covered_to IS NULL', [
          enrolmentId, input.removePersonIds, addDays(input.recheckDate, -1),
        ]);
      }
    }
    await changed(tx, [
      { record: 'DibaoRecheck', recordId: `${enrolmentId}/${input.recheckDate}`, kind: 'CREATED', householdId: e.householdId },
      { record: 'DibaoEnrolment', recordId: enrolmentId, kind: 'UPDATED', householdId: e.householdId },
      ...input.addPersonIds.map((personId) => ({ record: 'DibaoCoveredPerson', recordId: `${enrolmentId}/${personId}`, kind: 'CREATED' as const, householdId: e.householdId, personId })),
      ...input.removePersonIds.map((personId) => ({ record: 'DibaoCoveredPerson', recordId: `${enrolmentId}/${personId}`, kind: 'UPDATED' as const, householdId: e.householdId, personId })),
    ]);
  });
}

export function validateEnd(input: EndCivilAffairsRecordInput): void {
  validatePastDate(input.endDate, 'input.endDate');
}

export async function endDibaoEnrolment(tx: EntityManager, id: string, input: EndCivilAffairsRecordInput): Promise<void> {
  return guarded(async () => {
    const e = await lockRecord(tx, DibaoEnrolment, 'DibaoEnrolment', id);
    if (e.endDate !== null) conflict('id', `dibao enrolment ${id} already ended on ${e.endDate}`);
    validateOrder(e.startDate, input.endDate, 'input.endDate', 'the start');
    const [last] = await tx.query('SELECT max(recheck_date) AS last FROM dibao_recheck WHERE enrolment_id = $1', [id]);
    if (last?.last && input.endDate < last.last) conflict('input.endDate', `endDate cannot be before the last re-check (${last.last})`);
    await closeDibao(tx, id, input.endDate, input.reason);
    await changed(tx, [{ record: 'DibaoEnrolment', recordId: id, kind: 'UPDATED', householdId: e.householdId }]);
  });
}

async function closeDibao(tx: EntityManager, id: string, endDate: string, reason: CivilAffairsEndReason): Promise<void> {
  await tx.update(DibaoEnrolment, { id }, { endDate, endReason: reason, updatedAt: () => 'now()' } as never);
  // Persons who joined after the end date never were covered: their coverage ends with the enrolment.
  await tx.query('UPDATE dibao_covered_person SET covered_to = GREATEST(covered_from, $2::date) WHERE enrolment_id = $1 AND covered_to IS NULL', [id, endDate]);
}

// ---------------------------------------------------------------------------------------------
// Destitute support

export function validateCreateDestitute(input: CreateDestituteSupportInput): void {
  validateCertificate(input.certificateNo, 'input.certificateNo');
  validatePastDate(input.applicationDate, 'input.applicationDate');
  validatePastDate(input.approvalDate, 'input.approvalDate');
  validateOrder(input.applicationDate, input.approvalDate, 'input.approvalDate', 'the application date');
  if (input.startDate != null) {
    validatePastDate(input.startDate, 'input.startDate');
    validateOrder(input.applicationDate, input.startDate, 'input.startDate', 'the application date');
  }
  validateDestituteTerms(input.mode, input.basicLivingMonthly, input.careMonthly, input.institutionName ?? null);
}

function validateDestituteTerms(mode: DestituteSupportMode, basic: number, care: number, institution: string | null): void {
  validateAmount(basic, 'input.basicLivingMonthly', MAX_BASIC_LIVING, { positive: true });
  validateAmount(care, 'input.careMonthly', MAX_CARE);
  if (mode === DestituteSupportMode.INSTITUTIONAL && institution == null) invalid('input.institutionName', 'institutional support (集中供养) names the institution');
  if (mode === DestituteSupportMode.AT_HOME && institution != null) invalid('input.institutionName', 'support at home (分散供养) has no institution');
  if (institution != null) validateText(institution, 'input.institutionName', 100);
}

export async function createDestituteSupport(tx: EntityManager, input: CreateDestituteSupportInput): Promise<string> {
  return guarded(async () => {
    const start = input.startDate ?? input.approvalDate;
    const id = await nextId(tx, 'destitute_support', 'TK', input.householdId, 2);
    const [overlap] = await tx.query('SELECT id FROM destitute_support WHERE person_id = $1 AND (end_date IS NULL OR end_date >= $2) LIMIT 1', [input.personId, start]);
    if (overlap) conflict('input.personId', `${input.personId} already has destitute support ${overlap.id} in force`);
    await rejectTakenCertificate(tx, 'destitute_support', input.certificateNo);
    await tx.insert(DestituteSupport, {
      id,
      householdId: input.householdId,
      personId: input.personId,
      mode: input.mode,
      selfCareAbility: input.selfCareAbility,
      basicLivingMonthly: input.basicLivingMonthly,
      careMonthly: input.careMonthly,
      institutionName: input.institutionName?.trim() ?? null,
      certificateNo: input.certificateNo,
      applicationDate: input.applicationDate,
      approvalDate: input.approvalDate,
      startDate: start,
      endDate: null,
      endReason: null,
    });
    await changed(tx, [{ record: 'DestituteSupport', recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
    return id;
  });
}

export async function changeDestituteSupport(tx: EntityManager, id: string, input: ChangeDestituteSupportInput): Promise<void> {
  return guarded(async () => {
    const s = await lockRecord(tx, DestituteSupport, 'DestituteSupport', id);
    if (s.endDate !== null) conflict('id', `destitute support ${id} ended on ${s.endDate}`);
    const mode = input.mode ?? s.mode;
    const institution = mode === DestituteSupportMode.AT_HOME ? (input.institutionName ?? null) : (input.institutionName ?? s.institutionName);
    validateDestituteTerms(mode, input.basicLivingMonthly ?? Number(s.basicLivingMonthly), input.careMonthly ?? Number(s.careMonthly), institution);
    await tx.update(DestituteSupport, { id }, {
      mode,
      selfCareAbility: input.selfCareAbility ?? s.selfCareAbility,
      basicLivingMonthly: input.basicLivingMonthly ?? s.basicLivingMonthly,
      careMonthly: input.careMonthly ?? s.careMonthly,
      institutionName: institution?.trim() ?? null,
      updatedAt: () => 'now()',
    } as never);
    await changed(tx, [{ record: 'DestituteSupport', recordId: id, kind: 'UPDATED', householdId: s.householdId, personId: s.personId }]);
  });
}

export async function endDestituteSupport(tx: EntityManager, id: string, input: EndCivilAffairsRecordInput): Promise<void> {
  return guarded(async () => {
    const s = await lockRecord(tx, DestituteSupport, 'DestituteSupport', id);
    if (s.endDate !== null) conflict('id', `destitute support ${id} already ended on ${s.endDate}`);
    validateOrder(s.startDate, input.endDate, 'input.endDate', 'the start');
    await tx.update(DestituteSupport, { id }, { endDate: input.endDate, endReason: input.reason, updatedAt: () => 'now()' } as never);
    await changed(tx, [{ record: 'DestituteSupport', recordId: id, kind: 'UPDATED', householdId: s.householdId, personId: s.personId }]);
  });
}

// ---------------------------------------------------------------------------------------------
// Temporary assistance

export function validateTemporaryAssistance(input: GrantTemporaryAssistanceInput): void {
  validatePastDate(input.eventDate, 'input.eventDate');
  validatePastDate(input.approvalDate, 'input.approvalDate');
  validateOrder(input.eventDate, input.approvalDate, 'input.approvalDate', 'the event date');
  validateAmount(input.cashAmount ?? 0, 'input.cashAmount', MAX_TEMPORARY_CASH);
  if (input.inKindValue != null) validateAmount(input.inKindValue, 'input.inKindValue', MAX_IN_KIND);
  if ((input.inKindDescription == null) !== (input.inKindValue == null)) invalid('input.inKindValue', 'in-kind goods need both a description and a value');
  if (input.inKindDescription != null) validateText(input.inKindDescription, 'input.inKindDescription', 200);
  if (!input.cashAmount && input.inKindDescription == null) invalid('input.cashAmount', 'temporary assistance gives cash, goods, or both');
  if (input.procedure === TemporaryAssistanceProcedure.EMERGENCY && input.cause !== TemporaryAssistanceCause.EMERGENCY) {
    invalid('input.procedure', 'the emergency procedure (先行救助) is for EMERGENCY causes only');
  }
}

export async function grantTemporaryAssistance(tx: EntityManager, input: GrantTemporaryAssistanceInput): Promise<string> {
  return guarded(async () => {
    const id = await nextId(tx, 'temporary_assistance', 'LS', input.householdId, 3);
    const [same] = await tx.query('SELECT id FROM temporary_assistance WHERE household_id = $1 AND event_date = $2 AND reason = $3', [input.householdId, input.eventDate, input.reason]);
    if (same) conflict('input.eventDate', `household ${input.householdId} was already helped for ${input.reason} on ${input.eventDate} (${same.id})`);
    await tx.insert(TemporaryAssistanceEvent, {
      id,
      householdId: input.householdId,
      personId: input.personId ?? null,
      cause: input.cause,
      reason: input.reason,
      procedure: input.procedure,
      cashAmount: input.cashAmount ?? 0,
      inKindDescription: input.inKindDescription?.trim() ?? null,
      inKindValue: input.inKindValue ?? null,
      eventDate: input.eventDate,
      approvalDate: input.approvalDate,
      year: Number(input.approvalDate.slice(0, 4)),
    });
    await changed(tx, [{ record: 'TemporaryAssistanceEvent', recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId ?? null }]);
    return id;
  });
}

// ---------------------------------------------------------------------------------------------
// Disability allowances

export function validateDisabilityAllowance(input: GrantDisabilityAllowanceInput): void {
  validatePastDate(input.startDate, 'input.startDate', DISABILITY_ALLOWANCES_FROM);
  if (!Number.isInteger(input.disabilityGrade) || input.disabilityGrade < 1 || input.disabilityGrade > 4) invalid('input.disabilityGrade', 'disabilityGrade must be 1 to 4');
  if (input.type === DisabilityAllowanceType.NURSING_SUBSIDY && input.disabilityGrade > 2) {
    invalid('input.disabilityGrade', 'the nursing subsidy (重度残疾人护理补贴) is for grades 1 and 2');
  }
  validateAmount(input.monthlyAmount, 'input.monthlyAmount', MAX_DISABILITY_ALLOWANCE, { positive: true });
}

export async function grantDisabilityAllowance(tx: EntityManager, input: GrantDisabilityAllowanceInput): Promise<string> {
  return guarded(async () => {
    const id = await nextId(tx, 'disability_allowance', 'CB', input.householdId, 2);
    const [open] = await tx.query('SELECT id FROM disability_allowance WHERE person_id = $1 AND type = $2 AND (end_date IS NULL OR end_date >= $3) LIMIT 1', [
      input.personId, input.type, input.startDate,
    ]);
    if (open) conflict('input.type', `${input.personId} already has a ${input.type} (${open.id}) in force`);
    if (input.type === DisabilityAllowanceType.LIVING_ALLOWANCE) {
      const [covered] = await tx.query(
        'SELECT 1 FROM dibao_covered_person WHERE person_id = $1 AND covered_from <= $2 AND (covered_to IS NULL OR covered_to >= $2) LIMIT 1',
        [input.personId, input.startDate],
      );
      if (!covered) conflict('input.type', `the living allowance (困难残疾人生活补贴) is for dibao recipients: ${input.personId} is not covered by dibao on ${input.startDate}`);
    }
    await tx.insert(DisabilityAllowance, {
      id,
      householdId: input.householdId,
      personId: input.personId,
      type: input.type,
      disabilityGrade: input.disabilityGrade,
      monthlyAmount: input.monthlyAmount,
      startDate: input.startDate,
      endDate: null,
      endReason: null,
    });
    await changed(tx, [{ record: 'DisabilityAllowance', recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
    return id;
  });
}

export async function endDisabilityAllowance(tx: EntityManager, id: string, input: EndCivilAffairsRecordInput): Promise<void> {
  return guarded(async () => {
    const a = await lockRecord(tx, DisabilityAllowance, 'DisabilityAllowance', id);
    if (a.endDate !== null) conflict('id', `disability allowance ${id} already ended on ${a.endDate}`);
    validateOrder(a.startDate, input.endDate, 'input.endDate', 'the start');
    await tx.update(DisabilityAllowance, { id }, { endDate: input.endDate, endReason: input.reason, updatedAt: () => 'now()' } as never);
    await changed(tx, [{ record: 'DisabilityAllowance', recordId: id, kind: 'UPDATED', householdId: a.householdId, personId: a.personId }]);
  });
}

// ---------------------------------------------------------------------------------------------
// Medical assistance

export function validateMedicalAssistance(input: GrantMedicalAssistanceInput): void {
  validatePastDate(input.grantDate, 'input.grantDate');
  const grantYear = Number(input.grantDate.slice(0, 4));
  if (input.type === MedicalAssistanceType.PREMIUM_SUBSIDY) {
    validateAmount(input.amount, 'input.amount', MAX_PREMIUM_SUBSIDY, { positive: true });
    if (input.selfPaidCost != null) invalid('input.selfPaidCost', 'selfPaidCost is for TREATMENT grants only');
    if (input.settlementNumber != null) invalid('input.settlementNumber', 'settlementNumber is for TREATMENT grants only');
    if (input.insuranceYear != null && input.insuranceYear !== grantYear && input.insuranceYear !== grantYear + 1) {
      invalid('input.insuranceYear', 'the insurance year is the grant\'s year or the next one (collection period)');
    }
    if (input.insuranceEnrolmentId != null) validateReference(input.insuranceEnrolmentId, 'input.insuranceEnrolmentId');
  } else {
    validateAmount(input.amount, 'input.amount', MAX_TREATMENT_GRANT, { positive: true });
    if (input.insuranceYear != null) invalid('input.insuranceYear', 'insuranceYear is for PREMIUM_SUBSIDY grants only');
    if (input.insuranceEnrolmentId != null) invalid('input.insuranceEnrolmentId', 'insuranceEnrolmentId is for PREMIUM_SUBSIDY grants only');
    if (input.selfPaidCost != null) {
      validateAmount(input.selfPaidCost, 'input.selfPaidCost', MAX_TREATMENT_GRANT * 10);
      if (input.amount > input.selfPaidCost) invalid('input.amount', 'the grant cannot exceed the cost left after insurance');
    }
    if (input.settlementNumber != null) validateReference(input.settlementNumber, 'input.settlementNumber');
  }
}

export async function grantMedicalAssistance(tx: EntityManager, input: GrantMedicalAssistanceInput): Promise<string> {
  return guarded(async () => {
    const premium = input.type === MedicalAssistanceType.PREMIUM_SUBSIDY;
    const year = premium ? (input.insuranceYear ?? Number(input.grantDate.slice(0, 4))) : Number(input.grantDate.slice(0, 4));
    const id = await nextId(tx, 'medical_assistance', 'YJ', input.householdId, 4);
    if (premium) {
      const [same] = await tx.query(`SELECT id FROM medical_assistance WHERE person_id = $1 AND year = $2 AND type = 'PREMIUM_SUBSIDY'`, [input.personId, year]);
      if (same) conflict('input.type', `${input.personId} already has a premium subsidy for ${year} (${same.id})`);
    }
    await tx.insert(MedicalAssistanceGrant, {
      id,
      householdId: input.householdId,
      personId: input.personId,
      type: input.type,
      grantDate: input.grantDate,
      year,
      amount: input.amount,
      selfPaidCost: input.selfPaidCost ?? null,
      settlementNumber: input.settlementNumber ?? null,
      insuranceEnrolmentId: input.insuranceEnrolmentId ?? null,
    });
    await changed(tx, [{ record: 'MedicalAssistanceGrant', recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
    return id;
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * The next record ID of a household (`<prefix>-<household>-NN…`). Takes a per-household advisory
 * lock first, so that concurrent writes for one household serialise and others run in parallel.
 */
async function nextId(tx: EntityManager, table: string, prefix: string, householdId: string, width: number): Promise<string> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`civil-affairs:${householdId}`]);
  const base = `${prefix}-${householdId}-`;
  const [{ last }] = await tx.query(`SELECT COALESCE(max(substr(id, ${base.length + 1})::int), 0) AS last FROM ${table} WHERE id >= $1 AND id < $2`, [base, `${base}~`]);
  const next = Number(last) + 1;
  if (next >= 10 ** width) conflict('householdId', `household ${householdId} has no ${table} numbers left`);
  return `${base}${String(next).padStart(width, '0')}`;
}

async function rejectTakenCertificate(tx: EntityManager, table: string, certificateNo: string): Promise<void> {
  const [taken] = await tx.query(`SELECT id FROM ${table} WHERE certificate_no = $1`, [certificateNo]);
  if (taken) conflict('input.certificateNo', `certificate ${certificateNo} is already issued (${taken.id})`);
}

async function lockRecord<T extends { id: string }>(tx: EntityManager, entity: new () => T, name: string, id: string): Promise<T> {
  const row = await tx.findOne(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw notFound(name, id);
  return row;
}

/** Constraint violations that slip past the checks (a concurrent writer) become CONFLICT, not 500. */
async function guarded<R>(write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (error) {
    const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
    if (error instanceof QueryFailedError && (code === '23505' || code === '23P01')) {
      throw userError(ErrorCode.CONFLICT, `the record conflicts with an existing one: ${(error as Error).message}`);
    }
    throw error;
  }
}
