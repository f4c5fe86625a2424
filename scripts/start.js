#!/usr/bin/env node
/**
 * `npm start`: every subgraph listed in gateway/subgraphs.json, then the gateway, each as its own
 * process, on the embedded PGlite default (or DATABASE_URL). A fresh database loads the demo
 * data on first start. The gateway serves the schema registry's current supergraph (.data/registry,
 * or SCHEMA_REGISTRY_DIR; seeded from the checked-in SDL files on first start), or with
 * SUPERGRAPH_PATH a supergraph composed from the running subgraphs. Ctrl-C stops everything.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SUBGRAPHS = JSON.parse(fs.readFileSync(path.join(ROOT, 'gateway', 'subgraphs.json'), 'utf8'));
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 4000);
const REGISTRY_DIR = path.resolve(process.env.SCHEMA_REGISTRY_DIR || path.join(process.env.DATA_DIR || path.join(ROOT, '.data'), 'registry'));
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
  const adminToken = await mintToken(secrets.jwtSecret, { role: 'admin', sub: 'npm-start' }, 600);
  return { token, adminToken, file: path.relative(ROOT, DEV_SECRETS_PATH) };
}

/**
 * Development: each running subgraph publishes what it now serves, as a department system would
 * after a deployment, so that `git pull && npm start` serves the new schemas. The registry refuses a
 * breaking change as it would in production; the note says how to force it.
 */
async function publishRunningSubgraphs(adminToken) {
  const lines = [];
  const call = async (route, body) => {
    const res = await fetch(`http://localhost:${GATEWAY_PORT}/registry/${route}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return { ok: res.ok, body: await res.json() };
  };
  const refused = [];
  for (const subgraph of SUBGRAPHS) {
    const result = await call('publish', { subgraph: subgraph.name, url: subgraph.url, department: subgraph.department });
    if (!result.ok) refused.push(`${subgraph.name} (${result.body.errors?.[0]?.extensions?.code ?? 'refused'})`);
    else if (result.body.status !== 'unchanged') lines.push(`  Published ${subgraph.name}'s running schema as registry version ${result.body.version} (${result.body.changes.length} public change(s)).`);
  }
  const current = await call('subgraphs');
  const shown = path.relative(ROOT, REGISTRY_DIR).startsWith('..') ? REGISTRY_DIR : path.relative(ROOT, REGISTRY_DIR);
  if (current.ok) lines.push(`  Schema registry: ${shown}, version ${current.body.version} (npm run publish -- --history).`);
  if (refused.length) {
    lines.push(`  NOTE: the registry refused the running schema of: ${refused.join(', ')}; the gateway serves the last accepted one.`);
    lines.push('        See why with: npm run publish -- --subgraph <name> --dry-run   (add --force to accept a breaking change)');
  }
  return lines;
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

  if (process.env.SUPERGRAPH_PATH) {
    // Without the registry: compose from the running subgraphs so that the gateway serves exactly what they serve.
    const args = ['gateway/dist/cli/compose.js', '--live', '--strict', '--out', process.env.SUPERGRAPH_PATH];
    const compose = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (compose.status !== 0) throw new Error('composition failed; see the messages above');
  }

  run('gateway', ['gateway/dist/main.js'], { GATEWAY_PORT: String(GATEWAY_PORT) });
  await waitReady('gateway', `http://localhost:${GATEWAY_PORT}/ready`);
  // Before the banner, so that it is the last word; the gateway already serves meanwhile.
  const registryLines =
    dev && !process.env.SUPERGRAPH_PATH
      ? await publishRunningSubgraphs(dev.adminToken).catch((error) => [`  (publishing the running subgraphs' schemas failed: ${error.message})`])
      : [];
  if (stopping) return; // Ctrl-C while the schemas were being published
  console.log(`\nSector Assistance Federation is up.\n  GraphQL and the explorer: http://localhost:${GATEWAY_PORT}/graphql`);
  if (dev) {
    console.log(`  Development secrets: ${dev.file}. The explorer sends a caseworker token for the whole country.`);
    console.log('  Other tokens: npm run token -- --role analyst --region 500154   (roles: department_officer, caseworker, analyst, dashboard, admin)');
    console.log(`  Caseworker token (12 h): ${dev.token}`);
  }
  for (const line of registryLines) console.log(line);
  console.log('  Press Ctrl-C to stop.\n');
}

main().catch((error) => {
  console.error(`Start failed: ${error.message}`);
  stop(1);
});
