/**
 * What the window loads before it asks for the library: the modules
 * renderer/src/main.tsx reaches by static imports end up in the start chunk,
 * which is fetched, compiled and run before the first bridge call. zod (the
 * contract's schemas belong to the main process), CodeMirror and the date
 * parser (the reader, which loads beside the first calls) and d3 (the corpus
 * view) must stay out of it; an `import` of a value from a module that holds
 * a schema is enough to pull zod back in.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = 'renderer/src/main.tsx';
const KEPT_OUT = /node_modules\/(zod|@codemirror|chrono-node|d3-[a-z-]+)\//;

/** Each module reached from `entry` by static imports, with the module that first imported it. */
function staticReach(metafile: Metafile, entry: string): Map<string, string | null> {
  const reached = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || reached.has(imported.path)) continue;
      reached.set(imported.path, file);
      queue.push(imported.path);
    }
  }
  return reached;
}

/** How `file` was reached: the chain of importers from the entry. */
function chain(reached: Map<string, string | null>, file: string): string {
  const links: string[] = [];
  for (let at: string | null | undefined = file; at; at = reached.get(at)) links.unshift(at);
  return links.join(' → ');
}

describe('the renderer start chunk', () => {
  it('reaches neither zod, CodeMirror, the date parser nor d3 through static imports', async () => {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [ENTRY],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: 'out/start-chunk-check',
      write: false,
      metafile: true,
      jsx: 'automatic',
      loader: { '.css': 'empty' },
      logLevel: 'silent',
    });
    const reached = staticReach(result.metafile, ENTRY);
    // One chain per package, enough to see which import to move.
    const chains = new Map<string, string>();
    for (const file of reached.keys()) {
      const pkg = KEPT_OUT.exec(file)?.[1];
      if (pkg && !chains.has(pkg)) chains.set(pkg, chain(reached, file));
    }
    expect([...chains.values()]).toEqual([]);
    // The walk does reach the library's own code and React, so an empty list above means something.
    expect(reached.has('renderer/src/library/library-sidebar.tsx')).toBe(true);
    expect([...reached.keys()].some((file) => file.includes('node_modules/react-dom/'))).toBe(true);
  });
});
