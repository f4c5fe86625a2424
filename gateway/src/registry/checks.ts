import { diff, type Change } from '@graphql-inspector/core';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import type { Criticality, SchemaChange } from './types';

/**
 * The schema clients see: the supergraph without the join__/link__ machinery and @inaccessible
 * parts, built the same way for the current and the candidate so that only real differences show.
 */
function publicSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl)));
}

function toChange(change: Change): SchemaChange {
  return {
    criticality: change.criticality.level as Criticality,
    type: change.type,
    message: change.message,
    ...(change.path ? { path: change.path } : {}),
    ...(change.criticality.reason ? { reason: change.criticality.reason } : {}),
  };
}

const ORDER: Record<Criticality, number> = { BREAKING: 0, DANGEROUS: 1, NON_BREAKING: 2 };

/**
 * Every difference between the public schemas of two supergraphs, breaking ones first.
 * BREAKING (a removed field or type, a changed field or argument type, a nullable argument made
 * non-null …) can fail queries that work today; DANGEROUS (an enum value or a default added …)
 * can change what clients get; NON_BREAKING is safe.
 */
export async function schemaChanges(currentSupergraph: string, candidateSupergraph: string): Promise<SchemaChange[]> {
  const changes = await diff(publicSchemaOf(currentSupergraph), publicSchemaOf(candidateSupergraph));
  return changes.map(toChange).sort((a, b) => ORDER[a.criticality] - ORDER[b.criticality]);
}

export const breakingOf = (changes: SchemaChange[]) => changes.filter((c) => c.criticality === 'BREAKING');

export const warningsOf = (changes: SchemaChange[]) => changes.filter((c) => c.criticality === 'DANGEROUS').map((c) => c.message);
