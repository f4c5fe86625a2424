import { ArgsType, Field, Int } from 'type-graphql';
import { regionPrefixRange, validateDataYear } from '../filters';
import { ContributionRole, PredicateStatus, REGION_GROUPING_LENGTH, RegionGrouping } from './codes';
import { AreaVerdict, DepartmentContribution, Evidence, ExpectedSupport, Measure, Predicate, RegisterMember } from './types';

/* Small constructors, so that every department builds the shared value types the same way. */

export function evidence(department: string, recordType: string, recordId: string, date: string | null, note: string | null = null): Evidence {
  return Object.assign(new Evidence(), { department, recordType, recordId, date, note });
}

export type MeasureFields = Pick<Measure, 'department' | 'role' | 'recordType' | 'recordId' | 'programme'> & Partial<Measure>;

export function measure(fields: MeasureFields): Measure {
  return Object.assign(new Measure(), { year: null, date: null, amount: null, personId: null, onBehalfOf: null, sourceRecordId: null, ...fields });
}

export function predicate(name: string, department: string, status: PredicateStatus, reason: string, shownBy: Evidence[] = []): Predicate {
  return Object.assign(new Predicate(), { predicate: name, department, status, reason, evidence: shownBy });
}

export function expectSupport(department: string, sourceRecordId: string, description: string): ExpectedSupport {
  return Object.assign(new ExpectedSupport(), { department, sourceRecordId, description });
}

export function notNeeded(reason: string, shownBy: Evidence[] = []): AreaVerdict {
  return Object.assign(new AreaVerdict(), { needed: false, met: false, reason, evidence: shownBy, expects: [] });
}

export function needed(met: boolean, reason: string, shownBy: Evidence[] = [], expects: ExpectedSupport[] = []): AreaVerdict {
  return Object.assign(new AreaVerdict(), { needed: true, met, reason, evidence: shownBy, expects });
}

/**
 * A department's contribution to one area. Null when it has nothing to say (no measure, no
 * verdict), so the view lists only departments that took part.
 */
export function contribution(department: string, role: ContributionRole, measures: Measure[], verdict: AreaVerdict | null = null): DepartmentContribution | null {
  if (measures.length === 0 && verdict === null) return null;
  return Object.assign(new DepartmentContribution(), { department, role, measures, verdict });
}

/** Age in whole years on a date (ISO dates). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The members the register still counts (not left, not deceased). */
export function activeMembers(members: readonly RegisterMember[] | undefined): RegisterMember[] {
  return (members ?? []).filter((m) => m.active);
}

/** Arguments of every aggregate root field; the sector view calls them by these names. */
@ArgsType()
export class AggregateArgs {
  @Field(() => String, { description: 'Region code prefix (2, 4, 6, 9 or 12 digits).' })
  regionPrefix: string;

  @Field(() => Int)
  year: number;

  @Field(() => RegionGrouping, { defaultValue: RegionGrouping.TOWN, description: 'Group rows by the region prefix of this level.' })
  groupBy: RegionGrouping = RegionGrouping.TOWN;
}

export interface ValidatedAggregate {
  low: string;
  high: string;
  year: number;
  /** Characters of household_id that name the group. */
  groupLength: number;
}

/** Validates aggregate arguments; the group level may not be coarser than the prefix. */
export function validateAggregateArgs(args: { regionPrefix: string; year: number; groupBy?: RegionGrouping | null }): ValidatedAggregate {
  const { low, high } = regionPrefixRange(args.regionPrefix);
  validateDataYear(args.year);
  const groupLength = Math.max(REGION_GROUPING_LENGTH[args.groupBy ?? RegionGrouping.TOWN], args.regionPrefix.length);
  return { low, high, year: args.year, groupLength };
}

/** SQL for the group's region code: the leading characters of a household ID column. */
export function regionGroupSql(column: string, groupLength: number): string {
  return `substr(${column}, 1, ${Number(groupLength)})`;
}

/** The date a year's verdicts are taken on: 31 December, or today while the year is running. */
export function assessmentDate(year: number, today = new Date().toISOString().slice(0, 10)): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}
