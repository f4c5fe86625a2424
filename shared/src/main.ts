import { printSubgraphSchema } from '@apollo/subgraph';
import { Pool } from 'pg';
import { createLogger, Logger } from './logging';
import { DepartmentDefinition, startDepartmentSubgraph, SyntheticData } from './department';
import { DepartmentDatabase } from './database/open';
import { progressReporter } from './bulk/progress';
import { buildDepartmentSchema } from './schema/buildSubgraphSchema';
import { schemaName } from './database/target';

/** Households in the demo county loaded on a first start (DEMO_HOUSEHOLDS; 0 loads nothing). */
export const DEMO_HOUSEHOLDS = 2000;

/**
 * The process entry point every department's `main.ts` calls. `--print-sdl` prints the subgraph
 * SDL (no database needed) for `npm run sdl`; otherwise the subgraph serves on
 * <DEPARTMENT>_PORT, PORT or its default port until SIGINT/SIGTERM, after loading the demo county
 * into an empty database.
 */
export async function runDepartmentMain(definition: DepartmentDefinition, argv = process.argv, env = process.env): Promise<void> {
  if (argv.includes('--print-sdl')) {
    process.stdout.write(printSubgraphSchema(await buildDepartmentSchema(definition)));
    return;
  }
  const log = createLogger(definition.name);
  const port = Number(env[`${schemaName(definition.name).toUpperCase()}_PORT`] ?? env.PORT ?? definition.defaultPort);
  try {
    const onFreshDatabase = definition.onFreshDatabase ?? (definition.syntheticData && loadDemo(definition.syntheticData, Number(env.DEMO_HOUSEHOLDS ?? DEMO_HOUSEHOLDS)));
    const subgraph = await startDepartmentSubgraph({ ...definition, onFreshDatabase }, { port, log });
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping');
      subgraph.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    log.fatal({ err: error }, `${definition.name} subgraph failed to start`);
    process.exit(1);
  }
}

/** Every department loads the same demo county (same size, seed 1), so their records line up. */
function loadDemo(data: SyntheticData, size: number) {
  return async (database: DepartmentDatabase, log: Logger): Promise<void> => {
    if (size <= 0) return;
    log.info({ households: size }, 'empty database: loading the demo county (first start only)');
    const pool = new Pool({ connectionString: database.url, max: 1, options: `-c search_path=${database.schema},public` });
    try {
      await data.load(pool, { size, seed: 1, onProgress: progressReporter(`${database.schema} demo`) });
    } finally {
      await pool.end();
    }
  };
}
