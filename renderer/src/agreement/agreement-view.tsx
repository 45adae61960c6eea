import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AgreementMeasure, AgreementReport } from '../../../annotations/agreement/report';
import { readMeasure } from '../../../annotations/agreement/plain-words';
import { unstartedLine } from '../../../annotations/agreement/unstarted-documents';
import { OWN_LAYER_ID, type Label } from '../../../annotations/model';
import type { DocumentSummary } from '../../../shared/library';
import { layerRows } from '../review/layer-rows';
import { plural } from '../../../annotations/text/plural';
import { AgreementExportButtons } from './agreement-export-buttons';
import { AgreementHeatmap } from './agreement-heatmap';
import { AgreementLayerPicker } from './agreement-layer-picker';
import { DocumentAgreementTable } from './document-agreement-table';
import { LabelBars } from './label-bars';
import { LabelConfusionTable } from './label-confusion-table';
import { MeasureTiles } from './measure-tiles';
import { MEASURE_DETAILS } from './measure-words';
import './agreement.css';

interface AgreementViewProps {
  documents: readonly DocumentSummary[];
  currentId: string | null;
  labels: readonly Label[];
  /** Opens Review on a document against a colleague's layer (click-through from a document row). */
  onReview?(documentId: string, theirsLayerId: string): void;
  /**
   * Opens Review of these layers at once (a heatmap cell: that pair; a
   * label's bar: every compared layer, narrowed to that label).
   */
  onReviewLayers?(layerIds: string[], labelId?: string): void;
}

type Fetched = { key: string; report: AgreementReport } | { key: string; error: string };

/**
 * How far the chosen layers agree: overall for each measure, by pair (a
 * heatmap), by label (bars) and by document (a table), over the whole library
 * or the open document. The report shown can be exported as it is.
 */
export function AgreementView({ documents, currentId, labels, onReview, onReviewLayers }: AgreementViewProps) {
  const layers = useMemo(() => layerRows(documents, currentId).filter((l) => l.documents > 0), [documents, currentId]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [scope, setScope] = useState<'all' | 'current'>('all');
  const [measure, setMeasure] = useState<AgreementMeasure>('instance');
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const [includeUnstarted, setIncludeUnstarted] = useState(false);
  const scopeName = useId();
  const request = useRef(0);

  // On the open document alone, only the layers it has can be compared.
  const onlyCurrent = scope === 'current' && currentId !== null;
  const available = onlyCurrent ? layers.filter((l) => l.here !== null) : layers;
  // Until the analyst chooses, compare their layer with every colleague's.
  const layerIds = (chosen ?? available.filter((l) => l.kind !== 'reconciled').map((l) => l.id)).filter((id) => available.some((l) => l.id === id));
  const documentIds = onlyCurrent ? [currentId] : undefined;
  const key = JSON.stringify([layerIds, documentIds ?? null, includeUnstarted]);
  const enough = layerIds.length >= 2;

  useEffect(() => {
    if (!enough) return;
    const mine = ++request.current;
    const [ids, docs, unstarted] = JSON.parse(key) as [string[], string[] | null, boolean];
    void window.parley.api.agreement({ layerIds: ids, includeUnstarted: unstarted, ...(docs ? { documentIds: docs } : {}) }).then((result) => {
      if (mine !== request.current) return;
      setFetched(result.ok ? { key, report: result.value } : { key, error: result.error.message });
    });
    // `documents` changes when the library does: measure again.
  }, [key, enough, documents]);

  // A review compares the analyst's layer with one colleague's: rows open it when those are the two layers compared.
  const colleague = layerIds.length === 2 && layerIds.includes(OWN_LAYER_ID) ? layerIds.find((id) => id.startsWith('colleague:')) : undefined;
  const reviewDocument =
    onReview && colleague
      ? (key: string) => {
          const doc = documents.find((d) => d.sha256 === key) ?? documents.find((d) => d.id === key);
          if (doc) onReview(doc.id, colleague);
        }
      : undefined;

  const current = fetched && fetched.key === key ? fetched : null;
  // The report names layers by author, in the order they were asked for: its i-th annotator is layerIds[i].
  const layerOfAnnotator = (name: string, annotators: readonly string[]) => layerIds[annotators.indexOf(name)];
  const reviewable = (ids: Array<string | undefined>): ids is string[] => ids.every((id) => id !== undefined && id !== 'reconciled');
  const report = current && 'report' in current ? current.report : null;
  const compared = report ? report.documents.filter((d) => d.annotators.length >= 2).length : 0;
  const pairs = report ? report[measure].pairs.length : 0;

  return (
    <section className="agreement-view" aria-label="Agreement">
      <div className="agreement-controls">
        <AgreementLayerPicker layers={available} chosen={layerIds} onChange={setChosen} />
        <fieldset className="agreement-scope">
          <legend>Documents</legend>
          <label className="choice">
            <input type="radio" name={scopeName} checked={scope === 'all' || !currentId} onChange={() => setScope('all')} />
            All documents
          </label>
          <label className="choice">
            <input type="radio" name={scopeName} checked={scope === 'current' && currentId !== null} disabled={!currentId} onChange={() => setScope('current')} />
            This document
          </label>
        </fieldset>
        <label className="choice agreement-unstarted-switch">
          <input type="checkbox" checked={includeUnstarted} onChange={(event) => setIncludeUnstarted(event.target.checked)} />
          Include documents not started
        </label>
        <AgreementExportButtons layerIds={layerIds} documentIds={documentIds} includeUnstarted={includeUnstarted} disabled={!report} />
      </div>
      {!enough ? (
        <p className="agreement-hint">
          {available.length < 2
            ? onlyCurrent
              ? 'This document has only one layer. Load a colleague’s annotations, or measure over all documents.'
              : 'Agreement needs at least two layers. Load a colleague’s annotations first.'
            : 'Choose at least two layers to compare.'}
        </p>
      ) : current && 'error' in current ? (
        <p className="agreement-error" role="alert">
          Agreement could not be measured: {current.error}
        </p>
      ) : !report ? (
        <p className="agreement-hint">Measuring…</p>
      ) : (
        <>
          <MeasureTiles report={report} measure={measure} onChange={setMeasure} />
          <p className="agreement-reading" data-testid="measure-reading">
            {readMeasure(measure, report[measure].pairs, report[measure].total.mean)}.
          </p>
          <p className="agreement-note">
            {MEASURE_DETAILS[measure]}{' '}
            {measure === 'alpha'
              ? `One figure across all ${report.annotators.length} layers.`
              : pairs === 1
                ? `One pair of layers: ${report.annotators.join(' and ')}.`
                : `Mean ± population standard deviation over ${plural(pairs, 'pair', 'pairs')} of layers.`}{' '}
            {compared} of {plural(report.documents.length, 'document', 'documents')} compared.
          </p>
          {report.unstarted.documents.length > 0 && (
            <p className="agreement-note agreement-unstarted" data-testid="agreement-unstarted">
              {unstartedLine(report.unstarted)}{' '}
              {report.unstarted.included ? 'Untick “Include documents not started” to leave them out.' : 'Tick “Include documents not started” to compare them too.'}
            </p>
          )}
          <div className="agreement-pictures">
            <AgreementHeatmap
              report={report}
              measure={measure}
              onReview={
                onReviewLayers
                  ? (a, b) => {
                      const ids = [layerOfAnnotator(a, report.annotators), layerOfAnnotator(b, report.annotators)];
                      // The analyst's layer plays "mine" whenever it is one of the two.
                      if (reviewable(ids)) onReviewLayers(ids[1] === OWN_LAYER_ID ? [ids[1], ids[0]!] : ids);
                    }
                  : undefined
              }
            />
            <LabelBars
              report={report}
              measure={measure}
              labels={labels}
              onReview={
                onReviewLayers && layerIds.every((id) => id !== 'reconciled')
                  ? (labelId) => onReviewLayers([...layerIds].sort((x, y) => Number(y === OWN_LAYER_ID) - Number(x === OWN_LAYER_ID)), labelId)
                  : undefined
              }
            />
          </div>
          <DocumentAgreementTable report={report} measure={measure} onReview={reviewDocument} />
          <LabelConfusionTable report={report} labels={labels} />
        </>
      )}
    </section>
  );
}
