/**
 * Review and agreement over the store: load a colleague's layer, settle the
 * differences into the reconciled layer, measure agreement, export reports.
 */
import { OWN_LAYER_ID, RECONCILED_LAYER_ID, type DecisionAction } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import { findDifferences } from '../../../annotations/review/differences';
import { acceptAllAgreed, decide } from '../../../annotations/review/reconcile';
import type { ReviewState } from '../../../annotations/review/review-state';
import { reviewQueue, type QueueDocument } from '../../../annotations/review/review-queue';
import { findLayerDifferences } from '../../../annotations/review/layer-differences';
import { decideAcross } from '../../../annotations/review/layer-decisions';
import { preAcceptAgreed } from '../../../annotations/review/pre-accept';
import { acceptAgreedRelations, decideRelation, reviewedRelations } from '../../../annotations/review/relation-decisions';
import { RELATION_KEY_PREFIX } from '../../../annotations/review/reconciled-relations';
import { oneLine } from '../../../annotations/text/ellipsis';
import type { DocumentView, ReviewChange } from '../../../shared/library';
import { reviewProgress } from '../../../annotations/review/review-progress';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';
import { runFormatJobWith } from '../../node/tasks/run-format-job';
import { withTask } from '../../node/tasks/task-registry';
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
  | 'preAcceptAgreed';

/** How a decision is named on the Undo button and in the history. */
const ACTION_LABELS: Readonly<Record<DecisionAction, string>> = {
  'accept-theirs': 'Accept theirs',
  'keep-mine': 'Keep mine',
  'keep-both': 'Keep both',
  'reject-both': 'Reject both',
  'choose-spans': 'Choose spans',
};

function quoted(text: string): string {
  return `“${oneLine(text, 40)}”`;
}

/**
 * A recorded review step with this document's row of the review's progress,
 * counted over the differences the decision was made on (a decision changes
 * the reconciled layer and the decisions, never the compared layers).
 */
function withProgress(
  compared: { view: DocumentView; differences: readonly Parameters<typeof reviewProgress>[0][number][]; relationKeys?: readonly string[]; context: { layers: readonly string[] } },
  recorded: Result<ReviewChange>,
): Result<ReviewChange> {
  if (!recorded.ok) return recorded;
  const { decided, total } = reviewProgress(compared.differences, recorded.value.decisions, compared.context.layers, 0, compared.relationKeys);
  return ok({ ...recorded.value, progress: { documentId: compared.view.document.id, title: compared.view.document.title, decided, total } });
}

/** Handlers for colleagues' layers and the review of them. */
export function createReviewHandlers(deps: HandlerContext): Pick<ApiHandlers, ReviewMethods> {
  const { store, settings, dialogs, tasks, formatWorker, now } = deps;

  const comparison = (documentId: string, theirsLayerId: string) => {
    const view = store.getDocument(documentId);
    if (!view.ok) return view;
    const layer = (id: string) => view.value.layers.find((l) => l.id === id);
    const theirs = layer(theirsLayerId);
    if (!theirs) return fail<never>('not-found', `this document has no layer ${theirsLayerId}`);
    const own = layer(OWN_LAYER_ID);
    const mine = own?.annotations ?? [];
    const reconciled = layer(RECONCILED_LAYER_ID);
    const state: ReviewState = { annotations: reconciled?.annotations ?? [], decisions: view.value.decisions, relations: reconciled?.relations ?? [] };
    const differences = findDifferences(view.value.document.text, mine, theirs.annotations);
    const schema = store.getLabels();
    const relations = reviewedRelations({ annotations: mine, relations: own?.relations ?? [] }, theirs, schema);
    const context = { documentId, layers: [OWN_LAYER_ID, theirsLayerId] as [string, string], decidedBy: settings.author(), now: now() };
    const relationInput = { mine, theirs: theirs.annotations, labelName: (id: string) => schema.labels.find((l) => l.id === id)?.name ?? id };
    return ok({ view: view.value, differences, relations, relationKeys: relations.map((r) => r.decisionKey), relationInput, state, context });
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
    const reconciled = view.value.layers.find((l) => l.id === RECONCILED_LAYER_ID);
    const state: ReviewState = { annotations: reconciled?.annotations ?? [], decisions: view.value.decisions, relations: reconciled?.relations ?? [] };
    const differences = findLayerDifferences(view.value.document.text, layers);
    const context = { documentId, layers: [...layerIds], decidedBy: settings.author(), now: now() };
    return ok({ view: view.value, differences, state, context });
  };

  return {
    async importLayerFromDialog({ format, author }) {
      const paths = await dialogs.openFiles({ title: 'Load a colleague\'s annotations', filters: [{ name: format, extensions: formatExtensions(format) }] });
      if (!paths) return ok(null);
      const read = await readFormatFiles(paths);
      if (!read.ok) return read;
      const files = read.value;
      const report = await withTask(tasks, `Loading ${author ? `${author}’s` : 'a colleague’s'} annotations`, (task) =>
        importColleagueLayers(store, files, format, {
          author,
          now: now(),
          decode: (job) => runFormatJobWith(formatWorker, job, task),
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
      if (differenceKey.startsWith(RELATION_KEY_PREFIX)) {
        if (keepIds) return fail('invalid-input', 'a link is decided as a whole; keepIds is for spans');
        const c = comparison(documentId, theirsLayerId);
        if (!c.ok) return c;
        const difference = c.value.relations.find((d) => d.decisionKey === differenceKey);
        if (!difference) return fail('not-found', 'that link difference no longer exists; the layers changed since it was listed');
        const decided = decideRelation(c.value.state, difference, action, c.value.context, c.value.relationInput);
        if (!decided.ok) return decided;
        const { state } = decided.value;
        const link = difference.mine ?? difference.theirs!;
        const quote = (id: string, spans: readonly { id: string; quote: { exact: string } }[]) => spans.find((a) => a.id === id)?.quote.exact ?? '';
        const spans = difference.mine ? c.value.relationInput.mine : c.value.relationInput.theirs;
        const label = `${ACTION_LABELS[action]} on link ${quoted(quote(link.sourceId, spans))} → ${quoted(quote(link.targetId, spans))}`;
        return withProgress(c.value, await store.recordDecisions(documentId, state.annotations, state.decisions, label, state.relations));
      }
      if (action === 'choose-spans' && !keepIds) return fail('invalid-input', 'choosing spans one by one needs the ids of the spans to keep');
      const c = comparison(documentId, theirsLayerId);
      if (!c.ok) return c;
      const difference = c.value.differences.find((d) => d.key === differenceKey);
      if (!difference) return fail('not-found', 'that difference no longer exists; the layers changed since it was listed');
      const inDifference = new Set([...difference.mineIds, ...difference.theirsIds]);
      const stray = (keepIds ?? []).find((k) => !inDifference.has(k));
      if (stray) return fail('invalid-input', `annotation ${stray} is not part of this difference`);
      const { state } = decide(c.value.state, difference, action, c.value.context, keepIds);
      return withProgress(c.value, await store.recordDecisions(documentId, state.annotations, state.decisions, `${ACTION_LABELS[action]} on ${quoted(difference.quote)}`, state.relations));
    },

    async acceptAllAgreed({ documentId, theirsLayerId }) {
      const c = comparison(documentId, theirsLayerId);
      if (!c.ok) return c;
      // Spans first, so that agreed links between agreed spans have their ends.
      const spans = acceptAllAgreed(c.value.state, c.value.differences, c.value.context);
      const { state } = acceptAgreedRelations(spans, c.value.relations, c.value.context, c.value.relationInput);
      const added = state.decisions.length - c.value.state.decisions.length;
      return withProgress(c.value, await store.recordDecisions(documentId, state.annotations, state.decisions, `Accept all agreed (${added})`, state.relations));
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
          // Links are reviewed between two layers: the analyst's and one colleague's.
          ...(theirsLayerId !== undefined ? { mineRelations: layers[0]!.layer?.relations ?? [], theirsRelations: layers[1]!.layer?.relations ?? [] } : {}),
          decisions: doc.decisions,
        });
      }
      return ok(reviewQueue(documents, compared, store.getLabels()));
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
      return withProgress(c.value, await store.recordDecisions(documentId, state.annotations, state.decisions, `${ACTION_LABELS[action]} on ${quoted(difference.quote)}`, state.relations));
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
        const recorded = await store.recordDecisions(documentId, result.value.state.annotations, result.value.state.decisions, `${k} of ${layerIds.length} agree: accepted ${result.value.decided}`, result.value.state.relations);
        if (!recorded.ok) return recorded;
        decided += result.value.decided;
        documents++;
      }
      if (decided > 0) deps.notify({ type: 'library-changed' });
      return ok({ decided, documents });
    },
  };
}
