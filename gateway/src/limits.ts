import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/**
 * What one operation may ask of the platform, checked before anything runs. The defaults fit the
 * sector view's largest documents (the README's and the benchmarks') with room to spare.
 */
export interface QueryLimits {
  /** Nesting depth of fields (fragments counted where they are spread). */
  maxDepth: number;
  /** Aliases in one operation: each can repeat a whole subtree. */
  maxAliases: number;
  /** Lexical tokens in one document: bounds the parser's work. */
  maxTokens: number;
  /** Estimated cost: each object a field returns counts 1, multiplied by the lists above it. */
  maxCost: number;
  /** The size assumed for a list field without a `first` argument. */
  listSize: number;
  /** Outside development: no introspection, no "Did you mean …?" suggestions. */
  production: boolean;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 4000, maxCost: 5_000_000, listSize: 10, production: false };

function limitFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** GATEWAY_MAX_DEPTH, GATEWAY_MAX_ALIASES, GATEWAY_MAX_TOKENS, GATEWAY_MAX_COST, GATEWAY_LIST_SIZE; NODE_ENV=production. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  return {
    maxDepth: limitFromEnv(env, 'GATEWAY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
    maxAliases: limitFromEnv(env, 'GATEWAY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
    maxTokens: limitFromEnv(env, 'GATEWAY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
    maxCost: limitFromEnv(env, 'GATEWAY_MAX_COST', DEFAULT_LIMITS.maxCost),
    listSize: limitFromEnv(env, 'GATEWAY_LIST_SIZE', DEFAULT_LIMITS.listSize),
    production: env.NODE_ENV === 'production',
  };
}

const refuse = (code: string, message: string, limit: number, found: number) => new GraphQLError(message, { extensions: { code, limit, found } });

function intValue(node: ValueNode | undefined, variables: Record<string, unknown> | undefined): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const v = variables?.[node.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/** Depth, aliases and cost of each operation, walking fragments where they are spread. */
export function operationLimitsRule(limits: QueryLimits, variables: () => Record<string, unknown> | undefined) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    return {
      OperationDefinition(operation) {
        if (operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))) return; // introspection
        const root = context.getSchema().getRootType(operation.operation);
        let aliases = 0;
        let deepest = 0;
        let cost = 0;
        // `sized`: the `first` of the connection just above, which sizes its nodes/edges lists.
        const walk = (set: SelectionSetNode, parentType: unknown, depth: number, multiplier: number, sized: number | null, seen: Set<string>) => {
          for (const selection of set.selections) {
            if (selection.kind === Kind.FRAGMENT_SPREAD) {
              const fragment = fragments.get(selection.name.value);
              if (!fragment || seen.has(fragment.name.value)) continue;
              walk(fragment.selectionSet, context.getSchema().getType(fragment.typeCondition.name.value), depth, multiplier, sized, new Set([...seen, fragment.name.value]));
              continue;
            }
            if (selection.kind === Kind.INLINE_FRAGMENT) {
              const type = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : parentType;
              walk(selection.selectionSet, type, depth, multiplier, sized, seen);
              continue;
            }
            const field = selection as FieldNode;
            if (field.alias) aliases++;
            deepest = Math.max(deepest, depth);
            const def = (parentType as { getFields?: () => Record<string, { type: unknown }> } | null)?.getFields?.()[field.name.value];
            if (!def) continue;
            const list = isListType(getNullableType(def.type as never));
            const first = intValue(field.arguments?.find((a) => a.name.value === 'first')?.value, variables());
            const times = list ? (first ?? sized ?? limits.listSize) : 1;
            const named = getNamedType(def.type as never);
            if (isCompositeType(named)) cost += multiplier * times;
            if (field.selectionSet) walk(field.selectionSet, named, depth + 1, multiplier * times, list ? null : first, seen);
          }
        };
        walk(operation.selectionSet, root, 1, 1, null, new Set());
        if (deepest > limits.maxDepth) context.reportError(refuse('QUERY_TOO_DEEP', `The operation nests fields ${deepest} deep; at most ${limits.maxDepth} are allowed.`, limits.maxDepth, deepest));
        if (aliases > limits.maxAliases) context.reportError(refuse('TOO_MANY_ALIASES', `The operation uses ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, limits.maxAliases, aliases));
        if (cost > limits.maxCost) context.reportError(refuse('QUERY_TOO_COSTLY', `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed. Ask for smaller pages (first).`, limits.maxCost, cost));
      },
    };
  };
}

function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF && n <= stopAfter) n++;
  return n;
}

/** The limits as a gateway plugin: tokens before parsing, the rest as validation rules. */
export function useQueryLimits(limits: QueryLimits): GatewayPlugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      const tokens = countTokens(source, limits.maxTokens);
      if (tokens > limits.maxTokens) throw refuse('QUERY_TOO_LARGE', `The document has more than ${limits.maxTokens} tokens.`, limits.maxTokens, tokens);
    },
    onValidate({ addValidationRule, context }) {
      addValidationRule(operationLimitsRule(limits, () => (context as { params?: { variables?: Record<string, unknown> } }).params?.variables));
      if (!limits.production) return;
      // No "Did you mean …?": outside development the schema is not offered to guessers.
      return ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map((e) => (/ Did you mean /.test(e.message) ? new GraphQLError(e.message.replace(/ Did you mean .*$/, ''), { nodes: e.nodes, extensions: e.extensions }) : e)));
      };
    },
  };
}
