import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { MoneyScalar, SubgraphContext, validateDataYear } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { StudentAidItem, StudentAidStatus } from '../codes';
import { assessCompulsoryEducation, CompulsoryEducationCheck } from './compulsory';
import { DropoutCase, HomeTeaching, Student, StudentAid } from './entities';
import {
  aidByHousehold,
  aidByPerson,
  dropoutsByHousehold,
  dropoutsByPerson,
  homeTeachingByHousehold,
  homeTeachingByPerson,
  studentsByHousehold,
  studentsByPerson,
} from './loaders';

function checkYear(year: number | null | undefined): void {
  if (year !== null && year !== undefined) validateDataYear(year, 'year');
}

/** Education's fields on the register's households; each loads through a batched loader. */
@Resolver(() => HouseholdKey)
export class HouseholdEducationResolver {
  @FieldResolver(() => [Student], { description: '学籍: the members\' enrolments, by school year; only that school year\'s if `year` is given.' })
  async students(@Root() h: HouseholdKey, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: SubgraphContext): Promise<Student[]> {
    checkYear(year);
    const rows = await ctx.loaders.get(studentsByHousehold).load(h.id);
    return year === null || year === undefined ? rows : rows.filter((s) => s.schoolYear === year);
  }

  @FieldResolver(() => [StudentAid], { description: 'Student aid granted to the members, oldest first; `year` is the calendar year of the semester.' })
  async studentAid(
    @Root() h: HouseholdKey,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('item', () => StudentAidItem, { nullable: true }) item: StudentAidItem | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StudentAid[]> {
    checkYear(year);
    const rows = await ctx.loaders.get(aidByHousehold).load(h.id);
    return rows.filter((a) => (year == null || a.year === year) && (item == null || a.item === item));
  }

  @FieldResolver(() => MoneyScalar, { description: 'Sum of the aid granted (not revoked) to the members; in one calendar year if `year` is given.' })
  async studentAidTotal(@Root() h: HouseholdKey, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: SubgraphContext): Promise<number> {
    checkYear(year);
    const rows = await ctx.loaders.get(aidByHousehold).load(h.id);
    return rows.filter((a) => a.status === StudentAidStatus.GRANTED && (year == null || a.year === year)).reduce((sum, a) => sum + a.amount, 0);
  }

  @FieldResolver(() => [DropoutCase], { description: '控辍保学 cases of the members; only open ones if `openOnly`.' })
  async dropoutCases(
    @Root() h: HouseholdKey,
    @Arg('openOnly', () => Boolean, { defaultValue: false }) openOnly: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DropoutCase[]> {
    const rows = await ctx.loaders.get(dropoutsByHousehold).load(h.id);
    return openOnly ? rows.filter((d) => d.resolution === null) : rows;
  }

  @FieldResolver(() => [HomeTeaching], { description: '送教上门 of the members, by school year.' })
  async homeTeaching(@Root() h: HouseholdKey, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: SubgraphContext): Promise<HomeTeaching[]> {
    checkYear(year);
    const rows = await ctx.loaders.get(homeTeachingByHousehold).load(h.id);
    return year == null ? rows : rows.filter((r) => r.schoolYear === year);
  }

  @FieldResolver(() => CompulsoryEducationCheck, {
    description: '义务教育有保障 in a school year: school-age children known to education and whether each is enrolled, taught at home or out of school.',
  })
  async compulsoryEducation(@Root() h: HouseholdKey, @Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<CompulsoryEducationCheck> {
    validateDataYear(year, 'year');
    const [students, dropouts, home] = await Promise.all([
      ctx.loaders.get(studentsByHousehold).load(h.id),
      ctx.loaders.get(dropoutsByHousehold).load(h.id),
      ctx.loaders.get(homeTeachingByHousehold).load(h.id),
    ]);
    return assessCompulsoryEducation(year, students, dropouts, home);
  }
}

/** Education's fields on the register's persons. */
@Resolver(() => PersonKey)
export class PersonEducationResolver {
  @FieldResolver(() => [Student], { description: '学籍: the person\'s enrolments, oldest school year first.' })
  enrolments(@Root() p: PersonKey, @Ctx() ctx: SubgraphContext): Promise<Student[]> {
    return ctx.loaders.get(studentsByPerson).load(p.id);
  }

  @FieldResolver(() => Student, { nullable: true, description: 'The enrolment in one school year (2019 = 2019-09 to 2020-08).' })
  async enrolment(@Root() p: PersonKey, @Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<Student | null> {
    validateDataYear(year, 'year');
    return (await ctx.loaders.get(studentsByPerson).load(p.id)).find((s) => s.schoolYear === year) ?? null;
  }

  @FieldResolver(() => [StudentAid], { description: 'Aid granted to the person, oldest first; `year` is the calendar year of the semester.' })
  async studentAid(@Root() p: PersonKey, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: SubgraphContext): Promise<StudentAid[]> {
    checkYear(year);
    const rows = await ctx.loaders.get(aidByPerson).load(p.id);
    return year == null ? rows : rows.filter((a) => a.year === year);
  }

  @FieldResolver(() => [DropoutCase], { description: '控辍保学 cases of the person.' })
  dropoutCases(@Root() p: PersonKey, @Ctx() ctx: SubgraphContext): Promise<DropoutCase[]> {
    return ctx.loaders.get(dropoutsByPerson).load(p.id);
  }

  @FieldResolver(() => [HomeTeaching], { description: '送教上门 of the person, by school year.' })
  homeTeaching(@Root() p: PersonKey, @Ctx() ctx: SubgraphContext): Promise<HomeTeaching[]> {
    return ctx.loaders.get(homeTeachingByPerson).load(p.id);
  }
}
