/**
 * Pure operations on a document file's content: applying a change with its
 * undo history, undo and redo, label migration, and the summaries the store
 * hands out. No I/O here; `parley-store.ts` persists the results.
 */
import { applyChange, checkSpan, invertChange, sortAnnotations } from '../../../annotations/annotation';
import type { Annotation, AnnotationChange, AnnotationLayer, CorpusDocument, Entity, LayerKind, Relation, ReviewDecision } from '../../../annotations/model';
import { applyLayerChange, withRelationsOfRemovedSpans } from '../../../annotations/relations/layer-change';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import { textSha256 } from '../../../annotations/text-hash';
import type { DocumentChange, DocumentSummary, DocumentView, ReviewChange } from '../../../shared/library';
import { libraryRowOf } from '../../../shared/library-row';
import { STORE_SCHEMA_VERSION, type DocumentFile, type HistoryEntry } from './store-schemas';

/** Most undo steps kept per document; the oldest are dropped. */
export const HISTORY_LIMIT = 200;

/**
 * Which steps an undo or redo may take: `read` the edits of the analyst's own
 * (and colleague) layers made in Read mode, `review` the decisions made in
 * Review (steps on the reconciled layer). Each mode undoes only what it shows,
 * so Ctrl+Z in Review never takes back a tag made earlier in Read, and the
 * other way round.
 */
export type HistoryScope = 'read' | 'review';

/** The scope a history step belongs to. */
export function scopeOf(entry: HistoryEntry): HistoryScope {
  return entry.layerId === RECONCILED_LAYER_ID ? 'review' : 'read';
}

/** Index of the newest step of `scope` in `list`, or -1. */
function newestOf(list: readonly HistoryEntry[], scope: HistoryScope): number {
  for (let i = list.length - 1; i >= 0; i--) if (scopeOf(list[i]!) === scope) return i;
  return -1;
}

/** The label of the newest step of `scope`, or null. */
export function newestLabel(list: readonly HistoryEntry[], scope: HistoryScope): string | null {
  const at = newestOf(list, scope);
  return at < 0 ? null : list[at]!.label;
}

/** `list` without the steps of `scope`: a new step clears the redo steps of its own scope only. */
function withoutScope(list: readonly HistoryEntry[], scope: HistoryScope): HistoryEntry[] {
  return list.filter((e) => scopeOf(e) !== scope);
}

/** A new document file for an imported document. */
export function newDocumentFile(doc: CorpusDocument, labelsRevision: number, now: string): DocumentFile {
  return {
    schemaVersion: STORE_SCHEMA_VERSION,
    document: doc.document,
    layers: doc.layers.map((l) => ({ ...l, annotations: sortAnnotations([...l.annotations]) })),
    decisions: doc.decisions,
    history: { undo: [], redo: [] },
    labelsRevision,
    updatedAt: now,
  };
}

/** Checks an incoming document: its hash, unique layer ids, and every annotation against its text. */
export function checkCorpusDocument(doc: CorpusDocument): Result<void> {
  const { document } = doc;
  if (textSha256(document.text) !== document.sha256) return fail('invalid-input', `document ${document.id}: sha256 does not match its text`);
  const seen = new Set<string>();
  for (const layer of doc.layers) {
    if (seen.has(layer.id)) return fail('invalid-input', `document ${document.id}: layer ${layer.id} appears twice`);
    seen.add(layer.id);
    const checked = checkAnnotations(document.id, document.text, layer.annotations);
    if (!checked.ok) return fail(checked.error.code, `document ${document.id}, layer ${layer.id}: ${checked.error.message}`);
  }
  return ok(undefined);
}

/** Checks annotations against a document: its id, offsets inside the text, quote equal to the text. */
export function checkAnnotations(documentId: string, text: string, annotations: readonly Annotation[]): Result<void> {
  const ids = new Set<string>();
  for (const a of annotations) {
    if (a.documentId !== documentId) return fail('invalid-input', `annotation ${a.id} belongs to document ${a.documentId}`);
    const span = checkSpan(text, a.start, a.end);
    if (!span.ok) return fail('invalid-input', `annotation ${a.id}: ${span.error.message}`);
    if (text.slice(a.start, a.end) !== a.quote.exact) return fail('invalid-input', `annotation ${a.id}: its quote does not match the text at [${a.start}, ${a.end})`);
    if (ids.has(a.id)) return fail('conflict', `annotation ${a.id} appears twice`);
    ids.add(a.id);
  }
  return ok(undefined);
}

/**
 * Applies `change` to one layer and records it for undo (clearing redo). The
 * removed annotations are recorded as stored, so undo restores exactly what was
 * there. The layer is created if it is the own or reconciled layer. The added
 * annotations are checked against the text unless `added` is `built-here`:
 * made by the engine's `createAnnotation` from this very file (see `editLayer`).
 */
export function changeLayer(file: DocumentFile, layerId: string, change: AnnotationChange, label: string, now: string, added: 'check' | 'built-here' = 'check'): Result<DocumentFile> {
  if (added === 'check') {
    const checked = checkAnnotations(file.document.id, file.document.text, change.added);
    if (!checked.ok) return checked;
  }
  const layer = findOrCreateLayer(file, layerId, change.added[0]?.author ?? '');
  if (!layer.ok) return layer;
  // One pass over the layer finds the stored versions of the few removed annotations.
  const stored = new Map<string, Annotation>(change.removed.map((a) => [a.id, a]));
  const found = new Map<string, Annotation>();
  if (stored.size > 0) for (const a of layer.value.annotations) if (stored.has(a.id)) found.set(a.id, a);
  const removed: Annotation[] = [];
  for (const a of change.removed) {
    const kept = found.get(a.id);
    if (!kept) return fail('not-found', `annotation ${a.id} is not in layer ${layerId}`);
    removed.push(kept);
  }
  let recorded: AnnotationChange = { removed, added: change.added };
  let next: AnnotationLayer;
  if ((change.removedRelations?.length ?? 0) > 0 || (change.addedRelations?.length ?? 0) > 0 || (layer.value.relations?.length ?? 0) > 0) {
    // Relations (version 2): removed ones as stored, and a deleted span takes its relations in the same step.
    const storedRelations = new Map((layer.value.relations ?? []).map((r) => [r.id, r]));
    const removedRelations: Relation[] = [];
    for (const r of change.removedRelations ?? []) {
      const kept = storedRelations.get(r.id);
      if (!kept) return fail('not-found', `relation ${r.id} is not in layer ${layerId}`);
      removedRelations.push(kept);
    }
    recorded = withRelationsOfRemovedSpans(layer.value, {
      ...recorded,
      ...(removedRelations.length > 0 ? { removedRelations } : {}),
      ...(change.addedRelations?.length ? { addedRelations: change.addedRelations } : {}),
    });
    const applied = applyLayerChange(layer.value, recorded);
    if (!applied.ok) return applied;
    next = applied.value;
  } else {
    const applied = applyChange(layer.value.annotations, recorded);
    if (!applied.ok) return applied;
    next = { ...layer.value, annotations: applied.value };
  }
  const entry: HistoryEntry = { label, layerId, change: recorded, at: now };
  const scope = scopeOf(entry);
  const undo = [...file.history.undo, entry].slice(-HISTORY_LIMIT);
  return ok({ ...withLayer(file, next), history: { undo, redo: withoutScope(file.history.redo, scope) }, updatedAt: now });
}

/** What a layer edit is built from, read from the document as it is when the edit runs. */
export interface LayerEditContext {
  documentId: string;
  text: string;
  /** The layer's annotations as stored (empty when the layer does not exist yet). */
  annotations: readonly Annotation[];
  /** The layer's relations as stored (version 2; empty when none). */
  relations: readonly Relation[];
  /** Ids of the labels the library has now. */
  labelIds: ReadonlySet<string>;
  /** The library's entities (version 2), so tagging can link a known name in the same change. */
  entities: readonly Entity[];
}

/** A change to one layer and the name of its undo step. */
export interface LayerEdit {
  change: AnnotationChange;
  label: string;
}

/**
 * Builds a change from the layer's current state and applies it, in one step:
 * what `build` reads is exactly what the change applies to, with no read of
 * the document before and no second check of what it built. `build` must make
 * added annotations with `createAnnotation` against `text` (or take them from
 * `annotations`); its failure is returned and nothing changes.
 */
export function editLayer(file: DocumentFile, layerId: string, labelIds: ReadonlySet<string>, build: (context: LayerEditContext) => Result<LayerEdit>, now: string, entities: readonly Entity[] = []): Result<DocumentFile> {
  const stored = file.layers.find((l) => l.id === layerId);
  const edit = build({ documentId: file.document.id, text: file.document.text, annotations: stored?.annotations ?? [], relations: stored?.relations ?? [], labelIds, entities });
  if (!edit.ok) return edit;
  return changeLayer(file, layerId, edit.value.change, edit.value.label, now, 'built-here');
}

/**
 * Records a review step: the reconciled layer becomes `annotations` (and,
 * when given, `relations`; absent, its links stay as they are) and the
 * decisions become `decisions`, as one undoable step labelled `label` (what
 * changed is worked out by id). Clears the review redo steps; the Read mode
 * history is left as it is.
 */
export function recordReviewStep(file: DocumentFile, annotations: readonly Annotation[], decisions: readonly ReviewDecision[], label: string, now: string, author: string, relations?: readonly Relation[]): DocumentFile {
  const before = file.layers.find((l) => l.id === RECONCILED_LAYER_ID);
  const old = before?.annotations ?? [];
  const newIds = new Set(annotations.map((a) => a.id));
  const oldIds = new Set(old.map((a) => a.id));
  const newDecisionIds = new Set(decisions.map((d) => d.id));
  const oldDecisionIds = new Set(file.decisions.map((d) => d.id));
  const oldRelations = before?.relations ?? [];
  const nextRelations = relations ?? oldRelations;
  // A link that moved to another copy of its span keeps its id: it counts as removed and added.
  const link = (r: Relation) => `${r.id}\u0000${r.sourceId}\u0000${r.targetId}\u0000${r.typeId}`;
  const newLinks = new Set(nextRelations.map(link));
  const oldLinks = new Set(oldRelations.map(link));
  const removedRelations = oldRelations.filter((r) => !newLinks.has(link(r)));
  const addedRelations = nextRelations.filter((r) => !oldLinks.has(link(r)));
  const entry: HistoryEntry = {
    label,
    layerId: RECONCILED_LAYER_ID,
    change: {
      removed: old.filter((a) => !newIds.has(a.id)),
      added: annotations.filter((a) => !oldIds.has(a.id)),
      ...(removedRelations.length > 0 ? { removedRelations } : {}),
      ...(addedRelations.length > 0 ? { addedRelations } : {}),
    },
    decisions: { removed: file.decisions.filter((d) => !newDecisionIds.has(d.id)), added: decisions.filter((d) => !oldDecisionIds.has(d.id)) },
    at: now,
  };
  const layer: AnnotationLayer = {
    id: RECONCILED_LAYER_ID,
    kind: 'reconciled',
    author: before?.author ?? author,
    annotations: sortAnnotations([...annotations]),
    ...(nextRelations.length > 0 ? { relations: [...nextRelations] } : {}),
  };
  return {
    ...withLayer(file, layer),
    decisions: [...decisions],
    history: { undo: [...file.history.undo, entry].slice(-HISTORY_LIMIT), redo: withoutScope(file.history.redo, 'review') },
    updatedAt: now,
  };
}

/**
 * Undoes the newest step of `scope` (default `read`), wherever it is in the
 * history; steps of the other scope stay where they are. Fails with
 * `not-found` if there is nothing of that scope to undo.
 */
export function undoStep(file: DocumentFile, now: string, scope: HistoryScope = 'read'): Result<DocumentFile> {
  const at = newestOf(file.history.undo, scope);
  if (at < 0) return fail('not-found', scope === 'review' ? 'there is no review decision to undo' : 'there is nothing to undo');
  const entry = file.history.undo[at]!;
  const moved = replay(file, entry, 'undo', now);
  if (!moved.ok) return moved;
  const undo = [...file.history.undo.slice(0, at), ...file.history.undo.slice(at + 1)];
  return ok({ ...moved.value, history: { undo, redo: [...file.history.redo, entry] } });
}

/** Redoes the newest undone step of `scope` (default `read`). Fails with `not-found` if there is nothing of that scope to redo. */
export function redoStep(file: DocumentFile, now: string, scope: HistoryScope = 'read'): Result<DocumentFile> {
  const at = newestOf(file.history.redo, scope);
  if (at < 0) return fail('not-found', scope === 'review' ? 'there is no review decision to redo' : 'there is nothing to redo');
  const entry = file.history.redo[at]!;
  const moved = replay(file, entry, 'redo', now);
  if (!moved.ok) return moved;
  const redo = [...file.history.redo.slice(0, at), ...file.history.redo.slice(at + 1)];
  return ok({ ...moved.value, history: { undo: [...file.history.undo, entry].slice(-HISTORY_LIMIT), redo } });
}

function replay(file: DocumentFile, entry: HistoryEntry, how: 'undo' | 'redo', now: string): Result<DocumentFile> {
  const change = how === 'undo' ? invertChange(entry.change) : entry.change;
  const layer = findOrCreateLayer(file, entry.layerId, '');
  if (!layer.ok) return layer;
  const applied = applyLayerChange(layer.value, change);
  if (!applied.ok) return fail('conflict', `cannot ${how} “${entry.label}”: ${applied.error.message}`);
  let decisions = file.decisions;
  if (entry.decisions) {
    const out = how === 'undo' ? entry.decisions.added : entry.decisions.removed;
    const back = how === 'undo' ? entry.decisions.removed : entry.decisions.added;
    const gone = new Set(out.map((d) => d.id));
    if (out.some((d) => !decisions.some((x) => x.id === d.id))) return fail('conflict', `cannot ${how} “${entry.label}”: its decision is no longer recorded`);
    decisions = [...decisions.filter((d) => !gone.has(d.id)), ...back];
  }
  return ok({ ...withLayer(file, applied.value), decisions, updatedAt: now });
}

/** Adds or replaces a whole layer; undo steps of that layer are dropped (they no longer apply). */
export function putLayer(file: DocumentFile, layer: AnnotationLayer, now: string): DocumentFile {
  return { ...withLayer(file, { ...layer, annotations: sortAnnotations([...layer.annotations]) }), history: historyWithout(file, layer.id), updatedAt: now };
}

/** Removes a layer and its undo steps. */
export function removeLayer(file: DocumentFile, layerId: string, now: string): DocumentFile {
  return { ...file, layers: file.layers.filter((l) => l.id !== layerId), history: historyWithout(file, layerId), updatedAt: now };
}

function historyWithout(file: DocumentFile, layerId: string): DocumentFile['history'] {
  return { undo: file.history.undo.filter((e) => e.layerId !== layerId), redo: file.history.redo.filter((e) => e.layerId !== layerId) };
}

/**
 * Applies a label migration: each `from` label becomes `to`, or its annotations
 * are deleted when `to` is null, in every layer and in the undo history. If
 * annotations were deleted, the history is cleared (its steps would bring back
 * a label that no longer exists). Returns null if the file does not use any
 * `from` label.
 */
export function migrateLabels(file: DocumentFile, migrate: ReadonlyArray<{ from: string; to: string | null }>, revision: number): DocumentFile | null {
  const map = new Map(migrate.map((m) => [m.from, m.to]));
  const uses = (a: Annotation) => map.has(a.labelId);
  const entries = [...file.history.undo, ...file.history.redo];
  const touched = file.layers.some((l) => l.annotations.some(uses)) || entries.some((e) => e.change.added.some(uses) || e.change.removed.some(uses));
  if (!touched) return null;
  const deletes = [...map.values()].includes(null);
  const relabel = (list: Annotation[]): Annotation[] =>
    list.flatMap((a) => {
      if (!map.has(a.labelId)) return [a];
      const to = map.get(a.labelId);
      return to === null || to === undefined ? [] : [{ ...a, labelId: to }];
    });
  const relabelEntry = (e: HistoryEntry): HistoryEntry => ({ ...e, change: { removed: relabel(e.change.removed), added: relabel(e.change.added) } });
  const history = deletes ? { undo: [], redo: [] } : { undo: file.history.undo.map(relabelEntry), redo: file.history.redo.map(relabelEntry) };
  return { ...file, layers: file.layers.map((l) => ({ ...l, annotations: relabel(l.annotations) })), history, labelsRevision: revision };
}

/** The reader's view of a document file. The objects are the store's own: treat them as read-only. */
export function viewOf(file: DocumentFile): DocumentView {
  return {
    document: file.document,
    layers: file.layers,
    decisions: file.decisions,
    updatedAt: file.updatedAt,
    ...historyLabels(file),
  };
}

/** What Ctrl+Z and Ctrl+Shift+Z would take in Read mode and in Review. */
function historyLabels(file: DocumentFile): Pick<DocumentView, 'undoLabel' | 'redoLabel' | 'reviewUndoLabel' | 'reviewRedoLabel'> {
  const { undo, redo } = file.history;
  return {
    undoLabel: newestLabel(undo, 'read'),
    redoLabel: newestLabel(redo, 'read'),
    reviewUndoLabel: newestLabel(undo, 'review'),
    reviewRedoLabel: newestLabel(redo, 'review'),
  };
}

/**
 * The change that produced `file`, read from its history: the newest undo step
 * after a change or a redo (`done`), the inverse of the newest redo step after
 * an undo (`undone`). Only valid on a file just returned by `changeLayer`,
 * `redoStep` or `undoStep`.
 */
export function lastChange(file: DocumentFile, how: 'done' | 'undone'): DocumentChange {
  const entry = how === 'done' ? file.history.undo.at(-1) : file.history.redo.at(-1);
  if (!entry) throw new Error(`lastChange: the file has no ${how === 'done' ? 'undo' : 'redo'} step`);
  const change = how === 'done' ? entry.change : invertChange(entry.change);
  return {
    documentId: file.document.id,
    layerId: entry.layerId,
    removed: change.removed,
    added: change.added,
    ...(change.removedRelations?.length ? { removedRelations: change.removedRelations } : {}),
    ...(change.addedRelations?.length ? { addedRelations: change.addedRelations } : {}),
    updatedAt: file.updatedAt,
    ...historyLabels(file),
    summary: summaryOf(file),
  };
}

/** `lastChange` of a review step (a decision, or its undo or redo), with every decision of the document after it. */
export function lastReviewChange(file: DocumentFile, how: 'done' | 'undone'): ReviewChange {
  return { ...lastChange(file, how), decisions: file.decisions };
}

const summaries = new WeakMap<DocumentFile, DocumentSummary>();

/** The library row of a document file (cached per state). */
export function summaryOf(file: DocumentFile): DocumentSummary {
  const cached = summaries.get(file);
  if (cached) return cached;
  const summary = libraryRowOf(file);
  summaries.set(file, summary);
  return summary;
}

/** Annotations in the own layer. */
export function ownCount(file: DocumentFile): number {
  return file.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations.length ?? 0;
}

function findOrCreateLayer(file: DocumentFile, layerId: string, author: string): Result<AnnotationLayer> {
  const found = file.layers.find((l) => l.id === layerId);
  if (found) return ok(found);
  const kind: LayerKind | null = layerId === OWN_LAYER_ID ? 'own' : layerId === RECONCILED_LAYER_ID ? 'reconciled' : null;
  if (!kind) return fail('not-found', `document ${file.document.id} has no layer ${layerId}`);
  return ok({ id: layerId, kind, author, annotations: [] });
}

function withLayer(file: DocumentFile, layer: AnnotationLayer): DocumentFile {
  const exists = file.layers.some((l) => l.id === layer.id);
  return { ...file, layers: exists ? file.layers.map((l) => (l.id === layer.id ? layer : l)) : [...file.layers, layer] };
}
