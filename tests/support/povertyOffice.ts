import { createTestDatabase, RunningSubgraph, startDepartmentSubgraph, TestDatabase } from '@saf/kit';
import { povertyOffice } from '@saf/poverty-office';
import { graphqlClient } from './graphql';

export interface TestSubgraph {
  subgraph: RunningSubgraph;
  gql: ReturnType<typeof graphqlClient>;
  stop(): Promise<void>;
}

/** The poverty-office subgraph on a throw-away database (TEST_DATABASE_URL's server, else PGlite). */
export async function startTestPovertyOffice(): Promise<TestSubgraph> {
  const database: TestDatabase = await createTestDatabase();
  const subgraph = await startDepartmentSubgraph(povertyOffice, { port: 0, host: '127.0.0.1', target: database.target });
  return {
    subgraph,
    gql: graphqlClient(subgraph.url),
    async stop() {
      await subgraph.close();
      await database.drop();
    },
  };
}
