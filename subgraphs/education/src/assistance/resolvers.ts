import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  AreaAssistanceRef,
  contribution,
  DepartmentContribution,
  ExitAssessmentRef,
  MEMBERS_REQUIREMENT,
  Predicate,
  SubgraphContext,
  validateDataYear,
} from '@saf/kit';
import { EDUCATION_DUTY_AREA } from '../codes';
import { AreaAssistanceKey, ExitAssessmentKey } from './keys';
import { EDUCATION_DEPARTMENT, EDUCATION_ROLES, educationMeasures } from './measures';
import { loadHouseholdEducation } from './records';
import { compulsoryCheck, compulsoryEducationPredicate, educationVerdict } from './rule';

/** Education's contribution to the sector view: one field on every area of every household. */
@Resolver(() => AreaAssistanceKey)
export class AreaAssistanceEducationResolver {
  @FieldResolver(() => DepartmentContribution, {
    nullable: true,
    description:
      "Education's measures in this area and year (student aid of the year's semesters, home teaching, dropout follow-ups) and, for EDUCATION, " +
      'which it leads, its verdict: needed when there is a school-age child, a student or aid due; met when no school-age child is out of school ' +
      'and every entitled aid item was granted; expects FINANCE to pay each aid grant. Null where education has nothing.',
  })
  @Directive(`@requires(fields: "${MEMBERS_REQUIREMENT}")`)
  async education(@Root() area: AreaAssistanceRef, @Ctx() ctx: SubgraphContext): Promise<DepartmentContribution | null> {
    const role = EDUCATION_ROLES[area.area];
    if (!role) return null;
    validateDataYear(area.year, 'year');
    const lead = area.area === EDUCATION_DUTY_AREA;
    const records = await loadHouseholdEducation(ctx, area.householdId, lead);
    const verdict = lead ? educationVerdict(area.year, records, area.members) : null;
    return contribution(EDUCATION_DEPARTMENT, role, educationMeasures(area.area, area.year, records), verdict);
  }
}

/** Education's exit predicate: 义务教育有保障. */
@Resolver(() => ExitAssessmentKey)
export class ExitAssessmentEducationResolver {
  @FieldResolver(() => Predicate, {
    nullable: true,
    description:
      'COMPULSORY_EDUCATION (义务教育有保障) in school year `year`, on its assessment date: MET when every school-age (6-15) active member is ' +
      'enrolled or taught at home, NOT_MET naming the children out of school (a member with no education record counts as out of school), ' +
      'NOT_APPLICABLE when there is no school-age child.',
  })
  @Directive(`@requires(fields: "${MEMBERS_REQUIREMENT}")`)
  async compulsoryEducation(@Root() exit: ExitAssessmentRef, @Ctx() ctx: SubgraphContext): Promise<Predicate> {
    validateDataYear(exit.year, 'year');
    const records = await loadHouseholdEducation(ctx, exit.householdId, false);
    return compulsoryEducationPredicate(compulsoryCheck(exit.year, records, exit.members));
  }
}
