/**
 * A store with history, built through the app's own handlers, and the four
 * ways a store file is found damaged. Shared by the app's and the command
 * line's corruption tests.
 */
import { readdir, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Result } from '../../../annotations/result';
import { createHandlers } from '../handlers/create-handlers';
import { openAppStore } from '../../node/open-app-store';

/** The four kinds of damage issue 6 names. */
export const DAMAGE: Record<'truncated' | 'zero-length' | 'garbage' | 'wrong schema', (file: string) => Promise<void>> = {
  truncated: async (file) => truncate(file, Math.floor((await stat(file)).size / 2)),
  'zero-length': async (file) => truncate(file, 0),
  garbage: async (file) => writeFile(file, Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0xc3, 0x28, 0x9f, 0x0a])),
  'wrong schema': async (file) => writeFile(file, JSON.stringify({ schemaVersion: 1, documents: 'none', layers: 7, author: 42 })),
};

/** The kinds of damage, by name. */
export type DamageKind = keyof typeof DAMAGE;

/** What `seedDamageableStore` left on disk. */
export interface SeededStore {
  /** The document that was tagged twice, so its newest backup holds one annotation. */
  documentId: string;
  documentFile: string;
  libraryFile: string;
  settingsFile: string;
  /** Titles of every document, in library order. */
  titles: string[];
  /** The author name saved last. */
  author: string;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * Opens a new store in `dir` the way the app does, imports two articles, tags
 * the first twice, each time in its own session (closing the store writes the
 * tag's journal into the document file, backing up the version before),
 * renames the author twice, and closes it: every file then has a last good copy.
 */
export async function seedDamageableStore(dir: string): Promise<SeededStore> {
  let documentId = '';
  let titles: string[] = [];
  for (const [quote, labelId] of [['Noh', 'actor'], ['22 June 2021', 'date']] as const) {
    const opened = value(await openAppStore(dir, 'Min-ji', { seedSamples: false }));
    try {
      const api = createHandlers({ ...opened, dialogs: { openFiles: async () => null, saveFile: async () => null }, version: 'test', notify: () => undefined });
      if (!documentId) {
        const report = value(
          await api.importTexts({
            files: [
              { name: 'working-group.txt', content: 'Working group ends\n\nNoh suggested terminating the working group on 22 June 2021.' },
              { name: 'summit.txt', content: 'Summit pledge\n\nThe leaders pledged to consult 통일부 🇰🇷 at Camp David.' },
            ],
          }),
        );
        documentId = report.added[0]!.id;
      }
      const text = value(await api.getDocument({ documentId })).document.text;
      const start = text.indexOf(quote);
      value(await api.addAnnotations({ documentId, spans: [{ start, end: start + quote.length, labelId }] }));
      if (labelId === 'date') {
        value(await api.setAuthor({ author: 'Kim Min-ji' }));
        value(await api.setAuthor({ author: 'Min-ji Kim' }));
      }
      titles = opened.store.listDocuments().map((d) => d.title);
    } finally {
      await opened.store.close();
    }
  }
  const documentFiles = await readdir(path.join(dir, 'documents'));
  const documentFile = documentFiles.map((name) => path.join(dir, 'documents', name)).find((f) => path.basename(f, '.json') === documentId && f.endsWith('.json'));
  if (!documentFile) throw new Error(`no file for ${documentId} among ${documentFiles.join(', ')}`);
  return { documentId, documentFile, libraryFile: path.join(dir, 'library.json'), settingsFile: path.join(dir, 'settings.json'), titles, author: 'Min-ji Kim' };
}
