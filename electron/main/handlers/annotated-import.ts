/**
 * Brings annotated documents from an interchange file into the analyst's own
 * library: a document whose text is already there (same checksum) gets the
 * file's annotations merged into its layers; one whose text changed (same id,
 * or most quotes re-anchor) gets them re-anchored, and those that cannot be
 * placed are listed as orphans; anything else is added as a new document with
 * its annotations. Everything is checked and planned before the store is
 * touched.
 */
import { anchor } from '../../../annotations/anchoring';
import { newId } from '../../../annotations/ids';
import {
  OWN_LAYER_ID,
  type Annotation,
  type AnnotationLayer,
  type Corpus,
  type CorpusDocument,
  type LabelSchema,
} from '../../../annotations/model';
import { ok, type Problem, type Result } from '../../../annotations/result';
import type { AnnotatedImportReport } from '../../../shared/api';
import type { DocumentSummary, DocumentView } from '../../../shared/library';
import type { AnnotationChange } from '../../../annotations/model';
import type { ProgressControl } from '../../../annotations/formats/format';
import { bestQuoteMatch } from './layer-import';

/** The part of the store an annotated import needs. */
export interface AnnotatedImportStore {
  listDocuments(): Array<{ id: string; title: string; sha256: string }>;
  getDocument(id: string): Result<DocumentView>;
  getLabels(): LabelSchema;
  saveLabels(schema: LabelSchema): Promise<Result<LabelSchema>>;
  addDocuments(docs: readonly CorpusDocument[], control?: ProgressControl): Promise<Result<DocumentSummary[]>>;
  changeAnnotations(documentId: string, layerId: string, change: AnnotationChange, historyLabel: string): Promise<Result<unknown>>;
  putLayer(documentId: string, layer: AnnotationLayer): Promise<Result<DocumentView>>;
}

interface Merge {
  documentId: string;
  title: string;
  matchedBy: 'checksum' | 'id' | 'quotes';
  layer: AnnotationLayer;
  /** Editable layers (own, reconciled) are merged; colleague layers replace the stored one. */
  replace: boolean;
  added: Annotation[];
}

/** Imports `corpus` (decoded from `source`) into the library; `author` names annotations that carry no author. */
export async function importAnnotatedDocuments(
  store: AnnotatedImportStore,
  corpus: Corpus,
  options: { author: string; source: string; warnings?: Problem[]; control?: ProgressControl },
): Promise<Result<AnnotatedImportReport>> {
  const report: AnnotatedImportReport = { added: [], merged: [], orphans: [], duplicatesSkipped: 0, labelsAdded: [], warnings: [...(options.warnings ?? [])] };
  const library = store.listDocuments();
  const bySha = new Map(library.map((d) => [d.sha256, d]));
  const byId = new Map(library.map((d) => [d.id, d]));
  const newDocs: CorpusDocument[] = [];
  const merges: Merge[] = [];
  const takenIds = new Set(library.map((d) => d.id));

  for (const doc of corpus.documents) {
    const layers = doc.layers.map((l) => withAuthor(l, options.author));
    const all = layers.flatMap((l) => l.annotations);
    const sameText = bySha.get(doc.document.sha256);
    const sameId = sameText ? undefined : byId.get(doc.document.id);
    const target = sameText ?? sameId ?? (all.length > 0 ? bestQuoteMatch(store, library, all)?.summary : undefined);
    if (!target) {
      // A new document: kept with its layers and decisions; a fresh id if the file's is taken.
      const id = takenIds.has(doc.document.id) ? newId('doc') : doc.document.id;
      takenIds.add(id);
      bySha.set(doc.document.sha256, { id, title: doc.document.title, sha256: doc.document.sha256 });
      newDocs.push({
        document: { ...doc.document, id },
        layers: ensureOwnLayer(layers.map((l) => ({ ...l, annotations: l.annotations.map((a) => ({ ...a, documentId: id })) })), options.author),
        decisions: doc.decisions,
      });
      continue;
    }
    const view = store.getDocument(target.id);
    if (!view.ok) return view;
    const text = view.value.document.text;
    const matchedBy = sameText ? 'checksum' : sameId ? 'id' : 'quotes';
    for (const layer of layers) {
      const stored = view.value.layers.find((l) => l.id === layer.id);
      const existing = new Set((stored?.annotations ?? []).map(spanKey));
      const ids = new Set((stored?.annotations ?? []).map((a) => a.id));
      const added: Annotation[] = [];
      for (const a of layer.annotations) {
        const where = sameText && text.slice(a.start, a.end) === a.quote.exact ? { status: 'exact' as const, start: a.start, end: a.end } : anchor(text, a);
        if (where.status === 'orphan') {
          report.orphans.push({ documentId: target.id, title: target.title, quote: a.quote.exact, labelId: a.labelId, author: a.author, reason: where.reason });
          continue;
        }
        const placed: Annotation = { ...a, documentId: target.id, start: where.start, end: where.end, quote: { ...a.quote, exact: text.slice(where.start, where.end) } };
        if (existing.has(spanKey(placed))) {
          report.duplicatesSkipped++;
          continue;
        }
        existing.add(spanKey(placed));
        if (ids.has(placed.id)) placed.id = newId('ann');
        ids.add(placed.id);
        added.push(placed);
      }
      const replace = layer.kind === 'colleague';
      if (added.length > 0 || (replace && layer.annotations.length === 0)) merges.push({ documentId: target.id, title: target.title, matchedBy, layer, replace, added });
    }
  }

  // Plan checked; now the store. Labels first, so every annotation's label exists.
  const project = store.getLabels();
  const newLabels = corpus.labels.labels.filter((l) => !project.labels.some((p) => p.id === l.id));
  if (newLabels.length > 0) {
    const saved = await store.saveLabels({ labels: [...project.labels, ...newLabels] });
    if (!saved.ok) return saved;
    report.labelsAdded = newLabels.map((l) => l.name);
  }
  if (newDocs.length > 0) {
    const added = await store.addDocuments(newDocs, options.control);
    if (!added.ok) {
      // All or nothing: the labels this import added go again with it.
      if (newLabels.length > 0) await store.saveLabels(project);
      return added;
    }
    report.added = added.value;
  }
  for (const merge of merges) {
    const applied = merge.replace
      ? await store.putLayer(merge.documentId, { ...merge.layer, annotations: merge.added })
      : await store.changeAnnotations(merge.documentId, merge.layer.id, { removed: [], added: merge.added }, `Import ${merge.added.length} annotation${merge.added.length === 1 ? '' : 's'} from ${options.source}`);
    if (!applied.ok) return applied;
    report.merged.push({ documentId: merge.documentId, title: merge.title, layerId: merge.layer.id, count: merge.added.length, matchedBy: merge.matchedBy });
  }
  return ok(report);
}

function spanKey(a: Annotation): string {
  return `${a.start}:${a.end}:${a.labelId}`;
}

function withAuthor(layer: AnnotationLayer, fallback: string): AnnotationLayer {
  const author = layer.author || fallback;
  return { ...layer, author, annotations: layer.annotations.map((a) => (a.author ? a : { ...a, author })) };
}

function ensureOwnLayer(layers: AnnotationLayer[], author: string): AnnotationLayer[] {
  return layers.some((l) => l.id === OWN_LAYER_ID) ? layers : [{ id: OWN_LAYER_ID, kind: 'own', author, annotations: [] }, ...layers];
}
