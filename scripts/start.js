#!/usr/bin/env node
/**
 * `npm start`: every subgraph listed in gateway/subgraphs.json, then the gateway, each as its own
 * process, on the embedded PGlite default (or DATABASE_URL). A fresh database loads the demo
 * data on first start. Ctrl-C stops everything.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SUBGRAPHS = JSON.parse(fs.readFileSync(path.join(ROOT, 'gateway', 'subgraphs.json'), 'utf8'));
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 4000);
const READY_TIMEOUT_MS = Number(process.env.START_TIMEOUT_MS ?? 15 * 60 * 1000);
const children = [];

function run(name, args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}]`.padEnd(18);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) if (line.trim()) console.log(`${prefix} ${readable(line)}`);
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${prefix} exited (${signal ?? code}); stopping the platform.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

/** Pino writes JSON lines; show the message and the fields a person wants to see. */
function readable(line) {
  try {
    const entry = JSON.parse(line);
    const level = entry.level >= 50 ? 'ERROR ' : entry.level >= 40 ? 'WARN  ' : '';
    const extra = ['url', 'err'].filter((k) => entry[k]).map((k) => (k === 'err' ? entry.err.message : entry[k]));
    return `${level}${entry.msg}${extra.length ? ` ${extra.join(' ')}` : ''}`;
  } catch {
    return line;
  }
}

async function waitReady(name, url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} was not ready at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/**
 * Development secrets: unless configured, every process gets the JWT secret and the subgraph
 * signing secret from .data/dev-secrets.json (created on first start), and the explorer opens
 * with a caseworker token for the whole country.
 */
async function useDevelopmentSecrets() {
  const { loadOrCreateDevSecrets, mintToken, DEV_SECRETS_PATH } = require('../gateway/dist/auth/devSecrets.js');
  const usesKeys = process.env.AUTH_JWT_SECRET || process.env.AUTH_JWT_PUBLIC_KEYS;
  if (usesKeys && process.env.SUBGRAPH_SIGNING_SECRET) return null;
  const secrets = loadOrCreateDevSecrets();
  process.env.SUBGRAPH_SIGNING_SECRET ||= secrets.signingSecret;
  if (usesKeys) return null;
  process.env.AUTH_JWT_SECRET = secrets.jwtSecret;
  const token = await mintToken(secrets.jwtSecret, { role: 'caseworker', sub: 'dev-explorer' });
  process.env.GATEWAY_GRAPHIQL_TOKEN ||= token;
  return { token, file: path.relative(ROOT, DEV_SECRETS_PATH) };
}

async function main() {
  const dev = await useDevelopmentSecrets();
  const database = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite under ${process.env.DATA_DIR ?? '.data/'}`;
  console.log(`Starting ${SUBGRAPHS.length} subgraph(s) and the gateway on ${database}…`);
  for (const subgraph of SUBGRAPHS) {
    const url = new URL(subgraph.url);
    run(subgraph.name, [path.join('subgraphs', subgraph.name, 'dist', 'main.js')], { [`${subgraph.name.replace(/-/g, '_').toUpperCase()}_PORT`]: url.port });
  }
  await Promise.all(SUBGRAPHS.map((s) => waitReady(s.name, new URL('/ready', s.url))));

  // Compose from the running subgraphs so that the gateway serves exactly what they serve.
  const compose = spawnSync(process.execPath, ['gateway/dist/cli/compose.js', '--live', '--strict'], { cwd: ROOT, stdio: 'inherit' });
  if (compose.status !== 0) throw new Error('composition failed; see the messages above');

  run('gateway', ['gateway/dist/main.js'], { GATEWAY_PORT: String(GATEWAY_PORT) });
  await waitReady('gateway', `http://localhost:${GATEWAY_PORT}/ready`);
  console.log(`\nSector Assistance Federation is up.\n  GraphQL and the explorer: http://localhost:${GATEWAY_PORT}/graphql`);
  if (dev) {
    console.log(`  Development secrets: ${dev.file}. The explorer sends a caseworker token for the whole country.`);
    console.log('  Other tokens: npm run token -- --role analyst --region 500154   (roles: department_officer, caseworker, analyst, dashboard, admin)');
    console.log(`  Caseworker token (12 h): ${dev.token}`);
  }
  console.log('  Press Ctrl-C to stop.\n');
}

main().catch((error) => {
  console.error(`Start failed: ${error.message}`);
  stop(1);
});
