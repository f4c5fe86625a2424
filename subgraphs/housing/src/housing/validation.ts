import { ErrorCode, todayLocalDate, userError, validateDataYear } from '@saf/kit';
import { RELOCATION_AREA_PER_PERSON } from '../codes';
import {
  AllocateRelocationHousingInput,
  ApproveRenovationInput,
  RecordDwellingAppraisalInput,
} from './inputs';

/**
 * Input rules a scalar alone cannot check. Each throws BAD_USER_INPUT (or INVALID_MONEY for a
 * negative amount) naming the offending field, before the register is asked or anything written.
 */

export const FIRST_DATA_DAY = '2013-01-01';
const YUAN = 100;
export const MAX_RENOVATION_SUBSIDY_FEN = 100_000 * YUAN;
export const MAX_SELF_RAISED_FEN = 500_000 * YUAN;
export const MAX_RELOCATION_SUBSIDY_FEN = 500_000 * YUAN;
const RECORD_ID = { A: /^[0-9]{16}-A[0-9]{2,3}$/, R: /^[0-9]{16}-R[0-9]{2,3}$/, S: /^[0-9]{16}-S[0-9]{2}$/ };

export function invalid(field: string, message: string): never {
  throw userError(ErrorCode.BAD_USER_INPUT, message, { field });
}

export function validatePastDate(date: string, field: string, earliest = FIRST_DATA_DAY): void {
  if (date > todayLocalDate()) invalid(field, `${field} cannot be in the future`);
  if (date < earliest) invalid(field, `${field} cannot be before ${earliest}`);
}

/** `later` on or after `earlier` (a record's previous lifecycle date). */
export function validateOrder(later: string, field: string, earlier: string | null, what: string): void {
  if (earlier !== null && later < earlier) invalid(field, `${field} (${later}) is before the ${what} (${earlier})`);
}

export function validateText(value: string, field: string, max: number, required = true): void {
  if (required && value.trim().length === 0) invalid(field, `${field} is required`);
  if (value.length > max) invalid(field, `${field} must be at most ${max} characters`);
}

export function validateArea(area: number, field: string, min = 5, max = 1000): void {
  if (!Number.isFinite(area) || area < min || area > max) invalid(field, `${field} must be between ${min} and ${max} square metres`);
}

export function validateMoney(fen: number, field: string, maxFen: number): void {
  if (fen < 0) throw userError(ErrorCode.INVALID_MONEY, `${field} cannot be negative`, { field });
  if (fen > maxFen) invalid(field, `${field} cannot exceed ${maxFen / YUAN} yuan`);
}

export function validateRecordId(id: string, kind: keyof typeof RECORD_ID, field: string): void {
  if (!RECORD_ID[kind].test(id)) invalid(field, `${field} "${id}" is not a ${{ A: 'dwelling appraisal', R: 'renovation project', S: 'resettlement housing' }[kind]} ID (<household ID>-${kind}NN)`);
}

/** Area rounded to the column's two decimals. */
export function roundArea(area: number): number {
  return Math.round(area * 100) / 100;
}

export function validateAppraisal(input: RecordDwellingAppraisalInput): void {
  validatePastDate(input.appraisalDate, 'input.appraisalDate');
  validateText(input.appraiser, 'input.appraiser', 60);
  validateArea(input.floorArea, 'input.floorArea');
  if (input.yearBuilt !== undefined && input.yearBuilt !== null) {
    const year = Number(input.appraisalDate.slice(0, 4));
    if (input.yearBuilt < 1900 || input.yearBuilt > year) invalid('input.yearBuilt', `input.yearBuilt must be between 1900 and the appraisal year ${year}`);
  }
  if (input.dangerPoints !== undefined && input.dangerPoints !== null) validateText(input.dangerPoints, 'input.dangerPoints', 500, false);
}

export function validateApproval(input: ApproveRenovationInput): void {
  validateRecordId(input.appraisalId, 'A', 'input.appraisalId');
  if (!input.appraisalId.startsWith(`${input.householdId}-`)) {
    throw userError(ErrorCode.CONFLICT, `appraisal ${input.appraisalId} is not an appraisal of household ${input.householdId}`, { field: 'input.appraisalId' });
  }
  validatePastDate(input.approvalDate, 'input.approvalDate');
  validateMoney(input.subsidy, 'input.subsidy', MAX_RENOVATION_SUBSIDY_FEN);
  if (input.selfRaisedFunds !== undefined && input.selfRaisedFunds !== null) validateMoney(input.selfRaisedFunds, 'input.selfRaisedFunds', MAX_SELF_RAISED_FEN);
  if (input.floorArea !== undefined && input.floorArea !== null) validateArea(input.floorArea, 'input.floorArea');
}

export function validateAllocation(input: AllocateRelocationHousingInput): void {
  validateDataYear(input.planYear, 'input.planYear');
  validateText(input.siteName, 'input.siteName', 60);
  validatePastDate(input.allocationDate, 'input.allocationDate');
  validateMoney(input.subsidy, 'input.subsidy', MAX_RELOCATION_SUBSIDY_FEN);
  if (input.personIds.length === 0) invalid('input.personIds', 'at least one person is relocated');
  if (input.personIds.length > 99) invalid('input.personIds', 'at most 99 persons');
  const duplicate = input.personIds.find((id, i) => input.personIds.indexOf(id) !== i);
  if (duplicate) invalid('input.personIds', `person ${duplicate} appears twice`);
  validateArea(input.unitArea, 'input.unitArea');
  const cap = RELOCATION_AREA_PER_PERSON * input.personIds.length;
  if (input.unitArea > cap) {
    invalid('input.unitArea', `resettlement housing is at most ${RELOCATION_AREA_PER_PERSON} m² per relocated person: ${cap} m² for ${input.personIds.length}`);
  }
}
