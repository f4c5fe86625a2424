import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DutyAreaCode, HouseholdIdScalar, PersonIdScalar } from '@saf/kit';
import { PovertyCause, PovertyStatus, WelfareCategory } from '../register/codes';
import '../register/enums';

/**
 * The two entities of the sector view, originated here: the poverty office owns the register, so
 * it knows which households exist and who their members are. Every other department declares the
 * same types with the kit's defineAssistanceKeys() (key fields only) and adds one field each.
 *
 * The ObjectType names and key fields must stay identical to the kit's key-only classes.
 */

@ObjectType('AreaAssistance', { description: 'One duty area of one household in one year: the sector assistance view.' })
@Directive('@key(fields: "householdId area year")')
export class AreaAssistance {
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Field(() => DutyAreaCode)
  area: DutyAreaCode;

  /** Verdicts are taken on assessmentDate(year): 31 December, or today while the year runs. */
  @Field(() => Int)
  year: number;
}

@ObjectType('ExitAssessment', { description: 'The exit rule (两不愁三保障) for one household and year.' })
@Directive('@key(fields: "householdId year")')
export class ExitAssessment {
  @Field(() => HouseholdIdScalar)
  householdId: string;

  /** Predicates are taken on assessmentDate(year): 31 December, or today while the year runs. */
  @Field(() => Int)
  year: number;
}

export function areaAssistance(householdId: string, area: DutyAreaCode, year: number): AreaAssistance {
  return Object.assign(new AreaAssistance(), { householdId, area, year });
}

export function exitAssessment(householdId: string, year: number): ExitAssessment {
  return Object.assign(new ExitAssessment(), { householdId, year });
}

@ObjectType({ description: 'Registered households and their active members per region group, status on the assessment date, welfare category and main cause (dashboards).' })
export class RegisterTotal {
  @Field(() => String, { description: 'The region code prefix of the grouping level.' })
  regionCode: string;

  @Field(() => PovertyStatus, { description: 'The status in force on assessmentDate(year), from the status history.' })
  status: PovertyStatus;

  @Field(() => WelfareCategory, { description: 'The current welfare category (the register does not date it).' })
  welfareCategory: WelfareCategory;

  @Field(() => PovertyCause, { description: 'The current main poverty cause.' })
  mainCause: PovertyCause;

  @Field(() => Int, { nullable: true, description: 'Registered households (null when suppressed).' })
  households: number | null;

  @Field(() => Int, { nullable: true, description: 'Current (ACTIVE) members of those households (null when suppressed).' })
  persons: number | null;

  @Field(() => Boolean, { description: 'True when the counts are withheld (null) because the cell has 1 to 4 households (analyst and dashboard roles).' })
  suppressed: boolean = false;
}

@ObjectType({ description: "A registered household's welfare category and current members: the poverty office's side of 两线合一 (reconciling the dibao and poverty lines)." })
export class WelfareRosterEntry {
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Field(() => WelfareCategory)
  welfareCategory: WelfareCategory;

  @Field(() => [PersonIdScalar], { description: 'Current (ACTIVE) members, in person ID order.' })
  activePersonIds: string[];
}

