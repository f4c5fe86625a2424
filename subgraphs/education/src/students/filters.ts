import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { ErrorCode, MoneyScalar, userError, validateDataYear, whereRegionPrefix } from '@saf/kit';
import { DropoutReason, EducationStage, EnrolmentStatus, StudentAidItem, StudentAidSponsor, StudentAidStatus } from '../codes';
import { parseSemester } from '../semesters';

/** The description of `suppressed` on the aid totals, whose counts the kit suppresses in small cells (index.ts, aggregateCells). */
const SUPPRESSED = 'True when the counts are withheld (null) because the cell has 1 to 4 students (analyst and dashboard roles).';

/** Filters of the root queries for education staff; all given conditions must hold. */

const REGION = 'A region code prefix: 2 (province), 4, 6 (county), 9 (township) or 12 (village) digits.';

@InputType({ description: 'Filters on enrolments (学籍).' })
export class StudentFilter {
  @Field(() => String, { nullable: true, description: REGION })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'School year (2019 = 2019-09 to 2020-08).' })
  year?: number;

  @Field(() => EducationStage, { nullable: true, description: 'Only enrolments at this stage.' })
  stage?: EducationStage;

  @Field(() => EnrolmentStatus, { nullable: true, description: 'Only enrolments with this status.' })
  status?: EnrolmentStatus;

  @Field(() => Boolean, { nullable: true, description: 'true: only enrolments that ended in dropout, or of a child reported out of school (控辍保学) that school year.' })
  dropoutOnly?: boolean;
}

@InputType({ description: 'Filters on student aid grants.' })
export class StudentAidFilter {
  @Field(() => String, { nullable: true, description: REGION })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Calendar year of the semester.' })
  year?: number;

  @Field(() => String, { nullable: true, description: 'A semester code such as 2019-AUTUMN.' })
  semester?: string;

  @Field(() => StudentAidItem, { nullable: true, description: 'Only this aid item.' })
  item?: StudentAidItem;

  @Field(() => EducationStage, { nullable: true, description: 'Only aid for enrolments at this stage.' })
  stage?: EducationStage;

  @Field(() => StudentAidSponsor, { nullable: true, description: 'Only aid paid by this department\'s programme.' })
  sponsor?: StudentAidSponsor;

  @Field(() => StudentAidStatus, { nullable: true, description: 'GRANTED excludes revoked grants.' })
  status?: StudentAidStatus;
}

@InputType({ description: 'Filters on the dropout ledger (控辍保学).' })
export class DropoutCaseFilter {
  @Field(() => String, { nullable: true, description: REGION })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'School year of the report.' })
  year?: number;

  @Field(() => DropoutReason, { nullable: true, description: 'Only cases with this reason.' })
  reason?: DropoutReason;

  @Field(() => Boolean, { nullable: true, description: 'true: cases not resolved yet; false: resolved cases.' })
  open?: boolean;
}

@InputType({ description: 'Filters on home teaching (送教上门).' })
export class HomeTeachingFilter {
  @Field(() => String, { nullable: true, description: REGION })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'School year.' })
  year?: number;
}

@ObjectType('StudentAidItemTotal', { description: 'Count and amount of one aid item (and its sponsor) among the matching grants.' })
export class StudentAidItemTotal {
  @Field(() => StudentAidItem, { description: 'The aid item.' })
  item: StudentAidItem;

  @Field(() => StudentAidSponsor, { description: 'The department whose programme pays the item.' })
  sponsor: StudentAidSponsor;

  @Field(() => Int, { nullable: true, description: 'Distinct students (persons) aided with the item.' })
  students: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of grants of the item.' })
  count: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the grants of the item, yuan.' })
  amount: number | null;

  @Field(() => Boolean, { description: SUPPRESSED })
  suppressed: boolean = false;
}

@ObjectType('StudentAidTotals', { description: 'Totals of the aid grants matching a filter.' })
export class StudentAidTotals {
  @Field(() => Int, { nullable: true, description: 'Number of grants.' })
  count: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the grants, yuan.' })
  amount: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct students (persons) aided.' })
  students: number | null;

  @Field(() => [StudentAidItemTotal], { description: 'By item, in item order.' })
  byItem: StudentAidItemTotal[];

  @Field(() => Boolean, { description: SUPPRESSED })
  suppressed: boolean = false;
}

function year(value: number | undefined): number | undefined {
  if (value !== undefined && value !== null) validateDataYear(value, 'filter.year');
  return value ?? undefined;
}

export function applyStudentFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: StudentFilter): void {
  whereRegionPrefix(qb, 's', f.regionPrefix);
  const y = year(f.year);
  if (y !== undefined) qb.andWhere('s.school_year = :year', { year: y });
  if (f.stage) qb.andWhere('s.stage = :stage', { stage: f.stage });
  if (f.status) qb.andWhere('s.status = :status', { status: f.status });
  if (f.dropoutOnly === true) {
    qb.andWhere(`(s.status = 'DROPPED_OUT' OR EXISTS (SELECT 1 FROM dropout_case d WHERE d.person_id = s.person_id AND d.school_year = s.school_year))`);
  } else if (f.dropoutOnly === false) {
    qb.andWhere(`(s.status <> 'DROPPED_OUT' AND NOT EXISTS (SELECT 1 FROM dropout_case d WHERE d.person_id = s.person_id AND d.school_year = s.school_year))`);
  }
}

export function applyAidFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: StudentAidFilter): void {
  whereRegionPrefix(qb, 'a', f.regionPrefix);
  const y = year(f.year);
  if (y !== undefined) qb.andWhere('a.year = :year', { year: y });
  if (f.semester !== undefined && f.semester !== null) {
    if (!parseSemester(f.semester)) throw userError(ErrorCode.BAD_USER_INPUT, 'semester must look like 2019-SPRING or 2019-AUTUMN', { field: 'filter.semester' });
    qb.andWhere('a.semester = :semester', { semester: f.semester });
  }
  if (f.item) qb.andWhere('a.item = :item', { item: f.item });
  if (f.stage) qb.andWhere('a.stage = :stage', { stage: f.stage });
  if (f.sponsor) qb.andWhere('a.sponsor = :sponsor', { sponsor: f.sponsor });
  if (f.status) qb.andWhere('a.status = :status', { status: f.status });
}

export function applyDropoutFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: DropoutCaseFilter): void {
  whereRegionPrefix(qb, 'd', f.regionPrefix);
  const y = year(f.year);
  if (y !== undefined) qb.andWhere('d.school_year = :year', { year: y });
  if (f.reason) qb.andWhere('d.reason = :reason', { reason: f.reason });
  if (f.open === true) qb.andWhere('d.resolution IS NULL');
  if (f.open === false) qb.andWhere('d.resolution IS NOT NULL');
}

export function applyHomeTeachingFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: HomeTeachingFilter): void {
  whereRegionPrefix(qb, 'h', f.regionPrefix);
  const y = year(f.year);
  if (y !== undefined) qb.andWhere('h.school_year = :year', { year: y });
}
