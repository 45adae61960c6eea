/**
 * A document's name and its original: renaming any document, and opening or
 * removing the source file (PDF, Word, saved page) a document was extracted
 * from, which the store keeps in `originals/`; and how much room the store
 * takes, originals counted.
 */
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fail, ok } from '../../../annotations/result';
import { OriginalFiles } from '../../node/sources/original-files';
import { measureStore } from '../../node/store/store-size';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

/** The system viewer, through Electron, loaded only when a file is opened (so tests and the CLI never load Electron). */
async function shellOpenPath(file: string): Promise<string> {
  const { shell } = await import('electron');
  return shell.openPath(file);
}

/** A name safe on every system for the copy that is opened. */
function safeName(name: string): string {
  const printable = [...name].map((c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('');
  return printable.replace(/[<>:"/\\|?*]/gu, '_').slice(-120) || 'original';
}

/** Handlers for renaming documents and for their originals. */
export function createSourceHandlers(deps: HandlerContext): Pick<ApiHandlers, 'renameDocument' | 'openOriginal' | 'removeOriginal' | 'storeSize'> {
  const { store } = deps;
  const openPath = deps.openPath ?? shellOpenPath;
  const originals = new OriginalFiles(store.dir);

  /** The original kept for a document, or why there is none. */
  const originalOf = async (documentId: string) => {
    const view = store.getDocument(documentId);
    if (!view.ok) return view;
    const { document } = view.value;
    if (!document.originalSha256) return fail('not-found', `“${document.title}” was not imported from a PDF, Word file or saved page, so there is no original to open`);
    const entry = await originals.find(document.originalSha256);
    if (!entry) return fail('not-found', `the original of “${document.title}” (${document.originalName ?? document.source}) is no longer in the store`);
    return ok({ document, file: path.join(originals.dir, entry.file) });
  };

  return {
    async renameDocument({ documentId, title }) {
      const renamed = await store.renameDocument(documentId, title);
      if (renamed.ok) deps.notify({ type: 'library-changed' });
      return renamed;
    },

    async openOriginal({ documentId }) {
      const found = await originalOf(documentId);
      if (!found.ok) return found;
      // The viewer gets a copy under the file's own name: the kept file stays as it was whatever the viewer does.
      try {
        const folder = path.join(os.tmpdir(), 'parley-originals');
        await mkdir(folder, { recursive: true });
        const copy = path.join(await mkdtemp(path.join(folder, 'open-')), safeName(found.value.document.originalName ?? path.basename(found.value.file)));
        await copyFile(found.value.file, copy);
        const error = await openPath(copy);
        if (error) return fail('io-error', `could not open ${path.basename(copy)}: ${error}`);
        return ok({ opened: copy });
      } catch (error) {
        return fail('io-error', `could not open the original: ${(error as Error).message}`);
      }
    },

    async removeOriginal({ documentId }) {
      const view = store.getDocument(documentId);
      if (!view.ok) return view;
      const sha = view.value.document.originalSha256;
      if (!sha) return ok({ removed: false });
      const removed = await originals.remove(sha);
      if (!removed.ok) return removed;
      // The library's size changed; the text, its pages and every annotation stay.
      if (removed.value) deps.notify({ type: 'library-changed' });
      return ok({ removed: removed.value });
    },

    async storeSize() {
      try {
        return ok(await measureStore(store.dir));
      } catch (error) {
        return fail('io-error', `could not measure the store: ${(error as Error).message}`);
      }
    },
  };
}
