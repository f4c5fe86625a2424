import fs from 'node:fs';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildDepartmentSchema } from '@saf/kit';
import { composeSupergraph, DEFAULT_SUPERGRAPH_PATH, loadServiceList, readSdlFile } from '@saf/gateway';
import { DEPARTMENTS } from '../support/departments';

/** The SDL files and the supergraph are committed; they must match the code (`npm run sdl` rewrites them). */
describe('checked-in schemas', () => {
  const services = loadServiceList({ env: {} });

  it('lists every department subgraph and nothing else', () => {
    expect(services.map((s) => s.name).sort()).toEqual(Object.keys(DEPARTMENTS).sort());
  });

  it.each(Object.keys(DEPARTMENTS))('%s: schema.graphql matches the code', async (name) => {
    const service = services.find((s) => s.name === name)!;
    const fromCode = printSubgraphSchema(await buildDepartmentSchema(DEPARTMENTS[name]));
    expect(fs.readFileSync(service.sdlPath, 'utf8').trim()).toBe(fromCode.trim());
  });

  it('gateway/supergraph.graphql is the composition of the SDL files', async () => {
    const composed = composeSupergraph(await Promise.all(services.map(async (s) => ({ name: s.name, url: s.url, typeDefs: await readSdlFile(s.sdlPath) }))));
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    expect(fs.readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8').trim()).toBe(composed.supergraphSdl.trim());
    expect(path.basename(DEFAULT_SUPERGRAPH_PATH)).toBe('supergraph.graphql');
  });
});
