import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from './handlers/create-handlers';
import { describeIncident } from '../node/incident-text';
import { openAppStore } from '../node/open-app-store';
import { makeTempDir, removeTempDir } from '../node/store/test-support/store-fixtures';
import { DAMAGE, seedDamageableStore, type DamageKind, type SeededStore } from './test-support/damaged-store';

let dir = '';
afterEach(async () => {
  if (dir) await removeTempDir(dir);
});

type Target = 'a document file' | 'library.json' | 'settings.json';
const fileOf = (seeded: SeededStore, target: Target): string =>
  target === 'a document file' ? seeded.documentFile : target === 'library.json' ? seeded.libraryFile : seeded.settingsFile;

/** Starts the app on a store whose `target` file has `kind` damage: open the store, then ask the handlers what the window shows. */
async function startOnDamaged(kind: DamageKind, target: Target) {
  dir = await makeTempDir('parley-app-damaged-');
  const seeded = await seedDamageableStore(dir);
  const file = fileOf(seeded, target);
  await DAMAGE[kind](file);
  const spoiled = await readFile(file);
  const opened = await openAppStore(dir, 'someone-else', { seedSamples: true });
  if (!opened.ok) throw new Error(`the app did not start: ${opened.error.message}`);
  const api = createHandlers({ ...opened.value, dialogs: { openFiles: async () => null, saveFile: async () => null }, version: 'test', notify: () => undefined });
  return { seeded, file, spoiled, opened: opened.value, api };
}

describe('starting the app on a store with a damaged file', () => {
  for (const kind of Object.keys(DAMAGE) as DamageKind[])
    for (const target of ['a document file', 'library.json', 'settings.json'] as const)
      it(`starts with ${kind} ${target}: moves it aside, restores the last good copy, and says where the damaged file is`, async () => {
        const { seeded, file, spoiled, opened, api } = await startOnDamaged(kind, target);
        try {
          const info = await api.getAppInfo({});
          if (!info.ok) throw new Error(info.error.message);
          // What the window is told: exactly one incident, naming the file and where the damaged copy went.
          expect(info.value.incidents).toHaveLength(1);
          const [incident] = info.value.incidents;
          expect(incident!.file).toBe(file);
          expect(path.dirname(incident!.movedTo)).toBe(path.join(dir, 'damaged'));
          expect(incident!.problem).not.toBe('');
          expect(incident!.restoredFrom).toContain(`${path.sep}backups${path.sep}`);
          expect(describeIncident(incident!)).toContain(incident!.movedTo);
          // The damaged bytes are kept as they were found, and nothing else was put aside.
          expect(await readFile(incident!.movedTo)).toEqual(spoiled);
          expect(await readdir(path.join(dir, 'damaged'))).toEqual([path.basename(incident!.movedTo)]);

          // The analyst's work is there: every document, the tagged one at its last good version, the author name.
          // (An index rebuilt from a backup may list them in another order.)
          const docs = await api.listDocuments({});
          expect(docs.ok && docs.value.map((d) => d.title).sort()).toEqual([...seeded.titles].sort());
          const view = await api.getDocument({ documentId: seeded.documentId });
          if (!view.ok) throw new Error(view.error.message);
          const quotes = view.value.layers.find((l) => l.id === 'own')!.annotations.map((a) => a.quote.exact);
          // A document file comes back as its newest backup, the version before the last tag.
          expect(quotes).toEqual(target === 'a document file' ? ['Noh'] : ['Noh', '22 June 2021']);
          expect(info.value.author).toBe(seeded.author);
        } finally {
          await opened.store.close();
        }
        // Repaired for good: the next start finds nothing wrong.
        const again = await openAppStore(dir, 'someone-else', { seedSamples: true });
        if (!again.ok) throw new Error(again.error.message);
        expect(again.value.incidents).toEqual([]);
        await again.value.store.close();
      });

  it('starts with default settings when settings.json and its copy are both damaged, and says there was nothing to restore', async () => {
    dir = await makeTempDir('parley-app-damaged-');
    const seeded = await seedDamageableStore(dir);
    await DAMAGE.garbage(seeded.settingsFile);
    await DAMAGE.truncated(path.join(dir, 'backups', 'settings', 'settings.json'));
    const opened = await openAppStore(dir, 'someone-else', { seedSamples: true });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      expect(opened.value.incidents).toEqual([{ file: seeded.settingsFile, movedTo: expect.stringContaining(`${path.sep}damaged${path.sep}`) as string, problem: expect.stringContaining('UTF-8') as string, restoredFrom: null }]);
      expect(describeIncident(opened.value.incidents[0]!)).toContain('no good copy');
      expect(opened.value.settings.author()).toBe('someone-else');
      // The samples are not pushed on a store that already has documents.
      expect(opened.value.store.listDocuments().map((d) => d.title).sort()).toEqual([...seeded.titles].sort());
    } finally {
      await opened.value.store.close();
    }
  });
});
