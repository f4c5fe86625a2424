import { SubgraphContext } from '@saf/kit';
import { DropoutCase, DropoutFollowUp, HomeTeaching, Student, StudentAid } from '../students/entities';
import { aidByHousehold, dropoutsByHousehold, followUpsByHousehold, homeTeachingByHousehold, studentsByHousehold } from '../students/loaders';

/** Everything education holds on one household (every year), as the assistance fields need it. */
export interface HouseholdEducation {
  students: Student[];
  aid: StudentAid[];
  dropouts: DropoutCase[];
  homeTeaching: HomeTeaching[];
  followUps: DropoutFollowUp[];
}

/**
 * Loads a household's records through the request's DataLoaders: one statement per table for all
 * the households of an `_entities` call (the ~19 areas of a household share its key), in parallel,
 * so the count is the same whatever the households hold.
 */
export async function loadHouseholdEducation(ctx: SubgraphContext, householdId: string, withFollowUps: boolean): Promise<HouseholdEducation> {
  const [students, aid, dropouts, homeTeaching, followUps] = await Promise.all([
    ctx.loaders.get(studentsByHousehold).load(householdId),
    ctx.loaders.get(aidByHousehold).load(householdId),
    ctx.loaders.get(dropoutsByHousehold).load(householdId),
    ctx.loaders.get(homeTeachingByHousehold).load(householdId),
    withFollowUps ? ctx.loaders.get(followUpsByHousehold).load(householdId) : Promise.resolve([]),
  ]);
  return { students, aid, dropouts, homeTeaching, followUps };
}
