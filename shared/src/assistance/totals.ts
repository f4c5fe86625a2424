import { ArgsType, Field, Int } from 'type-graphql';
import { AreaCoverageTotal, ExitPredicateFailures, MeasureTotal } from './types';
import { ContributionRole, DutyAreaCode } from './codes';

/*
 * The rows of the departments' grouped aggregate statements, turned into the shared result types.
 * PostgreSQL returns counts and sums as text unless cast; both are accepted.
 */

type Numeric = number | string;

/** `region_code, [area, role,] programme, measures, households, [amount]` */
export interface MeasureTotalRow {
  region_code: string;
  area?: string;
  role?: string;
  programme: string;
  measures: Numeric;
  households: Numeric;
  amount?: Numeric | null;
}

export interface MeasureTotalDefaults {
  department: string;
  /** For departments whose statement has no area or role column. */
  area?: DutyAreaCode;
  role?: ContributionRole | ((area: DutyAreaCode) => ContributionRole);
}

export function toMeasureTotals(rows: MeasureTotalRow[], defaults: MeasureTotalDefaults): MeasureTotal[] {
  return rows.map((r) => {
    const area = (r.area ?? defaults.area) as DutyAreaCode;
    const role = (r.role as ContributionRole | undefined) ?? (typeof defaults.role === 'function' ? defaults.role(area) : defaults.role);
    return Object.assign(new MeasureTotal(), {
      regionCode: r.region_code,
      department: defaults.department,
      role,
      area,
      programme: r.programme,
      measures: Number(r.measures),
      households: Number(r.households),
      amount: r.amount == null ? null : Number(r.amount),
    });
  });
}

/** `region_code, in_need, covered[, gap]` (gap defaults to in_need - covered). */
export interface AreaCoverageRow {
  region_code: string;
  in_need: Numeric;
  covered: Numeric;
  gap?: Numeric;
}

export function toAreaCoverage(rows: AreaCoverageRow[], area: DutyAreaCode, department: string): AreaCoverageTotal[] {
  return rows.map((r) =>
    Object.assign(new AreaCoverageTotal(), {
      regionCode: r.region_code,
      area,
      department,
      inNeed: Number(r.in_need),
      covered: Number(r.covered),
      gap: r.gap == null ? Number(r.in_need) - Number(r.covered) : Number(r.gap),
    }),
  );
}

export function exitFailures(predicate: string, department: string, householdIds: string[]): ExitPredicateFailures {
  return Object.assign(new ExitPredicateFailures(), { predicate, department, householdIds });
}

/** A region and a year: the arguments of the ID-list feeds (`<department>ExitFailures`, …). */
@ArgsType()
export class RegionYearArgs {
  @Field(() => String, { description: 'Region code prefix (2, 4, 6, 9 or 12 digits).' })
  regionPrefix: string;

  @Field(() => Int)
  year: number;
}
