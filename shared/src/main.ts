import { printSubgraphSchema } from '@apollo/subgraph';
import { createLogger } from './logging';
import { DepartmentDefinition, startDepartmentSubgraph } from './department';
import { buildDepartmentSchema } from './schema/buildSubgraphSchema';
import { schemaName } from './database/target';

/**
 * The process entry point every department's `main.ts` calls. `--print-sdl` prints the subgraph
 * SDL (no database needed) for `npm run sdl`; otherwise the subgraph serves on
 * <DEPARTMENT>_PORT, PORT or its default port until SIGINT/SIGTERM.
 */
export async function runDepartmentMain(definition: DepartmentDefinition, argv = process.argv, env = process.env): Promise<void> {
  if (argv.includes('--print-sdl')) {
    process.stdout.write(printSubgraphSchema(await buildDepartmentSchema(definition)));
    return;
  }
  const log = createLogger(definition.name);
  const port = Number(env[`${schemaName(definition.name).toUpperCase()}_PORT`] ?? env.PORT ?? definition.defaultPort);
  try {
    const subgraph = await startDepartmentSubgraph(definition, { port, log });
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
