#!/usr/bin/env node
/**
 * `npm run sdl`: writes each subgraph's SDL file (listed in gateway/subgraphs.json) from its code,
 * then recomposes gateway/supergraph.graphql from those files. Run it after a schema change and
 * commit the results; a test fails while they are out of date.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const subgraphs = JSON.parse(fs.readFileSync(path.join(ROOT, 'gateway', 'subgraphs.json'), 'utf8'));
for (const subgraph of subgraphs) {
  const sdl = execFileSync(process.execPath, [path.join('subgraphs', subgraph.name, 'dist', 'main.js'), '--print-sdl'], { cwd: ROOT, encoding: 'utf8' });
  fs.writeFileSync(path.join(ROOT, subgraph.sdl), sdl.endsWith('\n') ? sdl : `${sdl}\n`);
  console.log(`wrote ${subgraph.sdl}`);
}
execFileSync(process.execPath, ['gateway/dist/cli/compose.js'], { cwd: ROOT, stdio: 'inherit' });
