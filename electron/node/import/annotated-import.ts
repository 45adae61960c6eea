/**
 * Brings annotated documents from an interchange file into the analyst's own
 * library. A document joins one already stored only by the rule in
 * `annotations/import/match-document.ts`: the same text (checksum), the same
 * id with a small edit, or a pairing the analyst confirmed in the preview;
 * there its annotations are merged into the stored layers (re-anchored when
 * the text differs, and those that cannot be placed listed as orphans).
 * Everything else is added as a new document with its annotations: an
 * incoming text is never dropped. A text that appears several times in the
 * file becomes one document with the annotations of every copy. Everything is
 * checked and planned before the store is touched.
 */
import { anchor } from '../../../annotations/anchoring';
import { mergeImportedSchema } from '../../../annotations/formats/merge-schema';
import { joinImportedEntities, relinkImportedSpans } from '../../../annotations/entities/imported-entities';
import { newId } from '../../../annotations/ids';
import { matchDocument, type DocumentMatch } from '../../../annotations/import/match-document';
import {
  OWN_LAYER_ID,
  type Annotation,
  type AnnotationLayer,
  type Corpus,
  type CorpusDocument,
  type Entity,
  type LabelSchema,
  type ParleyDocument,
  type Relation,
} from '../../../annotations/model';
import { fail, ok, type Problem, type Result } from '../../../annotations/result';
import type { AnnotatedImportReport, ImportPairing } from '../../../shared/api';
import type { DocumentSummary, DocumentView } from '../../../shared/library';
import type { AnnotationChange } from '../../../annotations/model';
import type { ProgressControl } from '../../../annotations/formats/format';
import { OriginalFiles } from '../sources/original-files';
import { storedTexts } from './stored-texts';
import { plural } from '../../../annotations/text/plural';

/** The part of the store an annotated import needs. */
export interface AnnotatedImportStore {
  /** The store folder (its originals are in `originals/`). */
  readonly dir: string;
  listDocuments(): Array<{ id: string; title: string; sha256: string; length: number }>;
  getDocument(id: string): Result<DocumentView>;
  getLabels(): LabelSchema;
  saveLabels(schema: LabelSchema): Promise<Result<LabelSchema>>;
  addDocuments(docs: readonly CorpusDocument[], control?: ProgressControl): Promise<Result<DocumentSummary[]>>;
  changeAnnotations(documentId: string, layerId: string, change: AnnotationChange, historyLabel: string): Promise<Result<unknown>>;
  putLayer(documentId: string, layer: AnnotationLayer): Promise<Result<DocumentView>>;
  listEntities(): Entity[];
  updateEntities(update: { saved: readonly Entity[]; removed: readonly string[] }): Promise<Result<Entity[]>>;
}

/**
 * The document as it joins the library: linked to its original (by
 * `originalSha256`) only when the store holds that file, since the file
 * itself never travels in an export; its name is kept either way.
 */
async function withOriginalIfHeld(document: ParleyDocument, originals: OriginalFiles): Promise<ParleyDocument> {
  if (!document.originalSha256 || (await originals.find(document.originalSha256))) return document;
  const { originalSha256: _dropped, ...rest } = document;
  return rest;
}

/** A confirmed pairing: the incoming document at `incoming` (its index in the file) merges into `documentId`. */
export interface ConfirmedMerge {
  incoming: number;
  documentId: string;
}

interface Merge {
  documentId: string;
  title: string;
  matchedBy: 'checksum' | 'id' | 'confirmed';
  similarity?: number;
  layer: AnnotationLayer;
  /** Editable layers (own, reconciled) are merged; colleague layers replace the stored one. */
  replace: boolean;
  added: Annotation[];
  /** The file's relations of this layer, their ends and document given their ids in the store. */
  addedRelations: Relation[];
}

/** One text of the file: its first copy's index, with the layers of every copy united. */
interface IncomingGroup {
  index: number;
  doc: CorpusDocument;
  copies: number;
  /** Annotations that were in more than one copy, kept once. */
  repeated: number;
}

interface MatchedGroup extends IncomingGroup {
  match: DocumentMatch;
}

/**
 * The "looks like an edited version of …" pairings an import of `corpus`
 * would ask about: incoming texts that match nothing by the rule but are
 * similar to a stored one. Writes nothing.
 */
export function proposeAnnotatedPairings(store: AnnotatedImportStore, corpus: Corpus): ImportPairing[] {
  return pairingsOf(store, matchGroups(store, corpus));
}

/**
 * Imports `corpus` (decoded from `source`) into the library; `author` names
 * annotations that carry no author. `merges` are the pairings the analyst
 * confirmed; each must still be what `proposeAnnotatedPairings` proposes, or
 * nothing is imported.
 */
export async function importAnnotatedDocuments(
  store: AnnotatedImportStore,
  incoming: Corpus,
  options: { author: string; source: string; warnings?: Problem[]; control?: ProgressControl; merges?: readonly ConfirmedMerge[] },
): Promise<Result<AnnotatedImportReport>> {
  // The file's entities join the library's (same id, else same kind and name, else new), and its links follow.
  const entities = joinImportedEntities(store.listEntities(), incoming.entities ?? []);
  const corpus = relinkImportedSpans(incoming, entities.ids);
  const report: AnnotatedImportReport = { added: [], merged: [], orphans: [], duplicatesSkipped: 0, labelsAdded: [], warnings: [...(options.warnings ?? [])], importedAsNew: [], repeatedTexts: [] };
  const library = store.listDocuments();
  const titles = new Map(library.map((d) => [d.id, d.title]));
  const groups = matchGroups(store, corpus);
  const confirmed = new Map((options.merges ?? []).map((m) => [m.incoming, m.documentId]));
  for (const [incoming, documentId] of confirmed) {
    const group = groups.find((g) => g.index === incoming);
    if (!group || group.match.kind !== 'new' || group.match.proposal?.documentId !== documentId) {
      return fail('conflict', 'the library or the file changed since the preview; nothing was imported, import the file again');
    }
  }
  const newDocs: CorpusDocument[] = [];
  const merges: Merge[] = [];
  const originals = new OriginalFiles(store.dir);
  const takenIds = new Set(library.map((d) => d.id));

  for (const group of groups) {
    const { doc, match } = group;
    const layers = doc.layers.map((l) => withAuthor(l, options.author));
    if (group.copies > 1) report.repeatedTexts.push({ title: doc.document.title, copies: group.copies, annotationsKeptOnce: group.repeated });
    const target =
      match.kind === 'same-text'
        ? { documentId: match.documentId, matchedBy: 'checksum' as const }
        : match.kind === 'same-id-edited'
          ? { documentId: match.documentId, matchedBy: 'id' as const, similarity: match.similarity }
          : match.kind === 'new' && match.proposal && confirmed.get(group.index) === match.proposal.documentId
            ? { documentId: match.proposal.documentId, matchedBy: 'confirmed' as const, similarity: match.proposal.similarity }
            : undefined;
    if (!target) {
      // A new document: kept with its layers and decisions; a fresh id if the file's is taken.
      const id = takenIds.has(doc.document.id) ? newId('doc') : doc.document.id;
      takenIds.add(id);
      newDocs.push({
        document: await withOriginalIfHeld({ ...doc.document, id }, originals),
        layers: ensureOwnLayer(layers.map((l) => ({ ...l, annotations: l.annotations.map((a) => ({ ...a, documentId: id })), ...(l.relations ? { relations: l.relations.map((r) => ({ ...r, documentId: id })) } : {}) })), options.author),
        decisions: doc.decisions,
      });
      if (match.kind === 'new' && match.proposal) {
        report.importedAsNew.push({ documentId: id, title: doc.document.title, similarTo: { documentId: match.proposal.documentId, title: titles.get(match.proposal.documentId) ?? match.proposal.documentId }, similarity: match.proposal.similarity });
      }
      continue;
    }
    const title = titles.get(target.documentId) ?? target.documentId;
    const view = store.getDocument(target.documentId);
    if (!view.ok) return view;
    const text = view.value.document.text;
    const sameText = target.matchedBy === 'checksum';
    for (const layer of layers) {
      const stored = view.value.layers.find((l) => l.id === layer.id);
      const existing = new Set((stored?.annotations ?? []).map(spanKey));
      const ids = new Set((stored?.annotations ?? []).map((a) => a.id));
      const added: Annotation[] = [];
      // Where each incoming span ended up (a stored span it repeats, or its own place), for its relations.
      const storedBySpan = new Map((stored?.annotations ?? []).map((a) => [spanKey(a), a.id]));
      const finalId = new Map<string, string>();
      for (const a of layer.annotations) {
        const where = sameText && text.slice(a.start, a.end) === a.quote.exact ? { status: 'exact' as const, start: a.start, end: a.end } : anchor(text, a);
        if (where.status === 'orphan') {
          report.orphans.push({ documentId: target.documentId, title, quote: a.quote.exact, labelId: a.labelId, author: a.author, reason: where.reason });
          continue;
        }
        const placed: Annotation = { ...a, documentId: target.documentId, start: where.start, end: where.end, quote: { ...a.quote, exact: text.slice(where.start, where.end) } };
        if (existing.has(spanKey(placed))) {
          report.duplicatesSkipped++;
          const repeated = storedBySpan.get(spanKey(placed));
          if (repeated) finalId.set(a.id, repeated);
          continue;
        }
        existing.add(spanKey(placed));
        if (ids.has(placed.id)) placed.id = newId('ann');
        ids.add(placed.id);
        finalId.set(a.id, placed.id);
        added.push(placed);
      }
      const replace = layer.kind === 'colleague';
      const addedRelations = placeRelations(layer.relations ?? [], finalId, replace ? [] : (stored?.relations ?? []), replace ? new Set(added.map((a) => a.id)) : undefined, target.documentId);
      if (addedRelations.lost > 0) report.warnings.push({ record: title, message: `${plural(addedRelations.lost, 'relation')} not imported: one of its spans could not be placed` });
      if (added.length > 0 || addedRelations.relations.length > 0 || (replace && layer.annotations.length === 0)) merges.push({ ...target, title, layer, replace, added, addedRelations: addedRelations.relations });
    }
  }

  // Plan checked; now the store. Labels first, so every annotation's label exists.
  // Labels, attributes and relation types the file brings are added; the project's own all stay.
  const project = store.getLabels();
  const schema = mergeImportedSchema(project, corpus.labels);
  if (schema.changed) {
    const saved = await store.saveLabels(schema.schema);
    if (!saved.ok) return saved;
    report.labelsAdded = schema.labelsAdded;
  }
  if (entities.added.length > 0) {
    const saved = await store.updateEntities({ saved: entities.added, removed: [] });
    if (!saved.ok) {
      if (schema.changed) await store.saveLabels(project);
      return saved;
    }
  }
  if (newDocs.length > 0) {
    const added = await store.addDocuments(newDocs, options.control);
    if (!added.ok) {
      // All or nothing: the labels and entities this import added go again with it.
      if (schema.changed) await store.saveLabels(project);
      if (entities.added.length > 0) await store.updateEntities({ saved: [], removed: entities.added.map((e) => e.id) });
      return added;
    }
    report.added = added.value;
  }
  for (const merge of merges) {
    const applied = merge.replace
      ? await store.putLayer(merge.documentId, { ...withoutRelations(merge.layer), annotations: merge.added, ...(merge.addedRelations.length > 0 ? { relations: merge.addedRelations } : {}) })
      : await store.changeAnnotations(merge.documentId, merge.layer.id, { removed: [], added: merge.added, ...(merge.addedRelations.length > 0 ? { addedRelations: merge.addedRelations } : {}) }, `Import ${plural(merge.added.length, 'annotation')} from ${options.source}`);
    if (!applied.ok) return applied;
    report.merged.push({
      documentId: merge.documentId,
      title: merge.title,
      layerId: merge.layer.id,
      count: merge.added.length,
      matchedBy: merge.matchedBy,
      ...(merge.similarity === undefined ? {} : { similarity: merge.similarity }),
    });
  }
  return ok(report);
}

/** A layer without its relations field (they are given placed). */
function withoutRelations(layer: AnnotationLayer): AnnotationLayer {
  const { relations: _relations, ...rest } = layer;
  return rest;
}

/**
 * The file's relations of one layer as they go into the stored layer: ends
 * given the ids their spans took (`finalId`), those the stored layer already
 * holds (same ends and type) left out, and ids kept unless taken. A relation
 * with an end that was not placed is counted in `lost`. With `within`, only
 * relations between those span ids are kept (a colleague layer replaced).
 */
function placeRelations(relations: readonly Relation[], finalId: Map<string, string>, stored: readonly Relation[], within: Set<string> | undefined, documentId: string): { relations: Relation[]; lost: number } {
  const key = (r: Pick<Relation, 'sourceId' | 'targetId' | 'typeId'>) => `${r.sourceId}\u0000${r.targetId}\u0000${r.typeId}`;
  const seen = new Set(stored.map(key));
  const ids = new Set(stored.map((r) => r.id));
  const out: Relation[] = [];
  let lost = 0;
  for (const r of relations) {
    const sourceId = finalId.get(r.sourceId);
    const targetId = finalId.get(r.targetId);
    if (!sourceId || !targetId || (within && (!within.has(sourceId) || !within.has(targetId)))) {
      lost++;
      continue;
    }
    const placed: Relation = { ...r, documentId, sourceId, targetId };
    if (seen.has(key(placed))) continue;
    seen.add(key(placed));
    if (ids.has(placed.id)) placed.id = newId('rel');
    ids.add(placed.id);
    out.push(placed);
  }
  return { relations: out, lost };
}

function pairingsOf(store: AnnotatedImportStore, groups: MatchedGroup[]): ImportPairing[] {
  const titles = new Map(store.listDocuments().map((d) => [d.id, d.title]));
  return groups.flatMap((g) =>
    g.match.kind === 'new' && g.match.proposal
      ? [{ incoming: g.index, incomingTitle: g.doc.document.title, documentId: g.match.proposal.documentId, title: titles.get(g.match.proposal.documentId) ?? g.match.proposal.documentId, similarity: g.match.proposal.similarity }]
      : [],
  );
}

function matchGroups(store: AnnotatedImportStore, corpus: Corpus): MatchedGroup[] {
  const stored = storedTexts(store);
  return groupRepeats(corpus).map((g) => ({ ...g, match: matchDocument({ id: g.doc.document.id, sha256: g.doc.document.sha256, text: g.doc.document.text }, stored) }));
}

/** One group per distinct text, in file order; the layers of later copies are united with the first's, each annotation once. */
function groupRepeats(corpus: Corpus): IncomingGroup[] {
  const bySha = new Map<string, IncomingGroup>();
  corpus.documents.forEach((doc, index) => {
    const group = bySha.get(doc.document.sha256);
    if (!group) {
      bySha.set(doc.document.sha256, { index, doc, copies: 1, repeated: 0 });
      return;
    }
    group.copies++;
    const layers = group.doc.layers.map((l) => ({ ...l, annotations: [...l.annotations] }));
    for (const layer of doc.layers) {
      let into = layers.find((l) => l.id === layer.id);
      if (!into) {
        into = { ...layer, annotations: [] };
        layers.push(into);
      }
      const spans = new Set(into.annotations.map(spanKey));
      const ids = new Set(into.annotations.map((a) => a.id));
      for (const a of layer.annotations) {
        if (spans.has(spanKey(a))) {
          group.repeated++;
          continue;
        }
        spans.add(spanKey(a));
        const id = ids.has(a.id) ? newId('ann') : a.id;
        ids.add(id);
        into.annotations.push({ ...a, id, documentId: group.doc.document.id });
      }
    }
    const decisions = new Set(group.doc.decisions.map((d) => JSON.stringify(d)));
    group.doc = { ...group.doc, layers, decisions: [...group.doc.decisions, ...doc.decisions.filter((d) => !decisions.has(JSON.stringify(d)))] };
  });
  return [...bySha.values()];
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
