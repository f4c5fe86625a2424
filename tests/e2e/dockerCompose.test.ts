import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadServiceList, REPO_ROOT } from '@saf/gateway';

/** docker compose cannot run here; this keeps docker-compose.yml and the Dockerfile in step with the subgraphs. */
describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const subgraphs = loadServiceList({ env: {} });

  it.each(subgraphs.map((s) => [s.name, s] as const))('runs %s on PostgreSQL with a healthcheck, reachable by the gateway', (name, subgraph) => {
    const service = compose.services[name];
    const port = new URL(subgraph.url).port;
    expect(service.command).toEqual(['node', `subgraphs/${name}/dist/main.js`]);
    expect(service.environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    expect(service.environment[`${name.replace(/-/g, '_').toUpperCase()}_PORT`]).toBe(port);
    expect(service.healthcheck.test.join(' ')).toContain(`localhost:${port}/ready`);
    expect(service.environment.SUBGRAPH_SIGNING_SECRET).toBe(compose.services.gateway.environment.SUBGRAPH_SIGNING_SECRET);
    expect(compose.services.gateway.environment[subgraph.urlEnvVar]).toBe(`http://${name}:${port}/graphql`);
    expect(compose.services.gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
    expect(dockerfile).toContain(`COPY subgraphs/${name}/package.json subgraphs/${name}/`);
  });

  it('starts the subgraphs after PostgreSQL is healthy', () => {
    expect(compose.services.postgres.healthcheck).toBeDefined();
    for (const s of subgraphs) expect(compose.services[s.name].depends_on.postgres).toEqual({ condition: 'service_healthy' });
  });
});
