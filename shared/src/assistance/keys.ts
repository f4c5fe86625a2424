import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar } from '../scalars';
import { DutyAreaCode } from './codes';
import { RegisterMember } from './types';

export interface AssistanceKeyOptions {
  /**
   * Declare the register's member list as `@external`, for a department whose verdict or
   * predicate needs every member (with `@requires(fields: "${MEMBERS_REQUIREMENT}")`).
   */
  externalMembers?: boolean;
}

/** The selection a department's field puts in `@requires` to receive the register's members. */
export const MEMBERS_REQUIREMENT = 'members { personId birthDate active }';

/**
 * The two entities of the sector view, as a department other than the poverty office sees them:
 * key fields only (plus, optionally, the register's members). The poverty office originates them
 * from `Household.assistance` and `Household.exitAssessment`; each department adds its fields
 * with `@Resolver(() => AreaAssistanceKey)` / `@Resolver(() => ExitAssessmentKey)`.
 *
 * Like defineRegisterKeys, each department calls this once in its own module.
 */
export function defineAssistanceKeys(options: AssistanceKeyOptions = {}) {
  @ObjectType('AreaAssistance', { description: 'One duty area of one household in one year: the sector assistance view.' })
  @Directive('@key(fields: "householdId area year")')
  class AreaAssistanceKey {
    @Field(() => HouseholdIdScalar)
    householdId: string;

    @Field(() => DutyAreaCode)
    area: DutyAreaCode;

    @Field(() => Int)
    year: number;

    members?: RegisterMember[];
  }

  @ObjectType('ExitAssessment', { description: 'The exit rule (两不愁三保障) for one household and year.' })
  @Directive('@key(fields: "householdId year")')
  class ExitAssessmentKey {
    @Field(() => HouseholdIdScalar)
    householdId: string;

    @Field(() => Int)
    year: number;

    members?: RegisterMember[];
  }

  if (options.externalMembers) {
    for (const target of [AreaAssistanceKey, ExitAssessmentKey]) {
      Field(() => [RegisterMember], { description: "The register's members (owned by the poverty office)." })(target.prototype, 'members');
      Directive('@external')(target.prototype, 'members');
    }
  }

  return { AreaAssistanceKey, ExitAssessmentKey };
}

/** The key (and members, when required) that the gateway hands a department's field resolvers. */
export interface AreaAssistanceRef {
  householdId: string;
  area: DutyAreaCode;
  year: number;
  members?: RegisterMember[];
}

export interface ExitAssessmentRef {
  householdId: string;
  year: number;
  members?: RegisterMember[];
}
