import { hash32, Rng } from '@saf/poverty-office';
import { FinanceDutyArea, FundedDepartment, Payee, Programme } from '../codes';
import { day } from './dates';

/**
 * What finance owes a household: one payment the other departments' records call for (a month of
 * dibao, a semester of student aid, an accepted renovation…). The generator turns entitlements into
 * 一卡通 disbursements: batches, returns, re-issues and the odd missing payment.
 */
export interface Entitlement {
  programme: Programme;
  /** Omitted: the programme's default duty area and department. */
  dutyArea?: FinanceDutyArea;
  department?: FundedDepartment;
  personId: string | null;
  /** Who receives it (the household's or member's card, or a third party). */
  payee: Payee;
  period: string;
  amountFen: number;
  /** Day number the payment is made on (a county batch day, or the event's day plus a delay). */
  due: number;
  sourceRecordId: string | null;
  /** A recurring payment (monthly, quarterly…) rather than a one-off grant. */
  recurring: boolean;
  /** Where the entitlement comes from: a department's generated records, or a register approximation. */
  origin: EntitlementOrigin;
}

export type EntitlementOrigin = 'civil-affairs' | 'education' | 'health' | 'housing' | 'finance' | 'register';

/** A salt so that finance's streams never coincide with the register's. */
export const FINANCE_SALT = 0xf1a4ce;

export const STREAM = {
  DIBAO: 1,
  DESTITUTE: 2,
  DISABILITY: 3,
  TEMPORARY: 4,
  MEDICAL: 5,
  EDUCATION: 6,
  RENOVATION: 7,
  PREMIUM: 8,
  LOANS: 9,
  INDUSTRY: 10,
  ECOLOGY: 11,
  RELOCATION: 12,
  EMPLOYMENT: 13,
  PAYMENTS: 14,
  ADAPTERS: 15,
} as const;

/** The household's own random stream for one purpose: seed + household id + stream. */
export function householdRng(seed: number, householdId: string, stream: number, ...keys: number[]): Rng {
  return Rng.derive(seed, FINANCE_SALT, Number(householdId), stream, ...keys);
}

/** A stable number in [0, 1) for a key (e.g. a person), independent of draw order. */
export function unit(seed: number, ...keys: number[]): number {
  return hash32(seed, FINANCE_SALT, ...keys) / 4294967296;
}

const PROGRAMME_INDEX = new Map(Object.values(Programme).map((p, i) => [p, i + 1]));

/**
 * The county's payment run day for a programme in a month: every household of the county is paid
 * on the same day (one batch), chosen from the seed between `from` and `to` (days of the month).
 */
export function batchDay(seed: number, programme: Programme, year: number, month: number, from = 6, to = 20): number {
  const u = hash32(seed, FINANCE_SALT, 0xba7c, PROGRAMME_INDEX.get(programme) ?? 0, year, month) / 4294967296;
  return day(year, month, from + Math.floor(u * (to - from + 1)));
}
