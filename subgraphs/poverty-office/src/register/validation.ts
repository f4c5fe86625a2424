import { ErrorCode, residentIdBirthDate, todayLocalDate, userError } from '@saf/kit';
import { PovertyCause, PovertyStatus, Relation } from './codes';
import { MemberInput } from './inputs';

/**
 * Input rules that a scalar alone cannot check. Each throws a BAD_USER_INPUT error naming the
 * offending field, before anything is written.
 */

const MOBILE_OR_LANDLINE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;
const BANK_ACCOUNT = /^[0-9]{12,30}$/;
const ETHNICITY = /^[A-Z_]{2,20}$/;
export const FIRST_REGISTER_YEAR = 2013;

function invalid(field: string, message: string): never {
  throw userError(ErrorCode.BAD_USER_INPUT, message, { field });
}

export function validateName(name: string, field: string): void {
  if (name.trim().length === 0 || name.length > 30) invalid(field, 'name must be 1 to 30 characters');
}

export function validateCauses(main: PovertyCause, others: PovertyCause[], field: string): void {
  if (others.length > 2) invalid(field, 'at most two other causes');
  if (new Set(others).size !== others.length) invalid(field, 'other causes must be distinct');
  if (others.includes(main)) invalid(field, 'other causes must differ from the main cause');
}

export function validateContact(input: { phone?: string | null; bankAccount?: string | null }): void {
  if (input.phone != null && !MOBILE_OR_LANDLINE.test(input.phone)) invalid('phone', 'phone must be an 11-digit mobile number or a landline such as 023-12345678');
  if (input.bankAccount != null && !BANK_ACCOUNT.test(input.bankAccount)) invalid('bankAccount', 'bankAccount must be 12 to 30 digits');
}

export function validatePastDate(date: string, field: string, earliest = `${FIRST_REGISTER_YEAR}-01-01`): void {
  if (date > todayLocalDate()) invalid(field, `${field} cannot be in the future`);
  if (date < earliest) invalid(field, `${field} cannot be before ${earliest}`);
}

export function validateYear(year: number, field: string): void {
  const current = Number(todayLocalDate().slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_REGISTER_YEAR || year > current) invalid(field, `${field} must be between ${FIRST_REGISTER_YEAR} and ${current}`);
}

export function validateMember(member: MemberInput, field: string): void {
  validateName(member.name, `${field}.name`);
  if (residentIdBirthDate(member.residentId) > todayLocalDate()) invalid(`${field}.residentId`, 'the birth date in the resident ID is in the future');
  if (!ETHNICITY.test(member.ethnicity)) invalid(`${field}.ethnicity`, 'ethnicity is an upper-case code such as HAN, TUJIA or MIAO');
  validateMonths(member.migrantWorkMonths, `${field}.migrantWorkMonths`);
}

export function validateMonths(months: number | undefined, field: string): void {
  if (months !== undefined && (months < 0 || months > 12)) invalid(field, 'migrantWorkMonths must be 0 to 12');
}

export function validateNewMembers(members: MemberInput[]): void {
  if (members.length === 0) invalid('members', 'a household has at least one member');
  if (members.length > 99) invalid('members', 'a household has at most 99 members');
  members.forEach((m, i) => validateMember(m, `members[${i}]`));
  if (members.filter((m) => m.relation === Relation.HEAD).length !== 1) invalid('members', 'exactly one member must have relation HEAD');
  const ids = members.map((m) => m.residentId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) invalid('members', `resident ID ${duplicate} appears twice`);
}

/** Allowed status changes: exit, relapse, re-exit, and the end of post-exit policies. */
const TRANSITIONS: Record<PovertyStatus, PovertyStatus[]> = {
  [PovertyStatus.NOT_EXITED]: [PovertyStatus.EXITED_WITH_POLICY],
  [PovertyStatus.EXITED_WITH_POLICY]: [PovertyStatus.RETURNED_TO_POVERTY, PovertyStatus.EXITED_NO_POLICY],
  [PovertyStatus.RETURNED_TO_POVERTY]: [PovertyStatus.EXITED_WITH_POLICY],
  [PovertyStatus.EXITED_NO_POLICY]: [PovertyStatus.RETURNED_TO_POVERTY],
};

export function validateTransition(from: PovertyStatus, to: PovertyStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw userError(ErrorCode.CONFLICT, `A household cannot go from ${from} to ${to}; allowed: ${TRANSITIONS[from].join(', ') || 'none'}`, { field: 'input.status' });
  }
}
