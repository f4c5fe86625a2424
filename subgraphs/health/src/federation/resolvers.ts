import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SubgraphContext, validateDataYear } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { InsuranceScheme } from '../codes';
import { FamilyDoctorContract } from '../contracts/entities';
import { contractsByHousehold, contractsByPerson } from '../contracts/loaders';
import { InsuranceEnrolment } from '../insurance/entities';
import { enrolmentsByHousehold, enrolmentsByPerson } from '../insurance/loaders';
import { HospitalSettlement } from '../settlements/entities';
import { settlementsByHousehold, settlementsByPerson } from '../settlements/loaders';
import { SeriousIllnessTreatment } from '../treatments/entities';
import { treatmentsByHousehold, treatmentsByPerson } from '../treatments/loaders';
import { activeEnrolment, personCover } from '../assistance/cover';
import { knownPersonsByHousehold } from './loaders';
import { HouseholdCover, InsuranceYear, MemberCover } from './types';

const YEAR_FILTER = 'Only this year (optional).';

function checkYear(year: number | null | undefined): void {
  if (year != null) validateDataYear(year, 'year');
}

/** The register's Household, extended with the health department's records (all through DataLoader). */
@Resolver(() => HouseholdKey)
export class HouseholdHealthResolver {
  @FieldResolver(() => [HospitalSettlement], { description: '住院结算 of the household\'s members, by admission date.' })
  async hospitalSettlements(
    @Root() household: HouseholdKey,
    @Arg('year', () => Int, { nullable: true, description: 'Only this settlement (discharge) year.' }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HospitalSettlement[]> {
    checkYear(year);
    const all = await ctx.loaders.get(settlementsByHousehold).load(household.id);
    return year == null ? all : all.filter((s) => s.year === year);
  }

  @FieldResolver(() => [InsuranceEnrolment], { description: '参保 records of the household\'s members, by year, person and scheme.' })
  async insuranceEnrolments(
    @Root() household: HouseholdKey,
    @Arg('year', () => Int, { nullable: true, description: YEAR_FILTER }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InsuranceEnrolment[]> {
    checkYear(year);
    const all = await ctx.loaders.get(enrolmentsByHousehold).load(household.id);
    return year == null ? all : all.filter((e) => e.year === year);
  }

  @FieldResolver(() => [FamilyDoctorContract], { description: '家庭医生签约 of the household\'s members.' })
  async doctorContracts(
    @Root() household: HouseholdKey,
    @Arg('year', () => Int, { nullable: true, description: 'Only contracts running in this year.' }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FamilyDoctorContract[]> {
    checkYear(year);
    const all = await ctx.loaders.get(contractsByHousehold).load(household.id);
    return year == null ? all : all.filter((c) => c.activeInYear(year));
  }

  @FieldResolver(() => [SeriousIllnessTreatment], { description: '大病专项救治 cases of the household\'s members.' })
  specialTreatments(@Root() household: HouseholdKey, @Ctx() ctx: SubgraphContext): Promise<SeriousIllnessTreatment[]> {
    return ctx.loaders.get(treatmentsByHousehold).load(household.id);
  }

  @FieldResolver(() => HouseholdCover, {
    description: 'Basic and critical-illness enrolment of every person health knows in the household, for the exit rule (基本医疗有保障). See the type for what health cannot know.',
  })
  async basicMedicalCover(@Root() household: HouseholdKey, @Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<HouseholdCover> {
    validateDataYear(year, 'year');
    const [persons, enrolments] = await Promise.all([
      ctx.loaders.get(knownPersonsByHousehold).load(household.id),
      ctx.loaders.get(enrolmentsByHousehold).load(household.id),
    ]);
    // The same per-person rule as the exit predicate (assistance/cover.ts), over the persons health knows.
    const members: MemberCover[] = persons.map((personId) => {
      const { basic, critical, covered } = personCover(personId, enrolments, year);
      return {
        personId,
        person: { id: personId },
        basicEnrolled: basic !== null,
        criticalIllnessEnrolled: critical !== null,
        covered,
        basicEnrolment: basic,
        criticalIllnessEnrolment: critical,
      };
    });
    const uncovered = members.filter((m) => !m.covered).length;
    const cover = new HouseholdCover();
    Object.assign(cover, {
      householdId: household.id,
      year,
      members,
      knownMemberCount: members.length,
      uncoveredMemberCount: uncovered,
      allKnownMembersCovered: members.length > 0 && uncovered === 0,
    });
    return cover;
  }
}

/** The register's Person, extended with the health department's records (all through DataLoader). */
@Resolver(() => PersonKey)
export class PersonHealthResolver {
  @FieldResolver(() => InsuranceYear, { description: 'The person\'s medical insurance in a year.' })
  async healthInsurance(@Root() person: PersonKey, @Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<InsuranceYear> {
    validateDataYear(year, 'year');
    const enrolments = (await ctx.loaders.get(enrolmentsByPerson).load(person.id)).filter((e) => e.year === year);
    const basic = activeEnrolment(enrolments, year, InsuranceScheme.BASIC) !== null;
    const critical = activeEnrolment(enrolments, year, InsuranceScheme.CRITICAL_ILLNESS) !== null;
    return {
      personId: person.id,
      year,
      basicEnrolled: basic,
      criticalIllnessEnrolled: critical,
      commercialTopUpEnrolled: activeEnrolment(enrolments, year, InsuranceScheme.COMMERCIAL_TOP_UP) !== null,
      covered: basic && critical,
      enrolments,
    };
  }

  @FieldResolver(() => [InsuranceEnrolment], { description: '参保 records, by year and scheme.' })
  async insuranceEnrolments(
    @Root() person: PersonKey,
    @Arg('year', () => Int, { nullable: true, description: YEAR_FILTER }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InsuranceEnrolment[]> {
    checkYear(year);
    const all = await ctx.loaders.get(enrolmentsByPerson).load(person.id);
    return year == null ? all : all.filter((e) => e.year === year);
  }

  @FieldResolver(() => [FamilyDoctorContract], { description: '家庭医生签约, oldest first.' })
  doctorContracts(@Root() person: PersonKey, @Ctx() ctx: SubgraphContext): Promise<FamilyDoctorContract[]> {
    return ctx.loaders.get(contractsByPerson).load(person.id);
  }

  @FieldResolver(() => [SeriousIllnessTreatment], { description: '大病专项救治 cases.' })
  specialTreatments(@Root() person: PersonKey, @Ctx() ctx: SubgraphContext): Promise<SeriousIllnessTreatment[]> {
    return ctx.loaders.get(treatmentsByPerson).load(person.id);
  }

  @FieldResolver(() => [HospitalSettlement], { description: '住院结算, by admission date.' })
  async hospitalSettlements(
    @Root() person: PersonKey,
    @Arg('year', () => Int, { nullable: true, description: 'Only this settlement (discharge) year.' }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HospitalSettlement[]> {
    checkYear(year);
    const all = await ctx.loaders.get(settlementsByPerson).load(person.id);
    return year == null ? all : all.filter((s) => s.year === year);
  }
}
