import { EntityManager, QueryFailedError } from 'typeorm';
import { ChangeEvent, ErrorCode, notFound, recordChanges, userError } from '@saf/kit';
import { AcceptanceResult, DANGEROUS_RATINGS, RenovationStatus } from '../codes';
import { DwellingAppraisal, RelocationHousing, RelocationMember, RenovationProject } from './entities';
import {
  AcceptRenovationInput,
  AllocateRelocationHousingInput,
  ApproveRenovationInput,
  CompleteRenovationInput,
  OldHouseDemolitionInput,
  RecordDwellingAppraisalInput,
  RelocationHandoverInput,
  RelocationMoveInInput,
  RenovationMoveInInput,
  StartRenovationInput,
} from './inputs';
import { invalid, roundArea, validateOrder } from './validation';

/**
 * Housing writes. Each runs inside the caller's transaction (only through `tx`), after the input
 * was validated and the register asked; it checks the stored state, writes, and records its
 * change events in the same transaction. Wrong lifecycle states are CONFLICT; dates out of order
 * with the stored record are BAD_USER_INPUT on the offending field.
 */

export const DEPARTMENT = 'housing';
const changed = (tx: EntityManager, events: ChangeEvent[]) => recordChanges(tx, DEPARTMENT, events);

/** Serialises ID allocation per household (and per record kind); other households write concurrently. */
async function nextId(tx: EntityManager, table: string, householdId: string, kind: 'A' | 'R' | 'S'): Promise<string> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`housing:${kind}:${householdId}`]);
  const [{ last }] = await tx.query(`SELECT COALESCE(MAX(substr(id, 19)::int), 0) AS last FROM ${table} WHERE household_id = $1`, [householdId]);
  const next = Number(last) + 1;
  if (next > (kind === 'S' ? 99 : 999)) throw userError(ErrorCode.CONFLICT, `household ${householdId} has no ${kind} record numbers left`, { field: 'input.householdId' });
  return `${householdId}-${kind}${String(next).padStart(2, '0')}`;
}

/** Turns a unique-constraint violation (a concurrent duplicate) into a CONFLICT error. */
async function uniquely<T>(write: Promise<T>, message: string, field: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') throw userError(ErrorCode.CONFLICT, message, { field });
    throw error;
  }
}

// -------------------------------------------------------------------------------------------------
// Appraisals

export async function recordDwellingAppraisal(tx: EntityManager, input: RecordDwellingAppraisalInput): Promise<string> {
  const sameDay = await tx.findOneBy(DwellingAppraisal, { householdId: input.householdId, appraisalDate: input.appraisalDate });
  if (sameDay) {
    throw userError(ErrorCode.CONFLICT, `household ${input.householdId} already has an appraisal on ${input.appraisalDate} (${sameDay.id})`, { field: 'input.appraisalDate' });
  }
  const id = await nextId(tx, 'dwelling_appraisal', input.householdId, 'A');
  await uniquely(
    tx.insert(DwellingAppraisal, {
      id,
      householdId: input.householdId,
      rating: input.rating,
      appraisalDate: input.appraisalDate,
      appraiser: input.appraiser.trim(),
      method: input.method,
      structure: input.structure,
      floorArea: roundArea(input.floorArea),
      yearBuilt: input.yearBuilt ?? null,
      dangerPoints: input.dangerPoints?.trim() || null,
      isLatest: false,
    }),
    `household ${input.householdId} already has an appraisal on ${input.appraisalDate}`,
    'input.appraisalDate',
  );
  // The latest appraisal (by date, then ID) is the one that counts; a back-dated entry keeps the flag where it was.
  await tx.query('UPDATE dwelling_appraisal SET is_latest = false WHERE household_id = $1 AND is_latest', [input.householdId]);
  await tx.query(
    `UPDATE dwelling_appraisal SET is_latest = true
     WHERE id = (SELECT id FROM dwelling_appraisal WHERE household_id = $1 ORDER BY appraisal_date DESC, id DESC LIMIT 1)`,
    [input.householdId],
  );
  await changed(tx, [{ record: 'DwellingAppraisal', recordId: id, kind: 'CREATED', householdId: input.householdId }]);
  return id;
}

// -------------------------------------------------------------------------------------------------
// Renovation projects

export async function approveRenovation(tx: EntityManager, input: ApproveRenovationInput): Promise<string> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`housing:R:${input.householdId}`]);
  const appraisal = await tx.findOneBy(DwellingAppraisal, { id: input.appraisalId });
  if (!appraisal) throw userError(ErrorCode.NOT_FOUND, `dwelling appraisal ${input.appraisalId} does not exist`, { field: 'input.appraisalId', id: input.appraisalId });
  validateOrder(input.approvalDate, 'input.approvalDate', appraisal.appraisalDate, 'appraisal date');
  if (!DANGEROUS_RATINGS.has(appraisal.rating)) {
    throw userError(ErrorCode.CONFLICT, `appraisal ${appraisal.id} rates the dwelling ${appraisal.rating}: only C/D dwellings (危房) are renovated`, { field: 'input.appraisalId' });
  }
  if (!appraisal.isLatest) {
    throw userError(ErrorCode.CONFLICT, `appraisal ${appraisal.id} is not the household's latest appraisal; approve on the latest one`, { field: 'input.appraisalId' });
  }
  const existing = await tx.findBy(RenovationProject, { householdId: input.householdId });
  const forAppraisal = existing.find((r) => r.appraisalId === appraisal.id);
  if (forAppraisal) throw userError(ErrorCode.CONFLICT, `appraisal ${appraisal.id} already has renovation project ${forAppraisal.id}`, { field: 'input.appraisalId' });
  const open = existing.find((r) => r.acceptanceResult !== AcceptanceResult.PASSED);
  if (open) throw userError(ErrorCode.CONFLICT, `household ${input.householdId} already has renovation project ${open.id} under way (${open.status})`, { field: 'input.householdId' });
  const relocation = await tx.findOneBy(RelocationHousing, { householdId: input.householdId });
  if (relocation) {
    throw userError(ErrorCode.CONFLICT, `household ${input.householdId} was relocated (${relocation.id}); its old dwelling is not renovated`, { field: 'input.householdId' });
  }
  const id = await nextId(tx, 'renovation_project', input.householdId, 'R');
  await uniquely(
    tx.insert(RenovationProject, {
      id,
      householdId: input.householdId,
      appraisalId: appraisal.id,
      type: input.type,
      status: RenovationStatus.APPROVED,
      planYear: Number(input.approvalDate.slice(0, 4)),
      approvalDate: input.approvalDate,
      floorArea: input.floorArea === undefined || input.floorArea === null ? null : roundArea(input.floorArea),
      subsidy: input.subsidy,
      selfRaisedFunds: input.selfRaisedFunds ?? 0,
    }),
    `household ${input.householdId} already has a renovation project under way`,
    'input.householdId',
  );
  await changed(tx, [{ record: 'RenovationProject', recordId: id, kind: 'CREATED', householdId: input.householdId }]);
  return id;
}

async function lockRenovation(tx: EntityManager, id: string): Promise<RenovationProject> {
  const project = await tx.findOne(RenovationProject, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!project) throw notFound('RenovationProject', id);
  return project;
}

function requireStatus(project: RenovationProject, allowed: RenovationStatus[], action: string): void {
  if (!allowed.includes(project.status)) {
    throw userError(ErrorCode.CONFLICT, `renovation project ${project.id} is ${project.status}; it can be ${action} only when ${allowed.join(' or ')}`, { field: 'id', status: project.status });
  }
}

async function updateRenovation(tx: EntityManager, project: RenovationProject, changes: Partial<RenovationProject>): Promise<void> {
  await tx.update(RenovationProject, { id: project.id }, { ...changes, updatedAt: () => 'now()' });
  await changed(tx, [{ record: 'RenovationProject', recordId: project.id, kind: 'UPDATED', householdId: project.householdId }]);
}

export async function startRenovation(tx: EntityManager, id: string, input: StartRenovationInput): Promise<void> {
  const project = await lockRenovation(tx, id);
  requireStatus(project, [RenovationStatus.APPROVED], 'started');
  validateOrder(input.startDate, 'input.startDate', project.approvalDate, 'approval date');
  await updateRenovation(tx, project, { status: RenovationStatus.STARTED, startDate: input.startDate });
}

export async function completeRenovation(tx: EntityManager, id: string, input: CompleteRenovationInput): Promise<void> {
  const project = await lockRenovation(tx, id);
  requireStatus(project, [RenovationStatus.STARTED], 'completed');
  validateOrder(input.completionDate, 'input.completionDate', project.startDate, 'start date');
  const floorArea = input.floorArea === undefined || input.floorArea === null ? project.floorArea : roundArea(input.floorArea);
  await updateRenovation(tx, project, { status: RenovationStatus.COMPLETED, completionDate: input.completionDate, floorArea });
}

export async function acceptRenovation(tx: EntityManager, id: string, input: AcceptRenovationInput): Promise<void> {
  const project = await lockRenovation(tx, id);
  requireStatus(project, [RenovationStatus.COMPLETED, RenovationStatus.FAILED_ACCEPTANCE], 'inspected for acceptance');
  validateOrder(input.acceptanceDate, 'input.acceptanceDate', project.completionDate, 'completion date');
  if (project.status === RenovationStatus.FAILED_ACCEPTANCE && input.acceptanceDate <= project.acceptanceDate!) {
    invalid('input.acceptanceDate', `a re-inspection must be later than the failed inspection of ${project.acceptanceDate}`);
  }
  const passed = input.result === AcceptanceResult.PASSED;
  await updateRenovation(tx, project, {
    status: passed ? RenovationStatus.ACCEPTED : RenovationStatus.FAILED_ACCEPTANCE,
    acceptanceDate: input.acceptanceDate,
    acceptanceResult: input.result,
    acceptanceNote: input.note?.trim() || null,
  });
}

export async function recordRenovationMoveIn(tx: EntityManager, id: string, input: RenovationMoveInInput): Promise<void> {
  const project = await lockRenovation(tx, id);
  requireStatus(project, [RenovationStatus.ACCEPTED], 'moved into');
  validateOrder(input.moveInDate, 'input.moveInDate', project.acceptanceDate, 'acceptance date');
  await updateRenovation(tx, project, { status: RenovationStatus.MOVED_IN, moveInDate: input.moveInDate });
}

// -------------------------------------------------------------------------------------------------
// Resettlement housing (易地扶贫搬迁, in support of the development and reform commission)

export async function allocateRelocationHousing(tx: EntityManager, input: AllocateRelocationHousingInput): Promise<string> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`housing:S:${input.householdId}`]);
  const existing = await tx.findOneBy(RelocationHousing, { householdId: input.householdId });
  if (existing) throw userError(ErrorCode.CONFLICT, `household ${input.householdId} already has resettlement housing ${existing.id}`, { field: 'input.householdId' });
  const moved = await tx.query('SELECT person_id, relocation_id FROM relocation_member WHERE person_id = ANY($1) LIMIT 1', [input.personIds]);
  if (moved.length) throw userError(ErrorCode.CONFLICT, `person ${moved[0].person_id} was already relocated (${moved[0].relocation_id})`, { field: 'input.personIds' });
  const id = await nextId(tx, 'relocation_housing', input.householdId, 'S');
  await uniquely(
    tx.insert(RelocationHousing, {
      id,
      householdId: input.householdId,
      planYear: input.planYear,
      siteName: input.siteName.trim(),
      siteRegionCode: input.siteRegionCode ?? null,
      mode: input.mode,
      unitArea: roundArea(input.unitArea),
      personsRelocated: input.personIds.length,
      allocationDate: input.allocationDate,
      oldHouseDemolished: false,
      landReclaimed: false,
      subsidy: input.subsidy,
    }),
    `household ${input.householdId} already has resettlement housing`,
    'input.householdId',
  );
  const persons = [...input.personIds].sort();
  await uniquely(
    tx.insert(RelocationMember, persons.map((personId) => ({ relocationId: id, personId, householdId: input.householdId }))),
    'a person was already relocated',
    'input.personIds',
  );
  await changed(tx, [
    { record: 'RelocationHousing', recordId: id, kind: 'CREATED', householdId: input.householdId },
    ...persons.map((personId) => ({ record: 'RelocationMember', recordId: `${id}/${personId}`, kind: 'CREATED' as const, householdId: input.householdId, personId })),
  ]);
  return id;
}

async function lockRelocation(tx: EntityManager, id: string): Promise<RelocationHousing> {
  const relocation = await tx.findOne(RelocationHousing, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!relocation) throw notFound('RelocationHousing', id);
  return relocation;
}

async function updateRelocation(tx: EntityManager, relocation: RelocationHousing, changes: Partial<RelocationHousing>): Promise<void> {
  await tx.update(RelocationHousing, { id: relocation.id }, { ...changes, updatedAt: () => 'now()' });
  await changed(tx, [{ record: 'RelocationHousing', recordId: relocation.id, kind: 'UPDATED', householdId: relocation.householdId }]);
}

function conflict(message: string): never {
  throw userError(ErrorCode.CONFLICT, message, { field: 'id' });
}

export async function handOverRelocationHousing(tx: EntityManager, id: string, input: RelocationHandoverInput): Promise<void> {
  const relocation = await lockRelocation(tx, id);
  if (relocation.handoverDate) conflict(`resettlement housing ${id} was already handed over on ${relocation.handoverDate}`);
  validateOrder(input.handoverDate, 'input.handoverDate', relocation.allocationDate, 'allocation date');
  await updateRelocation(tx, relocation, { handoverDate: input.handoverDate });
}

export async function recordRelocationMoveIn(tx: EntityManager, id: string, input: RelocationMoveInInput): Promise<void> {
  const relocation = await lockRelocation(tx, id);
  if (!relocation.handoverDate) conflict(`resettlement housing ${id} has not been handed over yet`);
  if (relocation.moveInDate) conflict(`the household already moved into ${id} on ${relocation.moveInDate}`);
  validateOrder(input.moveInDate, 'input.moveInDate', relocation.handoverDate, 'handover date');
  await updateRelocation(tx, relocation, { moveInDate: input.moveInDate });
}

export async function recordOldHouseDemolition(tx: EntityManager, id: string, input: OldHouseDemolitionInput): Promise<void> {
  const relocation = await lockRelocation(tx, id);
  if (!relocation.moveInDate) conflict(`the household has not moved into ${id}: the old house is demolished after moving in (拆旧)`);
  if (relocation.oldHouseDemolished) conflict(`the old house of ${relocation.householdId} was already demolished on ${relocation.demolitionDate}`);
  validateOrder(input.demolitionDate, 'input.demolitionDate', relocation.moveInDate, 'move-in date');
  await updateRelocation(tx, relocation, { oldHouseDemolished: true, demolitionDate: input.demolitionDate, landReclaimed: input.landReclaimed });
}

