/**
 * No import circles in the main process, the plain-Node layer or the command
 * line: a circle (create-handlers ↔ review-handlers was one) makes the order
 * modules load in matter and hides which concern depends on which. Type-only
 * imports count too, since they tie the files together for a reader all the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles, relativeImports } from './import-graph';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('test-support'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}

describe('import cycles', () => {
  it('finds none in electron/', () => {
    const files = sourceFiles('electron');
    const graph = new Map(files.map((f) => [f, relativeImports(f, readFileSync(path.join(ROOT, f), 'utf8'), (candidate) => files.includes(candidate))]));
    expect(findImportCycles(graph)).toEqual([]);
  });

  it('reports a circle of two and of three files, and not a chain or a self-contained file', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', ['c.ts']],
      ['f.ts', ['g.ts']],
      ['g.ts', []],
    ]);
    expect(findImportCycles(graph)).toEqual([
      ['a.ts', 'b.ts'],
      ['c.ts', 'd.ts', 'e.ts'],
    ]);
  });

  it('reads static, type-only, re-export and dynamic imports, resolving folders to their index', () => {
    const known = new Set(['src/x/a.ts', 'src/b.ts', 'src/c/index.ts', 'src/d.tsx', 'src/e.ts']);
    const source = [
      "import { a } from './x/a';",
      "import type { B } from '../src/b';",
      "export { c } from './c';",
      "const d = await import('./d');",
      "export * from './e';",
      "import fs from 'node:fs';",
      "import { missing } from './nowhere';",
    ].join('\n');
    expect(relativeImports('src/main.ts', source, (f) => known.has(f))).toEqual(['src/x/a.ts', 'src/b.ts', 'src/c/index.ts', 'src/d.tsx', 'src/e.ts']);
  });
});
