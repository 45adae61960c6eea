import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSuggestionLibrary, SUGGESTIONS_FILE } from './suggestion-library';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-suggest-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rejection = { source: 'gazetteer' as const, start: 3, end: 8, labelId: 'actor', quote: 'Seoul', rejectedAt: '2026-12-01T00:00:00Z' };

describe('suggestion library', () => {
  it('keeps gazetteers and rejections on disk across openings, a repeat rejection once', async () => {
    const first = await openSuggestionLibrary(dir);
    if (!first.ok) throw new Error(first.error.message);
    const added = await first.value.addGazetteer('places.csv', [{ name: 'Seoul', labelId: 'actor', aliases: ['서울'] }]);
    expect(added.ok).toBe(true);
    await first.value.reject('doc_1', [rejection]);
    const after = await first.value.reject('doc_1', [{ ...rejection, rejectedAt: 'later' }, { ...rejection, source: 'pattern' }]);
    expect(after.ok && after.value.map((r) => r.source)).toEqual(['gazetteer', 'pattern']);

    const again = await openSuggestionLibrary(dir);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.gazetteers().map((g) => [g.name, g.entries[0]!.aliases])).toEqual([['places.csv', ['서울']]]);
    expect(again.value.rejected('doc_1')).toEqual([rejection, { ...rejection, source: 'pattern' }]);
    expect(again.value.rejected('doc_2')).toEqual([]);
  });

  it('replaces a gazetteer of the same name and removes one by id', async () => {
    const lib = await openSuggestionLibrary(dir);
    if (!lib.ok) throw new Error(lib.error.message);
    await lib.value.addGazetteer('g.csv', [{ name: 'A1', labelId: 'actor', aliases: [] }]);
    const second = await lib.value.addGazetteer('g.csv', [{ name: 'B2', labelId: 'actor', aliases: [] }]);
    expect(lib.value.gazetteers().map((g) => g.entries[0]!.name)).toEqual(['B2']);
    if (!second.ok) throw new Error('add');
    expect(await lib.value.removeGazetteer(second.value.id)).toEqual({ ok: true, value: undefined });
    expect(await lib.value.removeGazetteer('gaz_none')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(lib.value.gazetteers()).toEqual([]);
  });

  it('refuses a damaged file and leaves it as it was', async () => {
    const file = path.join(dir, SUGGESTIONS_FILE);
    for (const damaged of ['{"schemaVersion":1,"gazetteers":[],"rejec', '{"schemaVersion":1,"gazetteers":"no","rejected":{}}', '']) {
      await writeFile(file, damaged);
      const opened = await openSuggestionLibrary(dir);
      expect(opened).toMatchObject({ ok: false, error: { code: 'store-corrupt', message: expect.stringMatching(/left as it is/) } });
      expect(await readFile(file, 'utf8')).toBe(damaged);
    }
  });

  it('refuses a file from a newer version', async () => {
    await writeFile(path.join(dir, SUGGESTIONS_FILE), '{"schemaVersion":9}');
    expect(await openSuggestionLibrary(dir)).toMatchObject({ ok: false, error: { code: 'store-corrupt', message: expect.stringMatching(/newer version/) } });
  });
});
