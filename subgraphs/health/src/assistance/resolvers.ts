import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  AreaAssistanceRef, AreaVerdict, assessmentDate, contribution, ContributionRole, DepartmentContribution, DutyAreaCode, ExitAssessmentRef,
  MEMBERS_REQUIREMENT, needed, notNeeded, predicate, Predicate, PredicateStatus, SubgraphContext, validateDataYear,
} from '@saf/kit';
import { HEALTH_DEPARTMENT } from '../codes';
import { contractsByHousehold } from '../contracts/loaders';
import { enrolmentsByHousehold } from '../insurance/loaders';
import { settlementsByHousehold } from '../settlements/loaders';
import { treatmentsByHousehold } from '../treatments/loaders';
import { assessBasicMedicalCare, BasicMedicalCare } from './cover';
import { AreaAssistanceKey, ExitAssessmentKey } from './keys';
import { healthMeasures } from './measures';

export const BASIC_MEDICAL_CARE = 'BASIC_MEDICAL_CARE';

/** The rule for one household and year, or null when the register's members were not supplied. */
async function assess(ref: { householdId: string; year: number; members?: ExitAssessmentRef['members'] }, ctx: SubgraphContext): Promise<BasicMedicalCare | null> {
  if (!ref.members) return null;
  const enrolments = await ctx.loaders.get(enrolmentsByHousehold).load(ref.householdId);
  return assessBasicMedicalCare(ref.members, enrolments, ref.year, assessmentDate(ref.year));
}

function verdictOf(a: BasicMedicalCare): AreaVerdict {
  if (a.status === PredicateStatus.NOT_APPLICABLE) return notNeeded(a.reason);
  return needed(a.status === PredicateStatus.MET, a.reason, a.evidence, a.expects);
}

/** Health's part of the sector view: it leads HEALTH (健康扶贫) and takes part in no other area. */
@Resolver(() => AreaAssistanceKey)
export class AreaAssistanceHealthResolver {
  @FieldResolver(() => DepartmentContribution, {
    nullable: true,
    description:
      "Health's measures in the area for the year (enrolments, family-doctor contracts, special treatments, hospital settlements) and, as LEAD of HEALTH, its verdict: needed when the household has active members; met when each is enrolled in basic and critical-illness insurance in the year; expects finance's payment of each finance-subsidised basic premium. Null for other areas.",
  })
  @Directive(`@requires(fields: "${MEMBERS_REQUIREMENT}")`)
  async health(@Root() ref: AreaAssistanceRef, @Ctx() ctx: SubgraphContext): Promise<DepartmentContribution | null> {
    if (ref.area !== DutyAreaCode.HEALTH) return null;
    validateDataYear(ref.year, 'year');
    const [enrolments, contracts, treatments, settlements, care] = await Promise.all([
      ctx.loaders.get(enrolmentsByHousehold).load(ref.householdId),
      ctx.loaders.get(contractsByHousehold).load(ref.householdId),
      ctx.loaders.get(treatmentsByHousehold).load(ref.householdId),
      ctx.loaders.get(settlementsByHousehold).load(ref.householdId),
      assess(ref, ctx),
    ]);
    const measures = healthMeasures({ enrolments, contracts, treatments, settlements }, ref.year);
    return contribution(HEALTH_DEPARTMENT, ContributionRole.LEAD, measures, care && verdictOf(care));
  }
}

/** Health's predicate of the exit rule: 基本医疗有保障 (reference/domain.md §3.1 row 5, insurance part). */
@Resolver(() => ExitAssessmentKey)
export class ExitAssessmentHealthResolver {
  @FieldResolver(() => Predicate, {
    nullable: true,
    description:
      'BASIC_MEDICAL_CARE: MET when every active member is enrolled in basic and critical-illness insurance in the year (a member with no record is not insured), NOT_MET naming the uninsured members, NOT_APPLICABLE without active members. Evidence: the enrolments.',
  })
  @Directive(`@requires(fields: "${MEMBERS_REQUIREMENT}")`)
  async basicMedicalCare(@Root() ref: ExitAssessmentRef, @Ctx() ctx: SubgraphContext): Promise<Predicate | null> {
    validateDataYear(ref.year, 'year');
    const care = await assess(ref, ctx);
    return care && predicate(BASIC_MEDICAL_CARE, HEALTH_DEPARTMENT, care.status, care.reason, care.evidence);
  }
}
