import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, ErrorCode, PageArgs, paginate, SubgraphContext, userError } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { parseSemester, semesterOrdinal } from '../semesters';
import { DropoutCase, DropoutFollowUp, HomeTeaching, Student, StudentAid, StudentAidStandard } from './entities';
import {
  applyAidFilter,
  applyDropoutFilter,
  applyHomeTeachingFilter,
  applyStudentFilter,
  DropoutCaseFilter,
  HomeTeachingFilter,
  StudentAidFilter,
  StudentAidTotals,
  StudentFilter,
} from './filters';
import { aidById, aidByStudent, aidStandards, dropoutById, followUpsByCase, homeTeachingByPerson, studentById } from './loaders';

export const StudentConnection = ConnectionType(Student, 'Student');
export const StudentAidConnection = ConnectionType(StudentAid, 'StudentAid');
export const DropoutCaseConnection = ConnectionType(DropoutCase, 'DropoutCase');
export const HomeTeachingConnection = ConnectionType(HomeTeaching, 'HomeTeaching');


@Resolver()
export class EducationQueryResolver {
  @Query(() => StudentConnection, { description: 'Enrolments (学籍) for education staff, by region prefix and school year, in ID order (village by village).' })
  async students(
    @Arg('filter', () => StudentFilter, { nullable: true }) filter: StudentFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(Student).createQueryBuilder('s');
    applyStudentFilter(qb, filter ?? {});
    const conn = await paginate(qb, { alias: 's', key: ['id'], keyOf: (s) => [s.id], first, after });
    for (const s of conn.nodes) ctx.loaders.get(studentById).prime(s.id, s);
    return conn;
  }

  @Query(() => Student, { nullable: true, description: 'One enrolment by ID (`<personId>/<schoolYear>`).' })
  student(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<Student | null> {
    return ctx.loaders.get(studentById).load(id);
  }

  @Query(() => StudentAidConnection, { description: 'Student aid grants, by region prefix, calendar year, semester, item, stage and sponsor.' })
  studentAidGrants(
    @Arg('filter', () => StudentAidFilter, { nullable: true }) filter: StudentAidFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(StudentAid).createQueryBuilder('a');
    applyAidFilter(qb, filter ?? {});
    return paginate(qb, { alias: 'a', key: ['id'], keyOf: (a) => [a.id], first, after });
  }

  @Query(() => StudentAidTotals, { description: 'Count and amount of the aid grants matching a filter, in total and by item (one SQL statement).' })
  async studentAidTotals(@Arg('filter', () => StudentAidFilter, { nullable: true }) filter: StudentAidFilter | null, @Ctx() ctx: SubgraphContext): Promise<StudentAidTotals> {
    const qb = ctx.db.getRepository(StudentAid).createQueryBuilder('a');
    applyAidFilter(qb, filter ?? {});
    const rows: Array<{ item: string; sponsor: string; count: string; amount: string; students: string; total_students: string }> = await qb
      .select('a.item', 'item')
      .addSelect('a.sponsor', 'sponsor')
      .addSelect('count(*)', 'count')
      .addSelect('sum(a.amount_fen)', 'amount')
      // GROUPING SETS: one row per item and sponsor, plus the grand total with distinct students.
      .addSelect('count(DISTINCT a.person_id)', 'students')
      .groupBy('GROUPING SETS ((a.item, a.sponsor), ())')
      .orderBy('a.item', 'ASC')
      .getRawMany();
    const grand = rows.find((r) => r.item === null);
    const byItem = rows
      .filter((r) => r.item !== null)
      .map((r) => ({ item: r.item, sponsor: r.sponsor, students: Number(r.students), count: Number(r.count), amount: Number(r.amount), suppressed: false })) as StudentAidTotals['byItem'];
    return { count: Number(grand?.count ?? 0), amount: Number(grand?.amount ?? 0), students: Number(grand?.students ?? 0), byItem, suppressed: false };
  }

  @Query(() => StudentAid, { nullable: true, description: 'One aid grant by ID (`<personId>/<semester>/<item>`).' })
  studentAid(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<StudentAid | null> {
    return ctx.loaders.get(aidById).load(id);
  }

  @Query(() => DropoutCaseConnection, { description: 'The dropout ledger (控辍保学), by region prefix and school year.' })
  dropoutCases(
    @Arg('filter', () => DropoutCaseFilter, { nullable: true }) filter: DropoutCaseFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(DropoutCase).createQueryBuilder('d');
    applyDropoutFilter(qb, filter ?? {});
    return paginate(qb, { alias: 'd', key: ['id'], keyOf: (d) => [d.id], first, after });
  }

  @Query(() => HomeTeachingConnection, { description: 'Home teaching (送教上门), by region prefix and school year.' })
  homeTeachingRecords(
    @Arg('filter', () => HomeTeachingFilter, { nullable: true }) filter: HomeTeachingFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(HomeTeaching).createQueryBuilder('h');
    applyHomeTeachingFilter(qb, filter ?? {});
    return paginate(qb, { alias: 'h', key: ['id'], keyOf: (h) => [h.id], first, after });
  }

  @Query(() => [StudentAidStandard], { description: 'Aid standards (资助标准); with `semester`, only those in force in that semester.' })
  async studentAidStandards(@Arg('semester', () => String, { nullable: true }) semester: string | null, @Ctx() ctx: SubgraphContext): Promise<StudentAidStandard[]> {
    const all = await ctx.loaders.get(aidStandards).load('all');
    if (semester === null || semester === undefined) return all;
    if (!parseSemester(semester)) throw userError(ErrorCode.BAD_USER_INPUT, 'semester must look like 2019-SPRING or 2019-AUTUMN', { field: 'semester' });
    const at = semesterOrdinal(semester);
    const inForce = new Map<string, StudentAidStandard>();
    for (const s of all) {
      const key = `${s.item}|${s.stage}|${s.condition}`;
      const from = semesterOrdinal(s.validFrom);
      const current = inForce.get(key);
      if (from <= at && (!current || from > semesterOrdinal(current.validFrom))) inForce.set(key, s);
    }
    return all.filter((s) => inForce.get(`${s.item}|${s.stage}|${s.condition}`) === s);
  }
}

@Resolver(() => Student)
export class StudentResolver {
  @FieldResolver(() => HouseholdKey, { description: 'The household of the register the enrolment is recorded under.' })
  household(@Root() s: Student): HouseholdKey {
    return { id: s.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The student (a person of the register).' })
  person(@Root() s: Student): PersonKey {
    return { id: s.personId };
  }

  @FieldResolver(() => [StudentAid], { description: 'Aid granted for this enrolment (its autumn and spring semesters), oldest first.' })
  aid(@Root() s: Student, @Ctx() ctx: SubgraphContext): Promise<StudentAid[]> {
    return ctx.loaders.get(aidByStudent).load(s.id);
  }

  @FieldResolver(() => HomeTeaching, { nullable: true, description: 'Home teaching in this school year, if the student is taught at home.' })
  async homeTeaching(@Root() s: Student, @Ctx() ctx: SubgraphContext): Promise<HomeTeaching | null> {
    return (await ctx.loaders.get(homeTeachingByPerson).load(s.personId)).find((h) => h.schoolYear === s.schoolYear) ?? null;
  }
}

@Resolver(() => StudentAid)
export class StudentAidResolver {
  @FieldResolver(() => HouseholdKey, { description: 'The household of the register.' })
  household(@Root() a: StudentAid): HouseholdKey {
    return { id: a.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The student (a person of the register).' })
  person(@Root() a: StudentAid): PersonKey {
    return { id: a.personId };
  }

  @FieldResolver(() => Student, { description: 'The enrolment the aid was granted for.' })
  async student(@Root() a: StudentAid, @Ctx() ctx: SubgraphContext): Promise<Student> {
    return (await ctx.loaders.get(studentById).load(a.studentId))!;
  }
}

@Resolver(() => DropoutCase)
export class DropoutCaseResolver {
  @FieldResolver(() => HouseholdKey, { description: 'The household of the register.' })
  household(@Root() d: DropoutCase): HouseholdKey {
    return { id: d.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The child (a person of the register).' })
  person(@Root() d: DropoutCase): PersonKey {
    return { id: d.personId };
  }

  @FieldResolver(() => Boolean, { description: 'True while the child is out of school (no resolution yet).' })
  open(@Root() d: DropoutCase): boolean {
    return d.resolution === null;
  }

  @FieldResolver(() => [DropoutFollowUp], { description: '劝返 follow-ups, oldest first.' })
  followUps(@Root() d: DropoutCase, @Ctx() ctx: SubgraphContext): Promise<DropoutFollowUp[]> {
    return ctx.loaders.get(followUpsByCase).load(d.id);
  }
}

@Resolver(() => HomeTeaching)
export class HomeTeachingResolver {
  @FieldResolver(() => HouseholdKey, { description: 'The household of the register.' })
  household(@Root() h: HomeTeaching): HouseholdKey {
    return { id: h.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The child (a person of the register).' })
  person(@Root() h: HomeTeaching): PersonKey {
    return { id: h.personId };
  }

  @FieldResolver(() => DropoutCase, { nullable: true, description: 'The dropout case the home teaching resolved, if any.' })
  dropoutCase(@Root() h: HomeTeaching, @Ctx() ctx: SubgraphContext): Promise<DropoutCase | null> | null {
    return h.dropoutCaseId ? ctx.loaders.get(dropoutById).load(h.dropoutCaseId) : null;
  }
}
