import fs from 'node:fs';
import path from 'node:path';
import { importDocsMarkdown } from '@saf/kit';
import { DEPARTMENTS } from '../support/departments';

/** docs/import/<department>.md is generated from the kinds (`npm run sdl`) and committed: it must match them. */
const ROOT = path.join(__dirname, '..', '..');
const withImports = Object.entries(DEPARTMENTS).filter(([, d]) => (d.imports ?? []).length > 0);

it('civil affairs and finance declare import kinds', () => {
  expect(withImports.map(([name]) => name)).toEqual(expect.arrayContaining(['civil-affairs', 'finance']));
});

it.each(withImports)('%s: docs/import matches its import kinds (run `npm run sdl`)', (name, definition) => {
  const file = path.join(ROOT, 'docs', 'import', `${name}.md`);
  expect(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `(no ${file})`).toBe(importDocsMarkdown(name, definition.imports!));
});

it.each(withImports)('%s: every kind ships its sample file', (name, definition) => {
  for (const kind of definition.imports!) {
    const sample = path.join(ROOT, 'subgraphs', name, kind.sampleFile);
    expect(fs.existsSync(sample) ? kind.sampleFile : `missing ${sample}`).toBe(kind.sampleFile);
    const header = fs.readFileSync(sample, 'utf8').split(/\r?\n/)[0].split(',');
    expect(header).toEqual(expect.arrayContaining(kind.columns.filter((c) => c.required !== false).map((c) => c.name)));
  }
});
