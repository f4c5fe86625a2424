import { createTestDatabase, RunningSubgraph, startDepartmentSubgraph, TestDatabase } from '@saf/kit';
import { povertyOffice } from '@saf/poverty-office';
import { graphqlClient } from './graphql';
import { officer } from './auth';

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
    /** As a poverty-office officer (who writes the register). */
    gql: graphqlClient(subgraph.url, officer('poverty-office')),
    async stop() {
      await subgraph.close();
      await database.drop();
    },
  };
}
