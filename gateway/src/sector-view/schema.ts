import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { deriveSectorViewSdl, findSectorViewInputs } from './derive';
import { discoverFeeds } from './feeds';
import { reportResolvers } from './reports';
import {
  allPredicates,
  blockers,
  decideCoverage,
  LeadVerdictMissing,
  orderContributions,
  type ContributionValue,
  type PredicateValue,
} from './rules';

type Representation = Record<string, unknown>;

/**
 * The executable sector view for a supergraph: the same SDL composition derived, with resolvers
 * that read the departments' parts from the representations the gateway hands over.
 */
export function buildSectorViewSchema(supergraph: DocumentNode): GraphQLSchema | null {
  const sdl = deriveSectorViewSdl([supergraph]);
  if (!sdl) return null;
  const { contributionFields, predicateFields } = findSectorViewInputs([supergraph]);
  const contributionsOf = (rep: Representation) => orderContributions(contributionFields.map((f) => rep[f] as ContributionValue | null));
  const predicatesOf = (rep: Representation) => allPredicates(predicateFields.map((f) => rep[f] as PredicateValue | null));
  const coverageOf = (rep: Representation) => {
    try {
      return decideCoverage(rep.leadFederated === true, contributionsOf(rep));
    } catch (err) {
      if (err instanceof LeadVerdictMissing) throw new GraphQLError(err.message, { extensions: { code: 'LEAD_VERDICT_UNAVAILABLE' } });
      throw err;
    }
  };

  const reports = reportResolvers(discoverFeeds(supergraph));
  return buildSubgraphSchema([
    {
      typeDefs: parse(sdl),
      resolvers: {
        ...reports,
        AreaAssistance: {
          __resolveReference: (rep: Representation) => rep,
          contributions: contributionsOf,
          status: (rep: Representation) => coverageOf(rep).status,
          statusReason: (rep: Representation) => coverageOf(rep).reason,
        },
        ExitAssessment: {
          __resolveReference: (rep: Representation) => rep,
          predicates: predicatesOf,
          blockers: (rep: Representation) => blockers(predicatesOf(rep)),
          mayStartExit: (rep: Representation) => blockers(predicatesOf(rep)).length === 0,
        },
      } as never,
    },
  ]);
}
