import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { MoneyScalar, SubgraphContext } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { DANGEROUS_RATINGS, HOUSING_DEPARTMENT, RELOCATION_DUTY, RENOVATION_DUTY } from '../codes';
import { DwellingAppraisal, RelocationHousing, RenovationProject } from './entities';
import { appraisalById, membersByRelocation, renovationByAppraisal } from './loaders';

const DEPARTMENT_DESCRIPTION = 'The department that keeps the record (duty-matrix code).';
const AREA_DESCRIPTION = 'The duty area (duty-matrix code) the record serves.';
const ROLE_DESCRIPTION = 'The housing department\'s role in that area: LEAD (牵头) or SUPPORT (配合).';

@Resolver(() => DwellingAppraisal)
export class DwellingAppraisalResolver {
  @FieldResolver(() => HouseholdKey, { description: 'The appraised household.' })
  household(@Root() appraisal: DwellingAppraisal): HouseholdKey {
    return { id: appraisal.householdId };
  }

  @FieldResolver(() => Int, { description: 'Year of the appraisal.' })
  year(@Root() appraisal: DwellingAppraisal): number {
    return Number(appraisal.appraisalDate.slice(0, 4));
  }

  @FieldResolver(() => Boolean, { description: 'Rated C or D: a dangerous house (危房).' })
  dangerous(@Root() appraisal: DwellingAppraisal): boolean {
    return DANGEROUS_RATINGS.has(appraisal.rating);
  }

  @FieldResolver(() => RenovationProject, { nullable: true, description: 'The renovation project this appraisal triggered, if any.' })
  renovation(@Root() appraisal: DwellingAppraisal, @Ctx() ctx: SubgraphContext): Promise<RenovationProject | null> {
    return ctx.loaders.get(renovationByAppraisal).load(appraisal.id);
  }

  @FieldResolver(() => String, { description: DEPARTMENT_DESCRIPTION })
  department(): string {
    return HOUSING_DEPARTMENT;
  }

  @FieldResolver(() => String, { description: AREA_DESCRIPTION })
  dutyArea(): string {
    return RENOVATION_DUTY.area;
  }

  @FieldResolver(() => String, { description: ROLE_DESCRIPTION })
  dutyRole(): string {
    return RENOVATION_DUTY.role;
  }
}

@Resolver(() => RenovationProject)
export class RenovationProjectResolver {
  @FieldResolver(() => HouseholdKey, { description: 'The household whose dwelling is renovated.' })
  household(@Root() project: RenovationProject): HouseholdKey {
    return { id: project.householdId };
  }

  @FieldResolver(() => DwellingAppraisal, { description: 'The C/D appraisal that triggered the project.' })
  async appraisal(@Root() project: RenovationProject, @Ctx() ctx: SubgraphContext): Promise<DwellingAppraisal | null> {
    return ctx.loaders.get(appraisalById).load(project.appraisalId);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Subsidy plus self-raised funds.' })
  totalCost(@Root() project: RenovationProject): number {
    return Number(project.subsidy) + Number(project.selfRaisedFunds);
  }

  @FieldResolver(() => String, { description: DEPARTMENT_DESCRIPTION })
  department(): string {
    return HOUSING_DEPARTMENT;
  }

  @FieldResolver(() => String, { description: AREA_DESCRIPTION })
  dutyArea(): string {
    return RENOVATION_DUTY.area;
  }

  @FieldResolver(() => String, { description: ROLE_DESCRIPTION })
  dutyRole(): string {
    return RENOVATION_DUTY.role;
  }
}

@Resolver(() => RelocationHousing)
export class RelocationHousingResolver {
  @FieldResolver(() => HouseholdKey, { description: 'The relocated household.' })
  household(@Root() relocation: RelocationHousing): HouseholdKey {
    return { id: relocation.householdId };
  }

  @FieldResolver(() => [PersonKey], { description: '搬迁人口: the persons relocated, in person ID order.' })
  async relocatedPersons(@Root() relocation: RelocationHousing, @Ctx() ctx: SubgraphContext): Promise<PersonKey[]> {
    return (await ctx.loaders.get(membersByRelocation).load(relocation.id)).map((m) => ({ id: m.personId }));
  }

  @FieldResolver(() => Float, { description: 'Unit area per relocated person, square metres.' })
  areaPerPerson(@Root() relocation: RelocationHousing): number {
    return Math.round((relocation.unitArea / relocation.personsRelocated) * 100) / 100;
  }

  @FieldResolver(() => String, { description: DEPARTMENT_DESCRIPTION })
  department(): string {
    return HOUSING_DEPARTMENT;
  }

  @FieldResolver(() => String, { description: AREA_DESCRIPTION })
  dutyArea(): string {
    return RELOCATION_DUTY.area;
  }

  @FieldResolver(() => String, { description: ROLE_DESCRIPTION })
  dutyRole(): string {
    return RELOCATION_DUTY.role;
  }

  @FieldResolver(() => String, { description: 'The lead department of the RELOCATION area (development and reform commission).' })
  leadDepartment(): string {
    return RELOCATION_DUTY.lead;
  }
}
