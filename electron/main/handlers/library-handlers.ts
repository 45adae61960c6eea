/**
 * The library: app info and author, the list, opening a document, importing
 * articles (pasted, dropped or chosen in a dialog), deleting, status, backups,
 * and cancelling a long task.
 */
import path from 'node:path';
import { createDocument } from '../../../annotations/document';
import { articleFromFile, isHtmlArticle, MAX_ARTICLE_FILE_BYTES } from '../../../annotations/import/article-file';
import { OWN_LAYER_ID, type CorpusDocument } from '../../../annotations/model';
import { fail, ok, type Problem, type Result } from '../../../annotations/result';
import { plural } from '../../../annotations/text/plural';
import type { ImportReport } from '../../../shared/api';
import { keyOverrideProblems, labelKeys } from '../../../shared/key-bindings';
import { readFileWithin, readTextWithin } from '../../node/import/input-files';
import { commitSourceImport, planSourceImport, storedOriginalOf, type SourceInput } from '../../node/sources/import-sources';
import { OriginalFiles } from '../../node/sources/original-files';
import { MAX_SOURCE_BYTES, SOURCE_EXTENSIONS, sourceKindOf } from '../../node/sources/source-text';
import type { SourceTexts } from '../../node/tasks/format-job';
import { runFormatJobWith } from '../../node/tasks/run-format-job';
import { withTask, type TaskHandle } from '../../node/tasks/task-registry';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

/** Plain-text article files imported by path (sources are known by `SOURCE_EXTENSIONS`). */
const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'];

type LibraryMethods =
  | 'cancelTask'
  | 'getAppInfo'
  | 'setAuthor'
  | 'setKeyBindings'
  | 'listDocuments'
  | 'getDocument'
  | 'importTexts'
  | 'importFromDialog'
  | 'importDroppedFiles'
  | 'deleteDocument'
  | 'setStatus'
  | 'listBackups'
  | 'restoreBackup';

/** Handlers for the library list and the documents in it. */
export function createLibraryHandlers(deps: HandlerContext): Pick<ApiHandlers, LibraryMethods> {
  const { store, settings, dialogs, tasks, formatWorker, now } = deps;
  const originals = new OriginalFiles(store.dir);

  const importArticles = (files: Array<{ name: string; content: string }>, sources: SourceInput[] = []): Promise<Result<ImportReport>> =>
    withTask(tasks, `Importing ${plural(files.length + sources.length, 'article')}`, (task) => importArticlesAs(files, sources, task));

  /**
   * Reads each article (yielding now and then so a cancel can arrive) and
   * each source file (PDF, Word, saved page: in the worker, with progress
   * per page), then adds them all in one step, keeping the sources' originals.
   */
  const importArticlesAs = async (files: Array<{ name: string; content: string }>, sources: SourceInput[], task: TaskHandle): Promise<Result<ImportReport>> => {
    let reads: SourceTexts = [];
    if (sources.length > 0) {
      const read = await readSourcesIn(sources, task);
      if (!read.ok) return read.error.code === 'cancelled' ? fail('cancelled', 'the import was cancelled; the library is unchanged') : read;
      reads = read.value;
    }
    const problems: Problem[] = [];
    const duplicates: ImportReport['duplicates'] = [];
    const docs: CorpusDocument[] = [];
    const known = new Map(store.listDocuments().map((d) => [d.sha256, d.id]));
    const stamp = now();
    const total = files.length * 2;
    // Pages are reduced to text in the worker: a huge or deeply nested page never stalls the main process.
    const pages = files.filter((f) => isHtmlArticle(f.name) && !f.content.includes('\u0000'));
    const pageTexts = new Map<object, { title: string; text: string }>();
    if (pages.length > 0) {
      const converted = await runFormatJobWith(formatWorker, { kind: 'html-text', pages: pages.map((f) => (f.content.charCodeAt(0) === 0xfeff ? f.content.slice(1) : f.content)) }, task);
      if (!converted.ok) return converted.error.code === 'cancelled' ? fail('cancelled', 'the import was cancelled; the library is unchanged') : converted;
      pages.forEach((f, i) => pageTexts.set(f, converted.value[i]!));
    }
    for (const [i, file] of files.entries()) {
      if (i % 20 === 0) {
        task.progress(i, total);
        await new Promise((resolve) => setImmediate(resolve));
        if (task.isCancelled()) return fail('cancelled', 'the import was cancelled; the library is unchanged');
      }
      const article = articleFromFile(file.name, file.content, pageTexts.get(file));
      if (!article.ok) {
        problems.push({ file: file.name, message: article.error.message });
        continue;
      }
      const document = createDocument({ ...article.value, now: stamp });
      const existing = known.get(document.sha256);
      if (existing) {
        duplicates.push({ name: file.name, existingId: existing });
        continue;
      }
      known.set(document.sha256, document.id);
      docs.push({ document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: settings.author(), annotations: [] }], decisions: [] });
    }
    const control = { onProgress: (done: number, of: number) => task.progress(files.length + Math.round((done / Math.max(of, 1)) * files.length), total), isCancelled: () => task.isCancelled() };
    const plan = planSourceImport(sources, reads, { documents: [...known].map(([sha256, id]) => ({ id, sha256 })), originalOf: storedOriginalOf(store) }, { author: settings.author(), now: stamp });
    const added = await commitSourceImport(store, plan, control, docs);
    if (!added.ok) return added;
    if (added.value.length > 0) deps.notify({ type: 'library-changed' });
    return ok({ added: added.value, duplicates: [...duplicates, ...plan.duplicates], problems: [...problems, ...plan.problems] });
  };

  /**
   * Imports files named by path (chosen in the dialog or dropped on the
   * window): sources (PDF, Word, saved pages) by their bytes, articles as
   * text, each size checked before a byte is read. A path that is not
   * absolute is a problem of the report and is never opened; so is a dropped
   * file of a kind Parley does not import (the dialog's filter already
   * narrows what can be chosen, and a file chosen past it is read as text).
   */
  const importPaths = async (paths: readonly string[], dropped = false): Promise<Result<ImportReport>> => {
    const files: Array<{ name: string; content: string }> = [];
    const sources: SourceInput[] = [];
    const problems: Problem[] = [];
    for (const file of paths) {
      const name = path.basename(file);
      if (!path.isAbsolute(file)) {
        problems.push({ file: name, message: 'not imported: the path of an imported file must be absolute' });
        continue;
      }
      const kind = sourceKindOf(file);
      if (kind) {
        // Sizes are checked for the kind of file before a byte is read.
        const bytes = await readFileWithin(file, MAX_SOURCE_BYTES[kind]);
        if (bytes.ok) sources.push({ name, relative: name, bytes: bytes.value });
        else problems.push({ file: name, message: bytes.error.message });
        continue;
      }
      if (dropped && !ARTICLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
        problems.push({ file: name, message: 'not an article: Parley imports .txt and .md files, PDF, Word (.docx) and saved web pages (.html, .mhtml)' });
        continue;
      }
      const read = await readTextWithin(file, MAX_ARTICLE_FILE_BYTES);
      if (read.ok) files.push({ name, content: read.value });
      else problems.push({ file: name, message: read.error.message });
    }
    const report = files.length + sources.length > 0 ? await importArticles(files, sources) : ok<ImportReport>({ added: [], duplicates: [], problems: [] });
    if (!report.ok) return report;
    return ok({ ...report.value, problems: [...problems, ...report.value.problems] });
  };

  /** Source files' texts, read in the worker. */
  const readSourcesIn = (sources: readonly SourceInput[], task: TaskHandle) => runFormatJobWith(formatWorker, { kind: 'sources', files: sources.map((s) => ({ name: s.name, bytes: s.bytes })) }, task);

  return {
    async cancelTask({ taskId }) {
      return tasks.cancel(taskId);
    },

    async getAppInfo() {
      return ok({ version: deps.version, storeDir: store.dir, author: settings.author(), keyBindings: settings.keyBindings(), incidents: deps.incidents });
    },

    async setAuthor({ author }) {
      const saved = await settings.setAuthor(author);
      return saved.ok ? ok({ author }) : saved;
    },

    async setKeyBindings({ bindings }) {
      const problems = keyOverrideProblems(bindings, labelKeys(store.getLabels().labels), process.platform === 'darwin' ? 'mac' : 'other');
      if (problems.length > 0) return fail('conflict', problems.join(' '));
      const saved = await settings.setKeyBindings(bindings);
      return saved.ok ? ok({ keyBindings: settings.keyBindings() }) : saved;
    },

    async listDocuments() {
      return ok(store.listDocuments());
    },

    async getDocument({ documentId }) {
      const view = store.getDocument(documentId);
      const sha = view.ok ? view.value.document.originalSha256 : undefined;
      if (!view.ok || !sha) return view;
      return ok({ ...view.value, originalKept: await originals.has(sha, view.value.document.originalName ?? view.value.document.source) });
    },

    async importTexts({ files }) {
      return importArticles(files);
    },

    async importFromDialog() {
      const extensions = [...new Set(['txt', 'md', 'markdown', ...Object.keys(SOURCE_EXTENSIONS).map((e) => e.slice(1))])];
      const paths = await dialogs.openFiles({ title: 'Import articles', filters: [{ name: 'Articles, PDF, Word, saved pages', extensions }] });
      return paths ? importPaths(paths) : ok(null);
    },

    async importDroppedFiles({ paths }) {
      return importPaths(paths, true);
    },

    async deleteDocument({ documentId }) {
      const deleted = await store.deleteDocument(documentId);
      if (!deleted.ok) return deleted;
      deps.notify({ type: 'library-changed' });
      return ok({ deleted: documentId });
    },

    async setStatus({ documentId, status }) {
      return store.setStatus(documentId, status);
    },

    async listBackups({ documentId }) {
      return ok(store.listBackups(documentId));
    },

    async restoreBackup({ backupId }) {
      const restored = await store.restoreBackup(backupId);
      if (restored.ok) deps.notify({ type: 'library-changed' });
      return restored;
    },
  };
}
