/**
 * Review and agreement over the store: load a colleague's layer, settle the
 * differences into the reconciled layer, measure agreement, export reports.
 */
import { writeFile } from 'node:fs/promises';
import { buildAgreementReport } from '../../../annotations/agreement/report';
import { reportToCsv } from '../../../annotations/agreement/report-csv';
import { reportToMarkdown } from '../../../annotations/agreement/report-markdown';
import type { AnnotatorDocuments, AgreementDocument } from '../../../annotations/agreement/agreement-input';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID, type DecisionAction } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import { findDifferences } from '../../../annotations/review/differences';
import { acceptAllAgreed, decide } from '../../../annotations/review/reconcile';
import type { ReviewState } from '../../../annotations/review/review-state';
import { reviewQueue, type QueueDocument } from '../../../annotations/review/review-queue';
import { findLayerDifferences } from '../../../annotations/review/layer-differences';
import { decideAcross } from '../../../annotations/review/layer-decisions';
import { preAcceptAgreed } from '../../../annotations/review/pre-accept';
import type { DocumentView } from '../../../shared/library';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerDeps } from './create-handlers';
import { runFormatJobWith } from '../../node/tasks/run-format-job';
import { TaskRegistry, withTask } from '../../node/tasks/task-registry';
import { formatExtensions, readFormatFiles } from '../../node/import/format-files';
import { importColleagueLayers } from '../../node/import/layer-import';

type ReviewMethods =
  | 'importLayerFromDialog'
  | 'removeLayer'
  | 'decide'
  | 'acceptAllAgreed'
  | 'undoReview'
  | 'redoReview'
  | 'reviewQueue'
  | 'decideAcross'
  | 'preAcceptAgreed'
  | 'agreement'
  | 'exportAgreementToDialog';

/** How a decision is named on the Undo button and in the history. */
const ACTION_LABELS: Readonly<Record<DecisionAction, string>> = {
  'accept-theirs': 'Accept theirs',
  'keep-mine': 'Keep mine',
  'keep-both': 'Keep both',
  'reject-both': 'Reject both',
  'choose-spans': 'Choose spans',
};

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}”`;
}

/** Handlers for review, layers and agreement. */
export function createReviewHandlers(deps: HandlerDeps): Pick<ApiHandlers, ReviewMethods> {
  const { store, settings, dialogs } = deps;
  const now = deps.now ?? (() => new Date().toISOString());

  const comparison = (documentId: string, theirsLayerId: string) => {
    const view = store.getDocument(documentId);
    if (!view.ok) return view;
    const layer = (id: string) => view.value.layers.find((l) => l.id === id);
    const theirs = layer(theirsLayerId);
    if (!theirs) return fail<never>('not-found', `this document has no layer ${theirsLayerId}`);
    const mine = layer(OWN_LAYER_ID)?.annotations ?? [];
    const state: ReviewState = { annotations: layer(RECONCILED_LAYER_ID)?.annotations ?? [], decisions: view.value.decisions };
    const differences = findDifferences(view.value.document.text, mine, theirs.annotations);
    const context = { documentId, layers: [OWN_LAYER_ID, theirsLayerId] as [string, string], decidedBy: settings.author(), now: now() };
    return ok({ view: view.value, differences, state, context });
  };

  /** Several layers reviewed at once on one document: each must exist there (the own layer may be empty), none twice. */
  const comparisonAcross = (documentId: string, layerIds: readonly string[]) => {
    const repeated = layerIds.find((id, i) => layerIds.indexOf(id) !== i);
    if (repeated) return fail<never>('invalid-input', `the layer ${repeated} is named twice; each layer is compared once`);
    const view = store.getDocument(documentId);
    if (!view.ok) return view;
    const layers = [];
    for (const layerId of layerIds) {
      const layer = view.value.layers.find((l) => l.id === layerId);
      if (!layer && layerId !== OWN_LAYER_ID) return fail<never>('not-found', `this document has no layer ${layerId}`);
      layers.push({ id: layerId, annotations: layer?.annotations ?? [] });
    }
    const state: ReviewState = { annotations: view.value.layers.find((l) => l.id === RECONCILED_LAYER_ID)?.annotations ?? [], decisions: view.value.decisions };
    const differences = findLayerDifferences(view.value.document.text, layers);
    const context = { documentId, layers: [...layerIds], decidedBy: settings.author(), now: now() };
    return ok({ view: view.value, differences, state, context });
  };

  const annotatorsFor = (layerIds: string[], documentIds?: string[]): Result<AnnotatorDocuments[]> => {
    const corpus = store.exportCorpus(documentIds);
    const annotators: AnnotatorDocuments[] = [];
    for (const layerId of layerIds) {
      const documents = new Map<string, AgreementDocument>();
      let name = layerId;
      for (const doc of corpus.documents) {
        const layer = doc.layers.find((l) => l.id === layerId);
        if (!layer) continue;
        // The own layer by its author's name, as the layer list and the review name it.
        name = layerId === OWN_LAYER_ID ? layer.author || settings.author() : layerId === RECONCILED_LAYER_ID ? 'reconciled' : layer.author;
        documents.set(doc.document.sha256, { text: doc.document.text, title: doc.document.title, annotations: layer.annotations, done: doc.document.status === 'done' });
      }
      if (documents.size === 0) return fail('not-found', `no chosen document has the layer ${layerId}`);
      annotators.push({ annotator: name, documents });
    }
    return ok(distinctAnnotators(annotators, layerIds));
  };

  return {
    async importLayerFromDialog({ format, author }) {
      const paths = await dialogs.openFiles({ title: 'Load a colleague\'s annotations', filters: [{ name: format, extensions: formatExtensions(format) }] });
      if (!paths) return ok(null);
      const read = await readFormatFiles(paths);
      if (!read.ok) return read;
      const files = read.value;
      const tasks = deps.tasks ?? new TaskRegistry(deps.notify);
      const report = await withTask(tasks, `Loading ${author ? `${author}’s` : 'a colleague’s'} annotations`, (task) =>
        importColleagueLayers(store, files, format, {
          author,
          now: now(),
          decode: (job) => runFormatJobWith(deps.formatWorker ?? null, job, task),
        }),
      );
      if (!report.ok && report.error.code === 'cancelled') return fail('cancelled', 'loading was cancelled; nothing was added');
      if (report.ok) deps.notify({ type: 'library-changed' });
      return report;
    },

    async removeLayer({ layerId, documentId }) {
      const targets = documentId ? [documentId] : store.listDocuments().filter((d) => d.layers.some((l) => l.id === layerId)).map((d) => d.id);
      for (const id of targets) {
        const removed = await store.removeLayer(id, layerId);
        if (!removed.ok) return removed;
      }
      deps.notify({ type: 'library-changed' });
      return ok({ removedFrom: targets.length });
    },

    async decide({ documentId, theirsLayerId, differenceKey, action, keepIds }) {
      if (action === 'choose-spans' && !keepIds) return fail('invalid-input', 'choosing spans one by one needs the ids of the spans to keep');
      const c = comparison(documentId, theirsLayerId);
      if (!c.ok) return c;
      const difference = c.value.differences.find((d) => d.key === differenceKey);
      if (!difference) return fail('not-found', 'that difference no longer exists; the layers changed since it was listed');
      const inDifference = new Set([...difference.mineIds, ...difference.theirsIds]);
      const stray = (keepIds ?? []).find((k) => !inDifference.has(k));
      if (stray) return fail('invalid-input', `annotation ${stray} is not part of this difference`);
      const { state } = decide(c.value.state, difference, action, c.value.context, keepIds);
      return store.recordDecisions(documentId, state.annotations, state.decisions, `${ACTION_LABELS[action]} on ${quoted(difference.quote)}`);
    },

    async acceptAllAgreed({ documentId, theirsLayerId }) {
      const c = comparison(documentId, theirsLayerId);
      if (!c.ok) return c;
      const state = acceptAllAgreed(c.value.state, c.value.differences, c.value.context);
      const added = state.decisions.length - c.value.state.decisions.length;
      return store.recordDecisions(documentId, state.annotations, state.decisions, `Accept all agreed (${added})`) as Promise<Result<DocumentView>>;
    },

    async undoReview({ documentId }) {
      return store.undoReview(documentId);
    },

    async redoReview({ documentId }) {
      return store.redoReview(documentId);
    },

    async reviewQueue({ theirsLayerId, layerIds }) {
      if ((theirsLayerId === undefined) === (layerIds === undefined)) return fail('invalid-input', 'name either one colleague layer (theirsLayerId) or the layers reviewed at once (layerIds)');
      const compared = layerIds ?? [OWN_LAYER_ID, theirsLayerId!];
      const documents: QueueDocument[] = [];
      for (const doc of store.exportCorpus().documents) {
        // A document counts when it has every compared colleague layer; the own layer may be empty.
        const layers = compared.map((id) => ({ id, layer: doc.layers.find((l) => l.id === id) }));
        if (layers.some(({ id, layer }) => !layer && id !== OWN_LAYER_ID)) continue;
        documents.push({
          id: doc.document.id,
          title: doc.document.title,
          text: doc.document.text,
          mine: layers[0]!.layer?.annotations ?? [],
          theirs: layers[1]!.layer?.annotations ?? [],
          layers: layers.map(({ id, layer }) => ({ id, annotations: layer?.annotations ?? [] })),
          decisions: doc.decisions,
        });
      }
      return ok(reviewQueue(documents, compared));
    },

    async decideAcross({ documentId, layerIds, differenceKey, action, keepIds }) {
      if (action === 'choose-spans' && !keepIds) return fail('invalid-input', 'choosing spans one by one needs the ids of the spans to keep');
      const c = comparisonAcross(documentId, layerIds);
      if (!c.ok) return c;
      const difference = c.value.differences.find((d) => d.key === differenceKey);
      if (!difference) return fail('not-found', 'that difference no longer exists; the layers changed since it was listed');
      const inDifference = new Set(difference.spans.map((s) => s.annotation.id));
      const stray = (keepIds ?? []).find((k) => !inDifference.has(k));
      if (stray) return fail('invalid-input', `annotation ${stray} is not part of this difference`);
      const { state } = decideAcross(c.value.state, difference, action, c.value.context, keepIds);
      return store.recordDecisions(documentId, state.annotations, state.decisions, `${ACTION_LABELS[action]} on ${quoted(difference.quote)}`);
    },

    async preAcceptAgreed({ layerIds, k, documentIds }) {
      if (k > layerIds.length) return fail('invalid-input', `“k of n agree” needs k from 2 to ${layerIds.length} (the number of layers compared), got ${k}`);
      const targets = documentIds ?? store.listDocuments().map((d) => d.id);
      let decided = 0;
      let documents = 0;
      for (const documentId of targets) {
        const c = comparisonAcross(documentId, layerIds);
        if (!c.ok) {
          // A document without one of the layers is not part of this review; any other failure is.
          if (c.error.code === 'not-found' && documentIds === undefined) continue;
          return c;
        }
        const result = preAcceptAgreed(c.value.state, c.value.differences, k, c.value.context);
        if (!result.ok) return result;
        if (result.value.decided === 0) continue;
        const recorded = await store.recordDecisions(documentId, result.value.state.annotations, result.value.state.decisions, `${k} of ${layerIds.length} agree: accepted ${result.value.decided}`);
        if (!recorded.ok) return recorded;
        decided += result.value.decided;
        documents++;
      }
      if (decided > 0) deps.notify({ type: 'library-changed' });
      return ok({ decided, documents });
    },

    async agreement({ layerIds, documentIds, includeUnstarted }) {
      const annotators = annotatorsFor(layerIds, documentIds);
      if (!annotators.ok) return annotators;
      return buildAgreementReport(annotators.value, { labelOrder: store.getLabels().labels.map((l) => l.id), includeUnstarted });
    },

    async exportAgreementToDialog({ layerIds, documentIds, format, includeUnstarted }) {
      const annotators = annotatorsFor(layerIds, documentIds);
      if (!annotators.ok) return annotators;
      const report = buildAgreementReport(annotators.value, { labelOrder: store.getLabels().labels.map((l) => l.id), includeUnstarted });
      if (!report.ok) return report;
      const ext = format === 'markdown' ? 'md' : format;
      const target = await dialogs.saveFile({ title: 'Export agreement report', defaultPath: `agreement.${ext}`, filters: [{ name: format, extensions: [ext] }] });
      if (!target) return ok(null);
      const body = format === 'markdown' ? reportToMarkdown(report.value) : format === 'csv' ? reportToCsv(report.value) : `${JSON.stringify(report.value, null, 2)}\n`;
      try {
        await writeFile(target, body, 'utf8');
      } catch (error) {
        return fail('io-error', `could not write ${target}: ${(error as Error).message}`);
      }
      return ok({ path: target });
    },
  };
}

/**
 * Makes annotator names distinct, so that comparing one's own layer with an
 * earlier export of one's own work (same author on both) measures agreement
 * rather than failing: a repeated name gets "(yours)" on the own layer, then
 * "(2)", "(3)"… on later ones.
 */
function distinctAnnotators(annotators: AnnotatorDocuments[], layerIds: readonly string[]): AnnotatorDocuments[] {
  const counts = new Map<string, number>();
  for (const a of annotators) counts.set(a.annotator, (counts.get(a.annotator) ?? 0) + 1);
  const used = new Set<string>();
  return annotators.map((a, i) => {
    let name = a.annotator;
    if ((counts.get(name) ?? 0) > 1 && layerIds[i] === OWN_LAYER_ID) name = `${name} (yours)`;
    for (let n = 2; used.has(name); n++) name = `${a.annotator} (${n})`;
    used.add(name);
    return name === a.annotator ? a : { ...a, annotator: name };
  });
}

