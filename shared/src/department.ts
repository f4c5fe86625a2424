import type { NonEmptyArray } from 'type-graphql';
import type { MixedList, EntitySchema } from 'typeorm';
import { createLogger, Logger } from './logging';
import { DatabaseTarget, resolveDatabaseTarget } from './database/target';
import { DepartmentDatabase, openDepartmentDatabase } from './database/open';
import { IdempotencyKeys1600000000000 } from './idempotency';
import { ChangeEvents1600000000001 } from './changes';
import { AuditEvents1600000000002 } from './security';
import { RegisterClient } from './federation/registerClient';
import { buildDepartmentSchema, SubgraphSchemaOptions } from './schema/buildSubgraphSchema';
import { serveSubgraph } from './server/serveSubgraph';
import { ChangeHub } from './live/hub';
import type { ImportKind } from './import/kind';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => any;

/** Everything a department declares to publish its subgraph. */
export interface DepartmentDefinition extends SubgraphSchemaOptions {
  /** Folder name, e.g. 'poverty-office'; also names the PostgreSQL schema and the logs. */
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/ban-types
  resolvers: NonEmptyArray<Function>;
  entities: MixedList<Constructor | string | EntitySchema>;
  /** The department's own migrations, oldest first; the kit's tables (idempotency keys, change events) come first. */
  migrations: Constructor[];
  /** Deterministic synthetic records (demo data on first start, `npm run generate`, tests, benchmarks). */
  syntheticData?: SyntheticData;
  /** Batch files the department's systems deliver (`npm run import`, issue 8). */
  imports?: readonly ImportKind[];
  /** Runs once after the first migration on an empty database (main.ts loads the demo data here). */
  onFreshDatabase?: (db: DepartmentDatabase, log: Logger) => Promise<void>;
}

export interface SyntheticDataOptions {
  /** Households of the generated county: the same households in every department. */
  size: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
  /** Replace the department's generated records; without it, a table that holds rows is an error. */
  replace?: boolean;
}

export interface SyntheticData {
  /** Writes the department's records for the generated county (pool's search_path = its schema). */
  load(pool: import('pg').Pool, options: SyntheticDataOptions): Promise<unknown>;
}

export interface StartOptions {
  port?: number;
  host?: string;
  target?: DatabaseTarget;
  log?: Logger;
  /** The poverty office's subgraph, for register checks. Default REGISTER_URL or http://localhost:4001/graphql. */
  registerUrl?: string;
  /** The secret the gateway signs requests with. Default SUBGRAPH_SIGNING_SECRET. */
  signingSecret?: string;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  database: DepartmentDatabase;
  close(): Promise<void>;
}

/** Tables every subgraph has, before its own. */
export const KIT_MIGRATIONS = [IdempotencyKeys1600000000000, ChangeEvents1600000000001, AuditEvents1600000000002];

/** Opens the database (migrating it), builds the schema and serves it. */
export async function startDepartmentSubgraph(definition: DepartmentDefinition, options: StartOptions = {}): Promise<RunningSubgraph> {
  const log = options.log ?? createLogger(definition.name);
  const signingSecret = options.signingSecret ?? process.env.SUBGRAPH_SIGNING_SECRET;
  if (!signingSecret) {
    throw new Error(`${definition.name}: SUBGRAPH_SIGNING_SECRET is not set. Subgraphs answer only requests the gateway signs with it (\`npm start\` creates one in .data/dev-secrets.json).`);
  }
  const database = await openDepartmentDatabase({
    department: definition.name,
    target: options.target ?? resolveDatabaseTarget(definition.name),
    entities: definition.entities,
    migrations: [...KIT_MIGRATIONS, ...definition.migrations],
    logger: log,
  });
  let hub: ChangeHub | undefined;
  try {
    if (database.freshlyMigrated && definition.onFreshDatabase) await definition.onFreshDatabase(database, log);
    // Issue 7: one LISTEN per process feeds every `<department>Changes` subscriber.
    hub = await ChangeHub.start({ department: definition.name, dataSource: database.dataSource, log });
    const schema = await buildDepartmentSchema(definition);
    const server = await serveSubgraph({
      name: definition.name,
      schema,
      db: database.dataSource,
      metrics: database.metrics,
      log,
      port: options.port ?? definition.defaultPort,
      host: options.host,
      register: new RegisterClient(options.registerUrl),
      signingSecret,
      imports: definition.imports,
    });
    log.info({ url: server.url }, `${definition.name} subgraph ready`);
    let closing: Promise<void> | undefined;
    return {
      name: definition.name,
      url: server.url,
      port: server.port,
      database,
      close() {
        // Idempotent: tests stop a subgraph mid-suite and again in their teardown.
        closing ??= server.close().then(() => hub!.stop()).then(() => database.close());
        return closing;
      },
    };
  } catch (error) {
    await hub?.stop();
    await database.close();
    throw error;
  }
}
