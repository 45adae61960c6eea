/**
 * Loads a colleague's export as their own layers on the matching documents.
 * Documents are matched by text checksum, then by re-anchoring quotes; the
 * colleague's annotations never enter the analyst's own layer, and any that
 * cannot be placed are listed as orphans.
 */
import { anchor } from '../../../annotations/anchoring';
import type { FormatFile, FormatName, ImportOutcome } from '../../../annotations/formats/format';
import type { FormatJob } from '../tasks/format-job';
import { codecs } from '../../../annotations/formats/index';
import { resolveLabels } from '../../../annotations/labels';
import { colleagueLayerId, type Annotation, type AnnotationLayer, type CorpusDocument, type LabelSchema } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import type { LayerImportReport } from '../../../shared/api';
import type { DocumentView } from '../../../shared/library';

/** The part of the store a layer import needs. */
export interface LayerImportStore {
  listDocuments(): Array<{ id: string; title: string; sha256: string }>;
  getDocument(id: string): Result<DocumentView>;
  getLabels(): LabelSchema;
  saveLabels(schema: LabelSchema): Promise<Result<LabelSchema>>;
  putLayer(documentId: string, layer: AnnotationLayer): Promise<Result<DocumentView>>;
}

/** Smallest share of a document's quotes that must re-anchor in a library text for the two to count as the same article. */
const QUOTE_MATCH_THRESHOLD = 0.6;

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
  const { corpus } = imported.value;

  const layersOf = (doc: CorpusDocument) => doc.layers.filter((l) => l.annotations.length > 0 || doc.layers.length === 1);
  const missingAuthor = corpus.documents.some((d) => layersOf(d).some((l) => !(l.author || options.author)));
  if (missingAuthor) return fail('invalid-input', 'this file does not say who made its annotations; give the colleague\'s name');

  const library = store.listDocuments();
  const bySha = new Map(library.map((d) => [d.sha256, d]));
  const report: LayerImportReport = { layers: [], unmatched: [], orphans: [], labelsAdded: [], warnings: [...imported.value.warnings] };

  const labelNames = new Set(corpus.documents.flatMap((d) => d.layers.flatMap((l) => l.annotations.map((a) => a.labelId))));
  const resolved = resolveLabels(store.getLabels(), labelNames);

  const planned: Array<{ documentId: string; layer: AnnotationLayer; title: string; matchedBy: 'checksum' | 'quotes' }> = [];
  for (const doc of corpus.documents) {
    const all = layersOf(doc).flatMap((l) => l.annotations);
    let target = bySha.get(doc.document.sha256);
    let matchedBy: 'checksum' | 'quotes' = 'checksum';
    let text: string | undefined;
    if (target) {
      const view = store.getDocument(target.id);
      if (!view.ok) return view;
      text = view.value.document.text;
    } else {
      const best = bestQuoteMatch(store, library, all);
      if (!best) {
        report.unmatched.push({ title: doc.document.title, annotations: all.length });
        continue;
      }
      target = best.summary;
      text = best.text;
      matchedBy = 'quotes';
    }
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
      planned.push({ documentId: target.id, title: target.title, matchedBy, layer: { id: layerId, kind: 'colleague', author, annotations: placed } });
    }
  }

  if (resolved.added.length > 0) {
    const saved = await store.saveLabels(resolved.schema);
    if (!saved.ok) return saved;
    report.labelsAdded = resolved.added.map((l) => l.name);
  }
  for (const plan of planned) {
    const put = await store.putLayer(plan.documentId, plan.layer);
    if (!put.ok) return put;
    report.layers.push({ documentId: plan.documentId, title: plan.title, layerId: plan.layer.id, author: plan.layer.author, count: plan.layer.annotations.length, matchedBy: plan.matchedBy });
  }
  return ok(report);
}

/** The library document in which most of these annotations' quotes re-anchor, if enough do. */
export function bestQuoteMatch(store: LayerImportStore, library: Array<{ id: string; title: string; sha256: string }>, annotations: Annotation[]) {
  if (annotations.length === 0) return undefined;
  let best: { summary: (typeof library)[number]; text: string; share: number } | undefined;
  for (const summary of library) {
    const view = store.getDocument(summary.id);
    if (!view.ok) continue;
    const text = view.value.document.text;
    const placed = annotations.filter((a) => anchor(text, a).status !== 'orphan').length;
    const share = placed / annotations.length;
    if (share >= QUOTE_MATCH_THRESHOLD && (!best || share > best.share)) best = { summary, text, share };
  }
  return best;
}
