import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import {
  GraphQLError,
  Kind,
  buildASTSchema,
  isEnumType,
  parse,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

export interface SupergraphSubgraph {
  name: string;
  url: string;
}

export type SupergraphCheck =
  | { ok: true; document: DocumentNode; subgraphs: SupergraphSubgraph[] }
  | { ok: false; error: string };

const NOT_A_SUPERGRAPH =
  'not a supergraph: it has no join__Graph enum with @join__graph(name, url) values (is it a subgraph SDL?)';

function describe(err: unknown): string {
  if (err instanceof GraphQLError) {
    const loc = err.locations?.[0];
    return loc ? `${err.message} (line ${loc.line}:${loc.column})` : err.message;
  }
  return (err as Error).message ?? String(err);
}

function subgraphsOf(schema: GraphQLSchema): SupergraphSubgraph[] {
  const graphEnum = schema.getType('join__Graph');
  if (!isEnumType(graphEnum)) return [];
  const out: SupergraphSubgraph[] = [];
  for (const value of graphEnum.getValues()) {
    const dir = value.astNode?.directives?.find((d) => d.name.value === 'join__graph');
    const arg = (n: string) => {
      const v = dir?.arguments?.find((a) => a.name.value === n)?.value;
      return v?.kind === 'StringValue' ? v.value : undefined;
    };
    const name = arg('name');
    const url = arg('url');
    if (name && url) out.push({ name, url });
  }
  return out;
}

/**
 * Decides whether a file is a usable supergraph before the runtime ever sees it. The runtime
 * builds schemas with `assumeValid`, so without this a truncated or hand-edited file could
 * replace a good schema; here we reject anything that is not valid GraphQL, carries no
 * join__Graph (e.g. a subgraph SDL saved in the wrong place), or yields no public Query type.
 */
export function validateSupergraphSdl(sdl: string): SupergraphCheck {
  if (sdl.trim() === '') return { ok: false, error: 'the file is empty' };

  let document: DocumentNode;
  try {
    document = parse(sdl);
  } catch (err) {
    return { ok: false, error: `not valid GraphQL: ${describe(err)}` };
  }

  // Checked on the AST first: a subgraph SDL would otherwise fail later with a vaguer
  // "Unknown directive @key" from schema building.
  const hasJoinGraph = document.definitions.some(
    (d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph',
  );
  if (!hasJoinGraph) return { ok: false, error: NOT_A_SUPERGRAPH };

  let schema: GraphQLSchema;
  try {
    schema = buildASTSchema(document);
  } catch (err) {
    return { ok: false, error: `not a valid schema: ${describe(err)}` };
  }

  const subgraphs = subgraphsOf(schema);
  if (subgraphs.length === 0) {
    return { ok: false, error: NOT_A_SUPERGRAPH };
  }

  try {
    const publicSchema = buildASTSchema(transformSupergraphToPublicSchema(document));
    if (!publicSchema.getQueryType()) return { ok: false, error: 'the supergraph exposes no Query type' };
  } catch (err) {
    return { ok: false, error: `the public schema cannot be built: ${describe(err)}` };
  }

  return { ok: true, document, subgraphs };
}
