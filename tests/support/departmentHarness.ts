import { Pool } from 'pg';
import { schemaPool } from './pools';
import { createTestDatabase, DepartmentDefinition, RunningSubgraph, startDepartmentSubgraph, TestDatabase } from '@saf/kit';
import { HouseholdBundle, iterateHouseholds, loadRegister } from '@saf/poverty-office';
import { graphqlClient } from './graphql';
import { officer } from './auth';
import { startTestPovertyOffice, TestSubgraph } from './povertyOffice';

export interface DepartmentHarness {
  /** The poverty office, with a generated register of `households` households. */
  register: TestSubgraph;
  department: RunningSubgraph;
  /** GraphQL straight to the department's subgraph, as one of its officers (whole country). */
  gql: ReturnType<typeof graphqlClient>;
  /** The generated households (with members), the same the register holds. */
  households: HouseholdBundle[];
  /** A pool on the department's schema, for assertions and bulk loads. */
  pool: Pool;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  households?: number;
  seed?: number;
  /** Loads the department's generated records (its generator) into its database. */
  load?: (pool: Pool, options: { size: number; seed: number }) => Promise<unknown>;
}

/**
 * A department subgraph on its own throw-away database, next to a poverty office whose register
 * holds a small generated county, so that register checks and federation behave as in production.
 */
export async function startDepartmentHarness(definition: DepartmentDefinition, options: HarnessOptions = {}): Promise<DepartmentHarness> {
  const size = options.households ?? 300;
  const seed = options.seed ?? 1;
  const register = await startTestPovertyOffice();
  const registerPool = schemaPool(register.subgraph.database.url, register.subgraph.database.schema);
  await loadRegister(registerPool, { size, seed });
  await registerPool.end();

  const database: TestDatabase = await createTestDatabase();
  const department = await startDepartmentSubgraph(definition, { port: 0, host: '127.0.0.1', target: database.target, registerUrl: register.subgraph.url });
  const pool = schemaPool(department.database.url, department.database.schema);
  if (options.load) await options.load(pool, { size, seed });
  return {
    register,
    department,
    gql: graphqlClient(department.url, officer(definition.name)),
    households: [...iterateHouseholds(size, seed)],
    pool,
    async stop() {
      await pool.end();
      await department.close();
      await database.drop();
      await register.stop();
    },
  };
}
