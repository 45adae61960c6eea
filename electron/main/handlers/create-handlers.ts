/**
 * The main process's implementation of the API: thin functions over the store
 * and the engine. Inputs arrive already checked against their schemas.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createAnnotation } from '../../../annotations/annotation';
import { createDocument } from '../../../annotations/document';
import { FORMAT_TITLES } from '../../../annotations/formats/index';
import { articleFromFile, isHtmlArticle, MAX_ARTICLE_FILE_BYTES } from '../../../annotations/import/article-file';
import type { Annotation, AnnotationChange, CorpusDocument } from '../../../annotations/model';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID } from '../../../annotations/model';
import { fail, ok, type Problem, type Result } from '../../../annotations/result';
import type { ImportReport, ParleyEvent } from '../../../shared/api';
import type { StoreIncident } from '../../../shared/library';
import type { Dialogs } from '../dialogs';
import { readTextWithin } from '../../node/import/input-files';
import type { ApiHandlers } from '../ipc/register-api';
import type { AppSettings } from '../../node/app-settings';
import type { ParleyStore } from '../../node/store/parley-store';
import { runFormatJobWith } from '../../node/tasks/run-format-job';
import { TaskRegistry, withTask, type TaskHandle } from '../../node/tasks/task-registry';
import { createAnnotatedImportHandlers } from './annotated-import-handlers';
import { createReviewHandlers } from './review-handlers';
import { plural } from '../../../annotations/text/plural';
import { oneLine } from '../../../annotations/text/ellipsis';

/** What the handlers need from the rest of the main process. */
export interface HandlerDeps {
  store: ParleyStore;
  settings: AppSettings;
  dialogs: Dialogs;
  incidents: StoreIncident[];
  version: string;
  notify: (event: ParleyEvent) => void;
  now?: () => string;
  /** The built `format-worker.js`, so conversions run off the main thread; without it they run inline. */
  formatWorker?: string | null;
  /** Long tasks and their progress; made from `notify` when not given. */
  tasks?: TaskRegistry;
}

const EDITABLE_LAYERS = new Set([OWN_LAYER_ID, RECONCILED_LAYER_ID]);

/** Builds every handler of the API over one store. */
export function createHandlers(deps: HandlerDeps): ApiHandlers {
  const { store, settings, dialogs } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const tasks = deps.tasks ?? new TaskRegistry(deps.notify);
  const formatWorker = deps.formatWorker ?? null;

  const importArticles = (files: Array<{ name: string; content: string }>): Promise<Result<ImportReport>> =>
    withTask(tasks, `Importing ${plural(files.length, 'article')}`, (task) => importArticlesAs(files, task));

  /** Reads each article (yielding now and then so a cancel can arrive), then adds them all in one step. */
  const importArticlesAs = async (files: Array<{ name: string; content: string }>, task: TaskHandle): Promise<Result<ImportReport>> => {
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
    const added = docs.length > 0 ? await store.addDocuments(docs, control) : ok([]);
    if (!added.ok) return added;
    if (docs.length > 0) deps.notify({ type: 'library-changed' });
    return ok({ added: added.value, duplicates, problems });
  };

  const editableLayer = (layerId: string | undefined): Result<string> => {
    const id = layerId ?? OWN_LAYER_ID;
    return EDITABLE_LAYERS.has(id) ? ok(id) : fail('forbidden', `layer ${id} belongs to a colleague and cannot be edited; review it instead`);
  };

  const layerAnnotations = (documentId: string, layerId: string): Result<{ text: string; annotations: Annotation[] }> => {
    const view = store.getDocument(documentId);
    if (!view.ok) return view;
    const layer = view.value.layers.find((l) => l.id === layerId);
    return ok({ text: view.value.document.text, annotations: layer?.annotations ?? [] });
  };

  return {
    ...createReviewHandlers({ ...deps, tasks, formatWorker }),
    ...createAnnotatedImportHandlers({ ...deps, tasks, formatWorker }),

    async cancelTask({ taskId }) {
      return tasks.cancel(taskId);
    },

    async getAppInfo() {
      return ok({ version: deps.version, storeDir: store.dir, author: settings.author(), incidents: deps.incidents });
    },

    async setAuthor({ author }) {
      const saved = await settings.setAuthor(author);
      return saved.ok ? ok({ author }) : saved;
    },

    async listDocuments() {
      return ok(store.listDocuments());
    },

    async getDocument({ documentId }) {
      return store.getDocument(documentId);
    },

    async importTexts({ files }) {
      return importArticles(files);
    },

    async importFromDialog() {
      const paths = await dialogs.openFiles({ title: 'Import articles', filters: [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] }] });
      if (!paths) return ok(null);
      const files: Array<{ name: string; content: string }> = [];
      const problems: Problem[] = [];
      for (const file of paths) {
        const read = await readTextFile(file);
        if (read.ok) files.push({ name: path.basename(file), content: read.value });
        else problems.push({ file: path.basename(file), message: read.error.message });
      }
      const report = files.length > 0 ? await importArticles(files) : ok<ImportReport>({ added: [], duplicates: [], problems: [] });
      if (!report.ok) return report;
      return ok({ ...report.value, problems: [...problems, ...report.value.problems] });
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

    async addAnnotations({ documentId, layerId, spans, historyLabel }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      const current = layerAnnotations(documentId, layer.value);
      if (!current.ok) return current;
      const labels = new Set(store.getLabels().labels.map((l) => l.id));
      const stamp = now();
      const added: Annotation[] = [];
      for (const [i, span] of spans.entries()) {
        if (!labels.has(span.labelId)) return fail('invalid-input', `span ${i}: there is no label "${span.labelId}"`);
        const created = createAnnotation(current.value.text, { documentId, start: span.start, end: span.end, labelId: span.labelId, author: settings.author(), now: stamp, note: span.note });
        if (!created.ok) return fail(created.error.code, `span ${i}: ${created.error.message}`);
        added.push(created.value);
      }
      const label = historyLabel ?? (added.length === 1 ? `Tag “${oneLine(added[0]!.quote.exact, 30)}”` : `Tag ${added.length} spans`);
      return store.changeAnnotations(documentId, layer.value, { removed: [], added }, label);
    },

    async updateAnnotation({ documentId, layerId, annotationId, labelId, note }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      const current = layerAnnotations(documentId, layer.value);
      if (!current.ok) return current;
      const before = current.value.annotations.find((a) => a.id === annotationId);
      if (!before) return fail('not-found', `annotation ${annotationId} is not in this document`);
      if (labelId !== undefined && !store.getLabels().labels.some((l) => l.id === labelId)) return fail('invalid-input', `there is no label "${labelId}"`);
      const after: Annotation = { ...before, updatedAt: now() };
      if (labelId !== undefined) after.labelId = labelId;
      if (note === null || note === '') delete after.note;
      else if (note !== undefined) after.note = note;
      const change: AnnotationChange = { removed: [before], added: [after] };
      const what = labelId !== undefined && labelId !== before.labelId ? 'Change label of' : 'Edit note on';
      return store.changeAnnotations(documentId, layer.value, change, `${what} “${oneLine(before.quote.exact, 30)}”`);
    },

    async deleteAnnotations({ documentId, layerId, annotationIds }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      const current = layerAnnotations(documentId, layer.value);
      if (!current.ok) return current;
      const byId = new Map(current.value.annotations.map((a) => [a.id, a]));
      const removed: Annotation[] = [];
      for (const id of new Set(annotationIds)) {
        const found = byId.get(id);
        if (!found) return fail('not-found', `annotation ${id} is not in this document`);
        removed.push(found);
      }
      const label = removed.length === 1 ? `Delete “${oneLine(removed[0]!.quote.exact, 30)}”` : `Delete ${removed.length} annotations`;
      return store.changeAnnotations(documentId, layer.value, { removed, added: [] }, label);
    },

    async undo({ documentId }) {
      return store.undo(documentId);
    },

    async redo({ documentId }) {
      return store.redo(documentId);
    },

    async getLabels() {
      return ok(store.getLabels());
    },

    async saveLabels({ labels, migrate }) {
      const saved = await store.saveLabels({ labels }, migrate);
      if (!saved.ok) return saved;
      deps.notify({ type: 'library-changed' });
      return ok(store.getLabels());
    },

    async exportToDialog({ documentIds, format, layerIds }) {
      const corpus = store.exportCorpus(documentIds);
      if (corpus.documents.length === 0) return fail('not-found', 'there is nothing to export');
      const exported = await withTask(tasks, `Exporting ${plural(corpus.documents.length, 'document')} as ${FORMAT_TITLES[format]}`, (task) =>
        runFormatJobWith(formatWorker, { kind: 'export', format, corpus, options: { layerIds: layerIds ?? [OWN_LAYER_ID] } }, task),
      );
      if (!exported.ok) return exported.error.code === 'cancelled' ? fail('cancelled', 'the export was cancelled; nothing was written') : exported;
      const single = exported.value.files.length === 1 ? exported.value.files[0]! : null;
      const defaultName = single ? path.basename(single.path) : `parley-${format}.zip`;
      const target = await dialogs.saveFile({ title: 'Export annotations', defaultPath: defaultName, filters: [{ name: format, extensions: [path.extname(defaultName).slice(1) || 'json'] }] });
      if (!target) return ok(null);
      const data = single ? single.data : await zipFiles(exported.value.files);
      try {
        await writeFile(target, data);
      } catch (error) {
        return fail('io-error', `could not write ${target}: ${(error as Error).message}`);
      }
      return ok({ path: target, warnings: exported.value.warnings });
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


function readTextFile(file: string): Promise<Result<string>> {
  return readTextWithin(file, MAX_ARTICLE_FILE_BYTES);
}

async function zipFiles(files: Array<{ path: string; data: string | Uint8Array }>): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.path] = typeof f.data === 'string' ? strToU8(f.data) : f.data;
  return zipSync(entries);
}
