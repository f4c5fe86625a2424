import { Pool } from 'pg';
import { DepartmentDefinition } from './department';
import { KIT_MIGRATIONS } from './department';
import { openDepartmentDatabase } from './database/open';
import { resolveDatabaseTarget } from './database/target';
import { createLogger } from './logging';
import { progressReporter } from './bulk/progress';

export interface GenerateOptions {
  size: number;
  seed: number;
  /** Empty the departments' generated tables first; without it a department that has data is an error. */
  reset: boolean;
}

/**
 * `npm run generate`: loads the same synthetic county into every department's database, register
 * first, so that every department's records follow the same households.
 */
export async function generateSyntheticData(departments: DepartmentDefinition[], options: GenerateOptions, print = console.log): Promise<void> {
  const log = createLogger('generate', process.env.LOG_LEVEL ?? 'warn');
  for (const department of departments) {
    const data = department.syntheticData;
    if (!data) continue;
    const database = await openDepartmentDatabase({
      department: department.name,
      target: resolveDatabaseTarget(department.name),
      entities: department.entities,
      migrations: [...KIT_MIGRATIONS, ...department.migrations],
      logger: log,
    });
    const pool = new Pool({ connectionString: database.url, max: 1, options: `-c search_path=${database.schema},public` });
    try {
      const started = Date.now();
      await data.load(pool, { size: options.size, seed: options.seed, replace: options.reset, onProgress: progressReporter(department.name) }).catch((error: Error) => {
        throw new Error(`${department.name}: ${error.message}${options.reset ? '' : ' (add --reset to replace the generated data)'}`);
      });
      print(`${department.name}: ${options.size} households (seed ${options.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await pool.end();
      await database.close();
    }
  }
}
