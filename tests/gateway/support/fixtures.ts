/**
 * Two toy subgraphs in the shape of the real system: "households" owns Household (like the
 * poverty office), "dibao" extends it with a field (like civil affairs).
 */
import { startTestSubgraph, type TestSubgraph } from './subgraph';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** What the households server really serves, including a field that the first supergraph lacks. */
export const HOUSEHOLDS_SDL = `${LINK}
type Query { households: [Household!]! }
type Household @key(fields: "id") { id: ID! name: String region: String }
type Subscription { householdRegistered(count: Int!, intervalMs: Int! = 20): Household! }
`;

/** An older SDL of the same subgraph (no \`region\`), used for the first supergraph. */
export const HOUSEHOLDS_SDL_V1 = HOUSEHOLDS_SDL.replace(' region: String', '');

export const DIBAO_SDL = `${LINK}
type Household @key(fields: "id") { id: ID! dibaoAmount: String }
type Mutation { recordDibaoReview(householdId: ID!): String! }
`;

/** Conflicts with the households subgraph: same non-shareable field, different type. */
export const CONFLICTING_SDL = `${LINK}
type Household @key(fields: "id") { id: ID! name: Int }
`;

export const HOUSEHOLDS = [
  { id: '110101001001-0001', name: 'Zhang Wei', region: 'Dongcheng' },
  { id: '110101001001-0002', name: 'Li Na', region: 'Xicheng' },
];
export const DIBAO: Record<string, string> = { '110101001001-0001': '310.50', '110101001001-0002': '0.00' };

export function startHouseholds(): Promise<TestSubgraph> {
  return startTestSubgraph({
    typeDefs: HOUSEHOLDS_SDL,
    websocket: true,
    resolvers: {
      Query: { households: () => HOUSEHOLDS },
      Household: { __resolveReference: (ref: { id: string }) => HOUSEHOLDS.find((h) => h.id === ref.id) },
      Subscription: {
        householdRegistered: {
          subscribe: async function* (_: unknown, args: { count: number; intervalMs: number }) {
            for (let i = 0; i < args.count; i++) {
              await new Promise((r) => setTimeout(r, args.intervalMs));
              yield { householdRegistered: HOUSEHOLDS[i % HOUSEHOLDS.length] };
            }
          },
        },
      },
    },
  });
}

/** Lets a test make the dibao subgraph slow; release() frees sleepers so nothing outlives the test. */
export class Delay {
  ms = 0;
  private sleepers = new Set<() => void>();
  wait(): Promise<void> {
    if (this.ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.ms);
      this.sleepers.add(done);
    });
  }
  release(): void {
    for (const done of [...this.sleepers]) done();
  }
}

export function startDibao(delay: Delay): Promise<TestSubgraph> {
  return startTestSubgraph({
    typeDefs: DIBAO_SDL,
    resolvers: {
      Household: {
        __resolveReference: async (ref: { id: string }) => {
          await delay.wait();
          return { id: ref.id, dibaoAmount: DIBAO[ref.id] ?? null };
        },
      },
      Mutation: {
        recordDibaoReview: async (_: unknown, args: { householdId: string }) => {
          await delay.wait();
          return `reviewed ${args.householdId}`;
        },
      },
    },
  });
}
