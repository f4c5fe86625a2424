import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, SubgraphContext, todayLocalDate } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { coveredOn } from './dibaoResolver';
import { DestituteSupport, DibaoCoveredPerson, DibaoEnrolment, DisabilityAllowance, MedicalAssistanceGrant, TemporaryAssistanceEvent } from './entities';
import {
  activeOn,
  coverageByPerson,
  destituteSupportsByHousehold,
  destituteSupportsByPerson,
  dibaoEnrolmentsByHousehold,
  disabilityAllowancesByHousehold,
  disabilityAllowancesByPerson,
  medicalAssistanceByHousehold,
  medicalAssistanceByPerson,
  temporaryAssistanceByHousehold,
} from './loaders';

/**
 * Civil affairs' fields on the register's Household and Person: whatever a gateway query asks, each
 * field costs one SQL statement per request (a DataLoader batch), however many households.
 */
@Resolver(() => HouseholdKey)
export class HouseholdCivilAffairsResolver {
  @FieldResolver(() => DibaoEnrolment, { nullable: true, description: '低保: the dibao enrolment in force on a date (default today); null when none.' })
  async dibao(
    @Root() household: HouseholdKey,
    @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DibaoEnrolment | null> {
    const date = on ?? todayLocalDate();
    const enrolments = await ctx.loaders.get(dibaoEnrolmentsByHousehold).load(household.id);
    return enrolments.find((e) => activeOn(e, date)) ?? null;
  }

  @FieldResolver(() => [DibaoEnrolment], { description: 'Every dibao enrolment of the household, oldest first.' })
  dibaoEnrolments(@Root() household: HouseholdKey, @Ctx() ctx: SubgraphContext): Promise<DibaoEnrolment[]> {
    return ctx.loaders.get(dibaoEnrolmentsByHousehold).load(household.id);
  }

  @FieldResolver(() => [DestituteSupport], { description: '特困供养 of the household\'s members; only those in force on `activeOn` if given.' })
  async destituteSupports(
    @Root() household: HouseholdKey,
    @Arg('activeOn', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DestituteSupport[]> {
    const rows = await ctx.loaders.get(destituteSupportsByHousehold).load(household.id);
    return on ? rows.filter((s) => activeOn(s, on)) : rows;
  }

  @FieldResolver(() => [TemporaryAssistanceEvent], { description: '临时救助 events, oldest first; only those approved in `year` if given.' })
  async temporaryAssistance(
    @Root() household: HouseholdKey,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TemporaryAssistanceEvent[]> {
    const rows = await ctx.loaders.get(temporaryAssistanceByHousehold).load(household.id);
    return year == null ? rows : rows.filter((t) => t.year === year);
  }

  @FieldResolver(() => [DisabilityAllowance], { description: '残疾人两项补贴 of the household\'s members; only those paid on `activeOn` if given.' })
  async disabilityAllowances(
    @Root() household: HouseholdKey,
    @Arg('activeOn', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisabilityAllowance[]> {
    const rows = await ctx.loaders.get(disabilityAllowancesByHousehold).load(household.id);
    return on ? rows.filter((a) => activeOn(a, on)) : rows;
  }

  @FieldResolver(() => [MedicalAssistanceGrant], { description: '医疗救助 grants to the household\'s members (support to HEALTH), oldest first; only `year`\'s if given.' })
  async medicalAssistance(
    @Root() household: HouseholdKey,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MedicalAssistanceGrant[]> {
    const rows = await ctx.loaders.get(medicalAssistanceByHousehold).load(household.id);
    return year == null ? rows : rows.filter((m) => m.year === year);
  }
}

@Resolver(() => PersonKey)
export class PersonCivilAffairsResolver {
  @FieldResolver(() => Boolean, { description: 'Whether a dibao enrolment covers the person on a date (default today).' })
  async dibaoCovered(
    @Root() person: PersonKey,
    @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    const date = on ?? todayLocalDate();
    return (await ctx.loaders.get(coverageByPerson).load(person.id)).some((c) => coveredOn(c, date));
  }

  @FieldResolver(() => [DibaoCoveredPerson], { description: 'Every dibao coverage period of the person, oldest first.' })
  dibaoCoverage(@Root() person: PersonKey, @Ctx() ctx: SubgraphContext): Promise<DibaoCoveredPerson[]> {
    return ctx.loaders.get(coverageByPerson).load(person.id);
  }

  @FieldResolver(() => DestituteSupport, { nullable: true, description: '特困供养 in force on a date (default today); null when none.' })
  async destituteSupport(
    @Root() person: PersonKey,
    @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DestituteSupport | null> {
    const date = on ?? todayLocalDate();
    return (await ctx.loaders.get(destituteSupportsByPerson).load(person.id)).find((s) => activeOn(s, date)) ?? null;
  }

  @FieldResolver(() => [DestituteSupport], { description: 'Every destitute support record of the person, oldest first.' })
  destituteSupports(@Root() person: PersonKey, @Ctx() ctx: SubgraphContext): Promise<DestituteSupport[]> {
    return ctx.loaders.get(destituteSupportsByPerson).load(person.id);
  }

  @FieldResolver(() => [DisabilityAllowance], { description: '残疾人两项补贴; only those paid on `activeOn` if given.' })
  async disabilityAllowances(
    @Root() person: PersonKey,
    @Arg('activeOn', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisabilityAllowance[]> {
    const rows = await ctx.loaders.get(disabilityAllowancesByPerson).load(person.id);
    return on ? rows.filter((a) => activeOn(a, on)) : rows;
  }

  @FieldResolver(() => [MedicalAssistanceGrant], { description: '医疗救助 grants, oldest first; only `year`\'s if given.' })
  async medicalAssistance(
    @Root() person: PersonKey,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MedicalAssistanceGrant[]> {
    const rows = await ctx.loaders.get(medicalAssistanceByPerson).load(person.id);
    return year == null ? rows : rows.filter((m) => m.year === year);
  }
}
