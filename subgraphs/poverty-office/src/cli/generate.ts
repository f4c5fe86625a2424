import { Pool } from 'pg';
import { createLogger, KIT_MIGRATIONS, openDepartmentDatabase, resolveDatabaseTarget } from '@saf/kit';
import { povertyOffice } from '../index';
import { loadRegister, PRESETS, progressReporter, MAX_HOUSEHOLDS } from '../generator';

const USAGE = `Usage: npm run generate -- --size demo|county|<households> [--seed N] [--reset]

Loads a deterministic synthetic county into the poverty office's register: on DATABASE_URL
(or POVERTY_OFFICE_DATABASE_URL) if set, else the embedded database under .data/ (stop
\`npm start\` first: an embedded database has one owner at a time).
  --size    demo (${PRESETS.demo} households), county (${PRESETS.county}) or any number up to ${MAX_HOUSEHOLDS}
  --seed    the random seed (default 1): the same seed and size give the same data
  --reset   empty the register first (regions, households, members and their records)`;

const REGISTER_TABLES = ['procedure_step', 'cadre_assignment', 'cadre', 'household_visit', 'household_income', 'household_status_period', 'person', 'household', 'region'];

function parseArgs(argv: string[]) {
  const args = { size: PRESETS.demo as number, seed: 1, reset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--size') {
      const value = argv[++i];
      args.size = value in PRESETS ? PRESETS[value as keyof typeof PRESETS] : Number(value);
      if (!Number.isInteger(args.size) || args.size < 1 || args.size > MAX_HOUSEHOLDS) throw new Error(`--size must be demo, county or 1..${MAX_HOUSEHOLDS}, got "${value}"`);
    } else if (arg === '--seed') {
      args.seed = Number(argv[++i]);
      if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
    } else if (arg === '--reset') args.reset = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown argument "${arg}"\n\n${USAGE}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = createLogger('generate', process.env.LOG_LEVEL ?? 'warn');
  const database = await openDepartmentDatabase({
    department: povertyOffice.name,
    target: resolveDatabaseTarget(povertyOffice.name),
    entities: povertyOffice.entities,
    migrations: [...KIT_MIGRATIONS, ...povertyOffice.migrations],
    logger: log,
  });
  const pool = new Pool({ connectionString: database.url, max: 1, options: `-c search_path=${database.schema},public` });
  try {
    const [{ n }] = (await pool.query('SELECT count(*)::int AS n FROM household')).rows;
    if (n > 0 && !args.reset) throw new Error(`the register already holds ${n} households; add --reset to replace them`);
    if (args.reset) await pool.query(`TRUNCATE ${REGISTER_TABLES.join(', ')} CASCADE`);
    const started = Date.now();
    await loadRegister(pool, { size: args.size, seed: args.seed, onProgress: progressReporter('register') });
    console.log(`Loaded ${args.size} households (seed ${args.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s into ${database.schema}.`);
  } finally {
    await pool.end();
    await database.close();
  }
}

main().catch((error: Error) => {
  console.error(`generate failed: ${error.message}`);
  process.exit(1);
});
