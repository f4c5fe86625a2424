#!/usr/bin/env node
/**
 * `npm run generate -- --size demo|county|<households> [--seed N] [--reset]`: loads a deterministic
 * synthetic county into every department listed in gateway/subgraphs.json, on DATABASE_URL (or
 * <DEPARTMENT>_DATABASE_URL) if set, else the embedded databases under .data/ (stop `npm start`
 * first: an embedded database has one owner at a time).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PRESETS = { demo: 2000, county: 30000, province: 2000000 };
const USAGE = `Usage: npm run generate -- --size demo|county|province|<households> [--seed N] [--reset]
  --size    demo (${PRESETS.demo} households), county (${PRESETS.county}), province (${PRESETS.province}) or any number up to 2000000
  --seed    the random seed (default 1): the same seed and size give the same data
  --reset   replace the generated records of every department`;

function parseArgs(argv) {
  const args = { size: PRESETS.demo, seed: 1, reset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--size') {
      const value = argv[++i];
      args.size = PRESETS[value] ?? Number(value);
      if (!Number.isInteger(args.size) || args.size < 1 || args.size > 2000000) fail(`--size must be demo, county, province or 1..2000000, got "${value}"`);
    } else if (arg === '--seed') {
      args.seed = Number(argv[++i]);
      if (!Number.isInteger(args.seed)) fail('--seed must be an integer');
    } else if (arg === '--reset') args.reset = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`Unknown argument "${arg}"`);
  }
  return args;
}

function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

/** The DepartmentDefinition a subgraph package exports (the object whose name is the subgraph's). */
function definitionOf(name) {
  const exported = require(path.join(ROOT, 'subgraphs', name, 'dist'));
  const definition = Object.values(exported).find((value) => value && value.name === name && Array.isArray(value.migrations));
  if (!definition) throw new Error(`subgraphs/${name} exports no DepartmentDefinition named "${name}"`);
  return definition;
}

const args = parseArgs(process.argv.slice(2));
const { generateSyntheticData } = require(path.join(ROOT, 'shared', 'dist'));
const subgraphs = JSON.parse(fs.readFileSync(path.join(ROOT, 'gateway', 'subgraphs.json'), 'utf8'));
generateSyntheticData(subgraphs.map((s) => definitionOf(s.name)), args).catch((error) => {
  console.error(`generate failed: ${error.message}`);
  process.exit(1);
});
