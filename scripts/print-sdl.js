#!/usr/bin/env node
/**
 * `npm run sdl`: writes each subgraph's SDL file (listed in gateway/subgraphs.json) from its code,
 * then recomposes gateway/supergraph.graphql from those files, and writes each department's import
 * column documentation (docs/import/<department>.md) from its import kinds. Run it after a schema
 * or import kind change and commit the results; a test fails while they are out of date.
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

// Import kinds (issue 8): the department definition is the export of its package named like it.
const { importDocsMarkdown } = require(path.join(ROOT, 'shared', 'dist'));
fs.mkdirSync(path.join(ROOT, 'docs', 'import'), { recursive: true });
for (const subgraph of subgraphs) {
  if (!fs.existsSync(path.join(ROOT, 'subgraphs', subgraph.name, 'dist'))) continue;
  const exports = require(path.join(ROOT, 'subgraphs', subgraph.name, 'dist'));
  const definition = Object.values(exports).find((v) => v && typeof v === 'object' && v.name === subgraph.name && Array.isArray(v.resolvers));
  const file = path.join('docs', 'import', `${subgraph.name}.md`);
  if (!definition || !definition.imports || definition.imports.length === 0) continue;
  fs.writeFileSync(path.join(ROOT, file), importDocsMarkdown(subgraph.name, definition.imports));
  console.log(`wrote ${file}`);
}
