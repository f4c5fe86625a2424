import './pgTypes';
import { Client } from 'pg';
import { DataSource, MixedList, EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import { DatabaseTarget, schemaName } from './target';
import { startEmbeddedPostgres } from './embedded';
import { CountingTypeOrmLogger, SqlMetrics } from './sqlMetrics';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => any;

export interface DepartmentDatabaseOptions {
  department: string;
  target: DatabaseTarget;
  entities: MixedList<Constructor | string | EntitySchema>;
  migrations: Constructor[];
  logger: Logger;
  metrics?: SqlMetrics;
  poolSize?: number;
}

export interface DepartmentDatabase {
  dataSource: DataSource;
  schema: string;
  url: string;
  metrics: SqlMetrics;
  /** True when this start created the schema's tables (a fresh database). */
  freshlyMigrated: boolean;
  close(): Promise<void>;
}

/**
 * Opens the department's database: starts the embedded PGlite if no URL is configured, creates
 * the department's schema, and runs pending migrations. Never `synchronize`: migrations are
 * the only way the schema changes.
 */
export async function openDepartmentDatabase(options: DepartmentDatabaseOptions): Promise<DepartmentDatabase> {
  const schema = schemaName(options.department);
  const embedded = options.target.kind === 'embedded' ? await startEmbeddedPostgres(options.target.dataDir, schema) : null;
  const url = embedded ? embedded.url : (options.target as { url: string }).url;
  const metrics = options.metrics ?? new SqlMetrics();

  await createSchema(url, schema);
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logger: new CountingTypeOrmLogger(metrics, options.logger),
    maxQueryExecutionTime: 2000,
    extra: {
      max: options.poolSize ?? (embedded ? 4 : 10),
      options: `-c search_path=${schema},public`,
      application_name: `saf-${options.department}`,
    },
  });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const first = firstMigrationName(options.migrations);
    const freshlyMigrated = applied.some((m) => m.name === first);
    return {
      dataSource,
      schema,
      url,
      metrics,
      freshlyMigrated,
      async close() {
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
}

function firstMigrationName(migrations: Constructor[]): string | undefined {
  return migrations.length ? (new migrations[0]() as { name?: string }).name : undefined;
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}
