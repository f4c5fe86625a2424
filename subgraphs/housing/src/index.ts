import { DepartmentDefinition, SubgraphContext } from '@saf/kit';
import { Housing1700000000001 } from './migrations/1700000000001-Housing';
import { DwellingAppraisal, RelocationHousing, RelocationMember, RenovationProject } from './housing/entities';
import { HousingHouseholdResolver, HousingPersonResolver } from './housing/householdResolver';
import { appraisalById, relocationById, renovationById } from './housing/loaders';
import { HousingMutationResolver } from './housing/mutationResolver';
import { HousingAggregateResolver } from './assistance/aggregates';
import { HousingAreaAssistanceResolver, HousingExitAssessmentResolver } from './assistance/resolvers';
import { HousingQueryResolver } from './housing/queries';
import { DwellingAppraisalResolver, RelocationHousingResolver, RenovationProjectResolver } from './housing/recordResolvers';

/**
 * Housing and urban-rural development (住房城乡建设, 住建): dwelling safety appraisals, renovation
 * of dangerous houses (lead of HOUSING_RENOVATION, seed 004 item 9) and resettlement housing
 * (support of RELOCATION, item 4). Extends Household and Person.
 */
import { loadHousing } from './generator';
import { HOUSING_IMPORTS } from './imports';

export const housing: DepartmentDefinition = {
  name: 'housing',
  defaultPort: 4005,
  resolvers: [
    HousingHouseholdResolver,
    HousingPersonResolver,
    HousingQueryResolver,
    HousingMutationResolver,
    DwellingAppraisalResolver,
    RenovationProjectResolver,
    RelocationHousingResolver,
    HousingAreaAssistanceResolver,
    HousingExitAssessmentResolver,
    HousingAggregateResolver,
  ],
  entities: [DwellingAppraisal, RenovationProject, RelocationHousing, RelocationMember],
  migrations: [Housing1700000000001],
  // No personal fields: housing holds no resident ID, phone, bank account, diagnosis or income.
  aggregateCells: {
    DwellingRatingCount: { counts: ['count'] },
    RenovationTotals: { counts: ['count'], hide: ['subsidy', 'selfRaisedFunds'] },
    RenovationGroupTotal: { counts: ['count'], hide: ['subsidy', 'selfRaisedFunds'] },
  },
  referenceResolvers: {
    DwellingAppraisal: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(appraisalById).load(String(ref.id)) },
    RenovationProject: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(renovationById).load(String(ref.id)) },
    RelocationHousing: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(relocationById).load(String(ref.id)) },
  },
  syntheticData: { load: (pool, options) => loadHousing(pool, options) },
  imports: HOUSING_IMPORTS,
};

export * from './codes';
export { assessHousingSafety, latestAppraisal } from './housing/safety';
export type { HousingSafetyVerdict, AppraisalFacts, RenovationFacts, RelocationFacts } from './housing/safety';
export * from './generator';
