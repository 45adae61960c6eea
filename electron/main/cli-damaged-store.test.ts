/** The command line against a damaged store, seeded through the app's handlers (so it sits beside them, not in electron/cli/). */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DAMAGE, seedDamageableStore, type DamageKind, type SeededStore } from './test-support/damaged-store';
import { main } from '../cli/parley';
import { capture } from '../cli/test-support/capture-io';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Target = 'a document file' | 'library.json' | 'settings.json';
const fileOf = (seeded: SeededStore, target: Target): string =>
  target === 'a document file' ? seeded.documentFile : target === 'library.json' ? seeded.libraryFile : seeded.settingsFile;

async function damagedStore(kind: DamageKind, target: Target) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-cli-damaged-'));
  const store = path.join(dir, 'store');
  const seeded = await seedDamageableStore(store);
  const file = fileOf(seeded, target);
  await DAMAGE[kind](file);
  return { store, seeded, file, spoiled: await readFile(file) };
}

/** The one file in the store's `damaged/` folder. */
async function quarantined(store: string): Promise<string> {
  const names = await readdir(path.join(store, 'damaged'));
  expect(names).toHaveLength(1);
  return path.join(store, 'damaged', names[0]!);
}

describe('the command line on a store with a damaged file', () => {
  for (const kind of Object.keys(DAMAGE) as DamageKind[]) {
    for (const target of ['a document file', 'library.json', 'settings.json'] as const)
      it(`exports from a store with ${kind} ${target}, saying what it repaired and where the damaged file is`, async () => {
        const { store, seeded, file, spoiled } = await damagedStore(kind, target);
        const out = path.join(dir, 'export.json');
        const run = capture();
        expect(await main(['export', '--store', store, '--out', out], run.io)).toBe(0);
        const movedTo = await quarantined(store);
        expect(await readFile(movedTo)).toEqual(spoiled);
        // One plain message: which file, that it was moved and where, and what was restored.
        const told = run.err.filter((line) => line.includes('damaged'));
        expect(told).toHaveLength(1);
        expect(told[0]).toContain(file);
        expect(told[0]).toContain(movedTo);
        expect(told[0]).toMatch(/last good copy was restored from .*backups/);
        // The export holds every document and the tagged one at its last good version.
        const exported = JSON.parse(await readFile(out, 'utf8')) as { documents: Array<{ title: string; layers: Array<{ annotations: Array<{ quote: { exact: string } }> }> }> };
        expect(exported.documents.map((d) => d.title).sort()).toEqual([...seeded.titles].sort());
        const tagged = exported.documents.flatMap((d) => d.layers.flatMap((l) => l.annotations.map((a) => a.quote.exact)));
        expect(tagged).toEqual(target === 'a document file' ? ['Noh'] : ['Noh', '22 June 2021']);
        // The repair is on disk: the next command has nothing to report.
        const again = capture();
        expect(await main(['export', '--store', store, '--out', path.join(dir, 'again.json')], again.io)).toBe(0);
        expect(again.err).toEqual([]);
      });

    it(`imports into a store with a ${kind} document file, after repairing it and saying so`, async () => {
      const { store, seeded, file } = await damagedStore(kind, 'a document file');
      const article = path.join(dir, 'new.txt');
      await writeFile(article, 'Envoys meet\n\nThe envoys met in Seoul.');
      const run = capture();
      expect(await main(['import', article, '--store', store], run.io)).toBe(0);
      const movedTo = await quarantined(store);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toContain(file);
      expect(run.err[0]).toContain(movedTo);
      expect(run.out.at(-1)).toMatch(/^1 imported, 0 already present/);
      const exported = capture();
      const out = path.join(dir, 'all.json');
      expect(await main(['export', '--store', store, '--out', out], exported.io)).toBe(0);
      const titles = (JSON.parse(await readFile(out, 'utf8')) as { documents: Array<{ title: string }> }).documents.map((d) => d.title);
      expect(titles.sort()).toEqual([...seeded.titles, 'new'].sort());
    });
  }
});
