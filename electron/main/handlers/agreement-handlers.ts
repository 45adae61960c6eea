/** Inter-annotator agreement: the report, shown or exported. */
import { writeFile } from 'node:fs/promises';
import type { AgreementDocument, AnnotatorDocuments } from '../../../annotations/agreement/agreement-input';
import { buildAgreementReport, type AgreementOptions } from '../../../annotations/agreement/report';
import { reportToCsv } from '../../../annotations/agreement/report-csv';
import { reportToMarkdown } from '../../../annotations/agreement/report-markdown';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

/** Handlers for agreement between layers. */
export function createAgreementHandlers({ store, settings, dialogs }: HandlerContext): Pick<ApiHandlers, 'agreement' | 'exportAgreementToDialog'> {
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
        documents.set(doc.document.sha256, { text: doc.document.text, title: doc.document.title, annotations: layer.annotations, ...(layer.relations ? { relations: layer.relations } : {}), done: doc.document.status === 'done' });
      }
      if (documents.size === 0) return fail('not-found', `no chosen document has the layer ${layerId}`);
      annotators.push({ annotator: name, documents });
    }
    return ok(distinctAnnotators(annotators, layerIds));
  };

  /** The schema's label and relation type order, and which relation types are undirected. */
  const reportOptions = (includeUnstarted: boolean | undefined): AgreementOptions => {
    const { labels, relationTypes = [] } = store.getLabels();
    return {
      labelOrder: labels.map((l) => l.id),
      relationTypeOrder: relationTypes.map((t) => t.id),
      undirectedRelationTypes: relationTypes.filter((t) => !t.directed).map((t) => t.id),
      ...(includeUnstarted === undefined ? {} : { includeUnstarted }),
    };
  };

  return {
    async agreement({ layerIds, documentIds, includeUnstarted }) {
      const annotators = annotatorsFor(layerIds, documentIds);
      if (!annotators.ok) return annotators;
      return buildAgreementReport(annotators.value, reportOptions(includeUnstarted));
    },

    async exportAgreementToDialog({ layerIds, documentIds, format, includeUnstarted }) {
      const annotators = annotatorsFor(layerIds, documentIds);
      if (!annotators.ok) return annotators;
      const report = buildAgreementReport(annotators.value, reportOptions(includeUnstarted));
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

