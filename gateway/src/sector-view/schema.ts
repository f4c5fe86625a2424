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

/** Memoizes a function of one representation for as long as the representation lives. */
function once<T>(compute: (rep: Representation) => T): (rep: Representation) => T {
  const results = new WeakMap<Representation, T>();
  return (rep) => {
    if (!results.has(rep)) results.set(rep, compute(rep));
    return results.get(rep) as T;
  };
}

/**
 * The executable sector view for a supergraph: the same SDL composition derived, with resolvers
 * that read the departments' parts from the representations the gateway hands over.
 */
export function buildSectorViewSchema(supergraph: DocumentNode): GraphQLSchema | null {
  const sdl = deriveSectorViewSdl([supergraph]);
  if (!sdl) return null;
  const { contributionFields, predicateFields } = findSectorViewInputs([supergraph]);
  // Several fields of one entity read the same composition: work it out once per representation.
  const contributionsOf = once((rep: Representation) => orderContributions(contributionFields.map((f) => rep[f] as ContributionValue | null)));
  const predicatesOf = once((rep: Representation) => allPredicates(predicateFields.map((f) => rep[f] as PredicateValue | null)));
  const coverageOf = once((rep: Representation) => {
    try {
      return decideCoverage(rep.leadFederated === true, contributionsOf(rep));
    } catch (err) {
      if (err instanceof LeadVerdictMissing) return new GraphQLError(err.message, { extensions: { code: 'LEAD_VERDICT_UNAVAILABLE' } });
      throw err;
    }
  });
  const coverageField = (pick: (c: { status: string; reason: string }) => string) => (rep: Representation) => {
    const coverage = coverageOf(rep);
    if (coverage instanceof GraphQLError) throw coverage;
    return pick(coverage);
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
          status: coverageField((c) => c.status),
          statusReason: coverageField((c) => c.reason),
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
