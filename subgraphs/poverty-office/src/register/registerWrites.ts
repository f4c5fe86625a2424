import { EntityManager } from 'typeorm';
import {
  ErrorCode,
  makeHouseholdId,
  makePersonId,
  notFound,
  prefixUpperBound,
  recordChanges,
  ChangeEvent,
  residentIdBirthDate,
  residentIdSex,
  RegionLevel,
  userError,
} from '@saf/kit';
import { Region } from '../reference/entities';
import { MemberStatus, PovertyStatus, Relation, STEPS_BY_PROCEDURE, POSTING_STEPS, ProcedureKind } from './codes';
import { Household, HouseholdVisit, Person, ProcedureStep, StatusPeriod } from './entities';
import { ChangeStatusInput, IncomeInput, MemberInput, ProcedureStepInput, RegisterHouseholdInput, UpdateHouseholdInput, UpdateMemberInput, VisitInput } from './inputs';
import {
  validateCauses,
  validateContact,
  validateMember,
  validateMonths,
  validateName,
  validateNewMembers,
  validatePastDate,
  validateTransition,
  validateYear,
} from './validation';

/**
 * Register writes. Each runs inside the caller's transaction, validates before it writes, and
 * records its change events in the same transaction.
 */

const changed = (tx: EntityManager, events: ChangeEvent[]) => recordChanges(tx, 'poverty-office', events);

export async function registerHousehold(tx: EntityManager, input: RegisterHouseholdInput): Promise<string> {
  validatePastDate(input.identifiedOn, 'input.identifiedOn');
  validateCauses(input.mainCause, input.otherCauses, 'input.otherCauses');
  validateContact(input);
  validateNewMembers(input.members);
  const village = await tx.findOneBy(Region, { code: input.villageCode });
  if (!village || village.level !== RegionLevel.VILLAGE) {
    throw userError(ErrorCode.INVALID_REGION_CODE, `${input.villageCode} is not a village known to the register`, { field: 'input.villageCode' });
  }
  await rejectRegisteredResidents(tx, input.members.map((m) => m.residentId));

  // Serialise ID allocation per village; other villages register concurrently.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [village.code]);
  const [{ last }] = await tx.query('SELECT COALESCE(MAX(substr(id, 13)::int), 0) AS last FROM household WHERE id >= $1 AND id < $2', [
    village.code,
    prefixUpperBound(village.code),
  ]);
  if (last >= 9999) throw userError(ErrorCode.CONFLICT, `village ${village.code} has no household numbers left`, { field: 'input.villageCode' });
  const id = makeHouseholdId(village.code, last + 1);

  await tx.insert(Household, {
    id,
    regionCode: village.code,
    identificationStandard: input.identificationStandard,
    welfareCategory: input.welfareCategory,
    mainCause: input.mainCause,
    otherCauses: input.otherCauses,
    status: PovertyStatus.NOT_EXITED,
    identificationYear: Number(input.identifiedOn.slice(0, 4)),
    exitYear: null,
    address: input.address ?? null,
    phone: input.phone ?? null,
    bankName: input.bankName ?? null,
    bankAccount: input.bankAccount ?? null,
  });
  const headFirst = [...input.members].sort((a, b) => Number(b.relation === Relation.HEAD) - Number(a.relation === Relation.HEAD));
  await tx.insert(Person, headFirst.map((member, i) => personRow(makePersonId(id, i + 1), id, member)));
  await tx.insert(StatusPeriod, { householdId: id, status: PovertyStatus.NOT_EXITED, effectiveFrom: input.identifiedOn, effectiveTo: null, reason: 'identified' });
  await changed(tx, [
    { record: 'Household', recordId: id, kind: 'CREATED', householdId: id },
    ...headFirst.map((_, i) => ({ record: 'Person', recordId: makePersonId(id, i + 1), kind: 'CREATED' as const, householdId: id, personId: makePersonId(id, i + 1) })),
  ]);
  return id;
}

export async function updateHousehold(tx: EntityManager, id: string, input: UpdateHouseholdInput): Promise<void> {
  const household = await lockHousehold(tx, id);
  validateCauses(input.mainCause ?? household.mainCause, input.otherCauses ?? household.otherCauses, 'input.otherCauses');
  validateContact(input);
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null));
  await tx.update(Household, { id }, { ...changes, updatedAt: () => 'now()' });
  await changed(tx, [{ record: 'Household', recordId: id, kind: 'UPDATED', householdId: id }]);
}

export async function changeHouseholdStatus(tx: EntityManager, id: string, input: ChangeStatusInput): Promise<void> {
  const household = await lockHousehold(tx, id);
  validateTransition(household.status, input.status);
  validatePastDate(input.effectiveFrom, 'input.effectiveFrom');
  if (input.reason.trim().length === 0) throw userError(ErrorCode.BAD_USER_INPUT, 'a reason is required', { field: 'input.reason' });
  const [open] = await tx.query('SELECT effective_from FROM household_status_period WHERE household_id = $1 AND effective_to IS NULL', [id]);
  const openFrom: string | undefined = open?.effective_from;
  if (openFrom && input.effectiveFrom <= openFrom) {
    throw userError(ErrorCode.CONFLICT, `effectiveFrom must be after the current status began (${openFrom})`, { field: 'input.effectiveFrom' });
  }
  await tx.query('UPDATE household_status_period SET effective_to = $2 WHERE household_id = $1 AND effective_to IS NULL', [id, input.effectiveFrom]);
  await tx.insert(StatusPeriod, { householdId: id, status: input.status, effectiveFrom: input.effectiveFrom, effectiveTo: null, reason: input.reason });
  const exitYear = input.status === PovertyStatus.EXITED_WITH_POLICY ? Number(input.effectiveFrom.slice(0, 4)) : household.exitYear;
  await tx.update(Household, { id }, { status: input.status, exitYear, updatedAt: () => 'now()' });
  await changed(tx, [{ record: 'Household', recordId: id, kind: 'UPDATED', householdId: id }]);
}

export async function addHouseholdMember(tx: EntityManager, householdId: string, member: MemberInput): Promise<string> {
  validateMember(member, 'member');
  await lockHousehold(tx, householdId);
  await rejectRegisteredResidents(tx, [member.residentId]);
  const members = await tx.findBy(Person, { householdId });
  if (member.relation === Relation.HEAD) rejectSecondHead(members);
  const lastNumber = Math.max(0, ...members.filter((m) => m.id.startsWith(householdId)).map((m) => Number(m.id.slice(17))));
  if (lastNumber >= 99) throw userError(ErrorCode.CONFLICT, 'the household has no member numbers left', { field: 'householdId' });
  const id = makePersonId(householdId, lastNumber + 1);
  await tx.insert(Person, personRow(id, householdId, member));
  await changed(tx, [{ record: 'Person', recordId: id, kind: 'CREATED', householdId, personId: id }]);
  return id;
}

export async function updateHouseholdMember(tx: EntityManager, personId: string, input: UpdateMemberInput): Promise<void> {
  const person = await tx.findOne(Person, { where: { id: personId }, lock: { mode: 'pessimistic_write' } });
  if (!person) throw notFound('Person', personId);
  if (input.name != null) validateName(input.name, 'input.name');
  validateMonths(input.migrantWorkMonths, 'input.migrantWorkMonths');
  if (input.relation === Relation.HEAD && person.relation !== Relation.HEAD) {
    rejectSecondHead((await tx.findBy(Person, { householdId: person.householdId })).filter((m) => m.id !== personId));
  }
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null));
  await tx.update(Person, { id: personId }, { ...changes, updatedAt: () => 'now()' });
  await changed(tx, [{ record: 'Person', recordId: personId, kind: 'UPDATED', householdId: person.householdId, personId }]);
}

export async function recordIncome(tx: EntityManager, householdId: string, input: IncomeInput): Promise<void> {
  validateYear(input.year, 'input.year');
  if (input.netIncomePerCapita < 0) throw userError(ErrorCode.INVALID_MONEY, 'income cannot be negative', { field: 'input.netIncomePerCapita' });
  await lockHousehold(tx, householdId);
  await tx.query(
    `INSERT INTO household_income (household_id, year, net_income_per_capita_fen, household_size)
     SELECT $1, $2, $3, count(*) FROM person WHERE household_id = $1 AND member_status = $4
     ON CONFLICT (household_id, year) DO UPDATE
       SET net_income_per_capita_fen = EXCLUDED.net_income_per_capita_fen, household_size = EXCLUDED.household_size, recorded_at = now()`,
    [householdId, input.year, input.netIncomePerCapita, MemberStatus.ACTIVE],
  );
  await changed(tx, [{ record: 'HouseholdIncome', recordId: `${householdId}/${input.year}`, kind: 'UPDATED', householdId }]);
}

export async function recordVisit(tx: EntityManager, householdId: string, input: VisitInput): Promise<number> {
  validatePastDate(input.visitDate, 'input.visitDate');
  validateName(input.visitor, 'input.visitor');
  await lockHousehold(tx, householdId);
  const result = await tx.insert(HouseholdVisit, { householdId, ...input, notes: input.notes ?? null });
  const id = Number(result.identifiers[0].id);
  await changed(tx, [{ record: 'HouseholdVisit', recordId: String(id), kind: 'CREATED', householdId }]);
  return id;
}

export async function recordProcedureStep(tx: EntityManager, householdId: string, input: ProcedureStepInput): Promise<number> {
  const steps = STEPS_BY_PROCEDURE[input.procedure];
  const order = steps.indexOf(input.step);
  if (order < 0) throw userError(ErrorCode.BAD_USER_INPUT, `${input.step} is not a step of the ${input.procedure} procedure`, { field: 'input.step' });
  validatePastDate(input.stepDate, 'input.stepDate');
  if (input.evidence.trim().length === 0) throw userError(ErrorCode.BAD_USER_INPUT, 'evidence is required', { field: 'input.evidence' });
  validatePosting(input);
  await lockHousehold(tx, householdId);
  if (order > 0) {
    const previous = await tx.findOneBy(ProcedureStep, { householdId, procedure: input.procedure, step: steps[order - 1] });
    if (!previous) throw userError(ErrorCode.CONFLICT, `step ${steps[order - 1]} must be recorded before ${input.step}`, { field: 'input.step' });
    if (previous.stepDate > input.stepDate) throw userError(ErrorCode.CONFLICT, `stepDate is before the previous step (${previous.stepDate})`, { field: 'input.stepDate' });
  }
  const result = await tx.insert(ProcedureStep, {
    householdId,
    ...input,
    stepOrder: order + 1,
    postingStart: input.postingStart ?? null,
    postingEnd: input.postingEnd ?? null,
  });
  const id = Number(result.identifiers[0].id);
  await changed(tx, [{ record: 'ProcedureStep', recordId: String(id), kind: 'CREATED', householdId }]);
  return id;
}

function validatePosting(input: ProcedureStepInput): void {
  const isPosting = POSTING_STEPS.has(input.step);
  if (isPosting && (!input.postingStart || !input.postingEnd)) {
    throw userError(ErrorCode.BAD_USER_INPUT, `${input.step} is a public posting: postingStart and postingEnd are required`, { field: 'input.postingStart' });
  }
  if (input.postingStart && input.postingEnd && input.postingEnd < input.postingStart) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'postingEnd is before postingStart', { field: 'input.postingEnd' });
  }
  if (input.procedure === ProcedureKind.EXIT && input.objectionCount > 0 && input.step === 'VILLAGE_POSTING') {
    throw userError(ErrorCode.CONFLICT, 'the exit posting must end without objection (村内公示无异议) before the exit can proceed', { field: 'input.objectionCount' });
  }
}

async function lockHousehold(tx: EntityManager, id: string): Promise<Household> {
  const household = await tx.findOne(Household, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!household) throw notFound('Household', id);
  return household;
}

async function rejectRegisteredResidents(tx: EntityManager, residentIds: string[]): Promise<void> {
  const taken = await tx.query('SELECT resident_id, id FROM person WHERE resident_id = ANY($1)', [residentIds]);
  if (taken.length) {
    throw userError(ErrorCode.CONFLICT, `resident ID ${taken[0].resident_id} is already registered as person ${taken[0].id}`, { field: 'residentId' });
  }
}

function rejectSecondHead(members: Person[]): void {
  const head = members.find((m) => m.relation === Relation.HEAD && m.memberStatus === MemberStatus.ACTIVE);
  if (head) throw userError(ErrorCode.CONFLICT, `the household already has a head (${head.id})`, { field: 'relation' });
}

function personRow(id: string, householdId: string, member: MemberInput): Partial<Person> {
  return {
    id,
    householdId,
    residentId: member.residentId,
    name: member.name.trim(),
    sex: residentIdSex(member.residentId) as Person['sex'],
    birthDate: residentIdBirthDate(member.residentId),
    relation: member.relation,
    ethnicity: member.ethnicity,
    education: member.education ?? null,
    schoolingStatus: member.schoolingStatus ?? null,
    healthStatus: member.healthStatus,
    labourCapacity: member.labourCapacity,
    migrantWorkMonths: member.migrantWorkMonths,
    memberStatus: MemberStatus.ACTIVE,
  };
}
