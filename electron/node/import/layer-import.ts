/**
 * Loads a colleague's export as their own layers on the matching documents.
 * Documents are matched by the rule every import uses
 * (`annotations/import/match-document.ts`): the same text, the same id with a
 * small edit, or a whole text nearly the same, named as such in the report;
 * never by shared quotes alone. What matches nothing is listed as unmatched;
 * the colleague's annotations never enter the analyst's own layer, and any
 * that cannot be placed are listed as orphans.
 */
import { mergeImportedSchema } from '../../../annotations/formats/merge-schema';
import { joinImportedEntities, relinkImportedSpans } from '../../../annotations/entities/imported-entities';
import { anchor } from '../../../annotations/anchoring';
import { newId } from '../../../annotations/ids';
import { matchDocument } from '../../../annotations/import/match-document';
import type { FormatFile, FormatName, ImportOutcome } from '../../../annotations/formats/format';
import type { FormatJob } from '../tasks/format-job';
import { codecs } from '../../../annotations/formats/index';
import { resolveLabels } from '../../../annotations/labels';
import { colleagueLayerId, type Annotation, type AnnotationLayer, type CorpusDocument, type Entity, type LabelSchema } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import type { LayerImportReport } from '../../../shared/api';
import type { DocumentView } from '../../../shared/library';
import { storedTexts } from './stored-texts';

/** The part of the store a layer import needs. */
export interface LayerImportStore {
  listDocuments(): Array<{ id: string; title: string; sha256: string; length: number }>;
  getDocument(id: string): Result<DocumentView>;
  getLabels(): LabelSchema;
  saveLabels(schema: LabelSchema): Promise<Result<LabelSchema>>;
  putLayer(documentId: string, layer: AnnotationLayer): Promise<Result<DocumentView>>;
  listEntities(): Entity[];
  updateEntities(update: { saved: readonly Entity[]; removed: readonly string[] }): Promise<Result<Entity[]>>;
}

/** Reads `files` in `format` and stores each annotator's annotations as a colleague layer. */
export async function importColleagueLayers(
  store: LayerImportStore,
  files: FormatFile[],
  format: FormatName,
  options: { author?: string; now: string; decode?: (job: FormatJob & { kind: 'import' }) => Promise<Result<ImportOutcome>> },
): Promise<Result<LayerImportReport>> {
  const job = { kind: 'import', format, files, options: { labels: store.getLabels(), author: options.author ?? '', now: options.now } } as const;
  const imported = options.decode ? await options.decode(job) : codecs[format].import(files, job.options);
  if (!imported.ok) return imported;
  // The file's entities join the library's (same id, else same kind and name, else added), and the colleague's links follow.
  const entities = joinImportedEntities(store.listEntities(), imported.value.corpus.entities ?? []);
  const corpus = relinkImportedSpans(imported.value.corpus, entities.ids);

  const layersOf = (doc: CorpusDocument) => doc.layers.filter((l) => l.annotations.length > 0 || doc.layers.length === 1);
  const missingAuthor = corpus.documents.some((d) => layersOf(d).some((l) => !(l.author || options.author)));
  if (missingAuthor) return fail('invalid-input', 'this file does not say who made its annotations; give the colleague\'s name');

  const library = new Map(store.listDocuments().map((d) => [d.id, d]));
  const stored = storedTexts(store);
  const report: LayerImportReport = { layers: [], unmatched: [], orphans: [], labelsAdded: [], warnings: [...imported.value.warnings] };

  const labelNames = new Set(corpus.documents.flatMap((d) => d.layers.flatMap((l) => l.annotations.map((a) => a.labelId))));
  const resolved = resolveLabels(store.getLabels(), labelNames);

  const planned: Array<{ documentId: string; layer: AnnotationLayer; title: string; matchedBy: LayerImportReport['layers'][number]['matchedBy']; similarity?: number }> = [];
  for (const doc of corpus.documents) {
    const all = layersOf(doc).flatMap((l) => l.annotations);
    const match = matchDocument({ id: doc.document.id, sha256: doc.document.sha256, text: doc.document.text }, stored, { acceptSimilarText: true });
    if (match.kind === 'new') {
      report.unmatched.push({ title: doc.document.title, annotations: all.length, ...(match.proposal ? { similarTo: { title: library.get(match.proposal.documentId)?.title ?? match.proposal.documentId, similarity: match.proposal.similarity } } : {}) });
      continue;
    }
    const target = library.get(match.documentId)!;
    const matchedBy = match.kind === 'same-text' ? 'checksum' : match.kind === 'same-id-edited' ? 'id' : 'similar-text';
    const similarity = match.kind === 'same-text' ? undefined : match.similarity;
    const view = store.getDocument(target.id);
    if (!view.ok) return view;
    const text = view.value.document.text;
    for (const layer of layersOf(doc)) {
      const author = (layer.author || options.author)!;
      const placed: Annotation[] = [];
      for (const a of layer.annotations) {
        const where = anchor(text, a);
        const labelId = resolved.ids.get(a.labelId) ?? a.labelId;
        if (where.status === 'orphan') {
          report.orphans.push({ documentId: target.id, title: target.title, quote: a.quote.exact, labelId, author, reason: where.reason });
          continue;
        }
        placed.push({ ...a, documentId: target.id, start: where.start, end: where.end, labelId, author: a.author || author, quote: { ...a.quote, exact: text.slice(where.start, where.end) } });
      }
      const layerId = colleagueLayerId(author);
      // The same text twice in the file (or two texts placed on one document): one layer with the annotations of both, each span once.
      const earlier = planned.find((p) => p.documentId === target.id && p.layer.id === layerId);
      if (earlier) {
        const spans = new Set(earlier.layer.annotations.map(spanKey));
        const ids = new Set(earlier.layer.annotations.map((x) => x.id));
        for (const x of placed) {
          if (spans.has(spanKey(x))) continue;
          spans.add(spanKey(x));
          earlier.layer.annotations.push(ids.has(x.id) ? { ...x, id: newId('ann') } : x);
          ids.add(x.id);
        }
        continue;
      }
      // Links come along when both their spans were placed (version 2); a link to a span set aside as an orphan is left out with it.
      const placedIds = new Set(placed.map((x) => x.id));
      const relations = (layer.relations ?? []).filter((r) => placedIds.has(r.sourceId) && placedIds.has(r.targetId)).map((r) => ({ ...r, documentId: target.id }));
      planned.push({ documentId: target.id, title: target.title, matchedBy, ...(similarity === undefined ? {} : { similarity }), layer: { id: layerId, kind: 'colleague', author, annotations: placed, ...(relations.length > 0 ? { relations } : {}) } });
    }
  }

  // Relation types and attributes the file brought (its relations and values refer to them) join the project's.
  const schema = mergeImportedSchema(resolved.schema, corpus.labels);
  if (resolved.added.length > 0 || schema.changed) {
    const saved = await store.saveLabels(schema.schema);
    if (!saved.ok) return saved;
    report.labelsAdded = [...resolved.added.map((l) => l.name), ...schema.labelsAdded];
  }
  const linked = new Set(planned.flatMap((p) => p.layer.annotations.flatMap((a) => (a.entityId === undefined ? [] : [a.entityId]))));
  const added = entities.added.filter((e) => linked.has(e.id));
  if (added.length > 0) {
    const saved = await store.updateEntities({ saved: added, removed: [] });
    if (!saved.ok) return saved;
  }
  for (const plan of planned) {
    const put = await store.putLayer(plan.documentId, plan.layer);
    if (!put.ok) return put;
    report.layers.push({
      documentId: plan.documentId,
      title: plan.title,
      layerId: plan.layer.id,
      author: plan.layer.author,
      count: plan.layer.annotations.length,
      matchedBy: plan.matchedBy,
      ...(plan.similarity === undefined ? {} : { similarity: plan.similarity }),
    });
  }
  return ok(report);
}

function spanKey(a: Annotation): string {
  return `${a.start}:${a.end}:${a.labelId}`;
}
