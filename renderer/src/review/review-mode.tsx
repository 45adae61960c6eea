import { useCallback, useMemo, useState } from 'react';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID, type AnnotationLayer } from '../../../annotations/model';
import { outlineStyles } from '../reader/layer-outlines';
import type { ReviewLayerChoice } from './review-layer-picker';
import { plural } from '../../../annotations/text/plural';
import type { Problem } from '../../../annotations/result';
import type { DocumentSummary } from '../../../shared/library';
import { Reader, type ReaderHistory, type ReaderProps } from '../reader/reader';
import { ExportLayerDialog } from './export-layer-dialog';
import { documentsWithLayer } from './layer-rows';
import { ReviewEmptyState } from './review-empty-state';
import { ReviewPanel, type ColleagueChoice } from './review-panel';
import { RelationDifferenceList } from './relation-difference-list';
import { REVIEW_KEYS } from './review-keys';
import { useReview } from './use-review';
import { useReviewClicks } from './use-review-clicks';
import { reviewKeyHandler } from './use-review-keys';
import { ReviewQueueSummary } from './review-queue-summary';
import { useReviewQueue } from './use-review-queue';
import { nextUndecidedDocument } from '../../../annotations/review/review-queue';
import { reviewedRelations } from '../../../annotations/review/relation-decisions';

interface ReviewModeProps extends ReaderProps {
  /** The library, to know which documents have a reconciled layer to export. */
  documents: readonly DocumentSummary[];
  /** The colleague layer chosen last; the first one on the document when it has no such layer. */
  theirsLayerId: string | null;
  onChooseColleague(layerId: string): void;
  onLoadLayer(): void;
  onExported(path: string, warnings: Problem[]): void;
  /** Opens another document (the next one with undecided differences). */
  onOpenDocument?(documentId: string): void;
  onClose(): void;
  /** The layers to compare at once (two or more, in order), or null for the analyst's against `theirsLayerId`. */
  layerIds?: readonly string[] | null;
  onChooseLayers?(layerIds: string[] | null): void;
  /** Only differences involving this label, or null for all. */
  onlyLabel?: string | null;
  onShowAllLabels?(): void;
}

/** The review's keys as the shortcut sheet lists them. */
const REVIEW_SHORTCUTS = REVIEW_KEYS.map(({ keys, does }) => [keys.join(' / '), `Review: ${does}`] as const);

function colleaguesOf(layers: readonly AnnotationLayer[]): ColleagueChoice[] {
  return layers.filter((l) => l.kind === 'colleague').map((l) => ({ id: l.id, author: l.author, count: l.annotations.length }));
}

/**
 * Review mode for the open document: the reader shows the analyst's marks as
 * fills and the colleague's as dashed underlined outlines, and the review
 * panel takes the place of the annotation list.
 */
export function ReviewMode({ documents, theirsLayerId, onChooseColleague, onLoadLayer, onExported, onOpenDocument, onClose, layerIds = null, onChooseLayers, onlyLabel = null, onShowAllLabels, ...reader }: ReviewModeProps) {
  const colleagues = useMemo(() => colleaguesOf(reader.view.layers), [reader.view.layers]);
  // The layers asked for that this document has (its own layer always counts, even empty).
  const requested = (layerIds ?? []).filter((id) => id === OWN_LAYER_ID || colleagues.some((c) => c.id === id));
  const several = requested.length >= 2 && !(requested.length === 2 && requested[0] === OWN_LAYER_ID) ? requested : null;
  const asked = several ? several.find((id) => id !== OWN_LAYER_ID) : requested.length === 2 ? requested[1] : theirsLayerId;
  const theirs = colleagues.find((c) => c.id === asked) ?? colleagues[0];
  if (!theirs) return <Reader {...reader} side={<ReviewEmptyState onLoad={onLoadLayer} onClose={onClose} />} />;
  return (
    <ActiveReview
      {...reader}
      documents={documents}
      theirsLayerId={theirs.id}
      layerIds={several}
      onChooseLayers={onChooseLayers}
      onlyLabel={onlyLabel}
      onShowAllLabels={onShowAllLabels}
      colleagues={colleagues}
      onChooseColleague={onChooseColleague}
      onExported={onExported}
      onOpenDocument={onOpenDocument}
      onClose={onClose}
    />
  );
}

interface ActiveReviewProps extends ReaderProps {
  documents: readonly DocumentSummary[];
  theirsLayerId: string;
  layerIds: readonly string[] | null;
  onChooseLayers?(layerIds: string[] | null): void;
  onlyLabel: string | null;
  onShowAllLabels?(): void;
  colleagues: readonly ColleagueChoice[];
  onChooseColleague(layerId: string): void;
  onExported(path: string, warnings: Problem[]): void;
  onOpenDocument?(documentId: string): void;
  onClose(): void;
}

function ActiveReview({ documents, theirsLayerId, layerIds, onChooseLayers, onlyLabel, onShowAllLabels, colleagues, onChooseColleague, onExported, onOpenDocument, onClose, ...reader }: ActiveReviewProps) {
  const { view, onViewChange, onError } = reader;
  const compared = useMemo(() => layerIds ?? [OWN_LAYER_ID, theirsLayerId], [layerIds, theirsLayerId]);
  const { queue, takeRow } = useReviewQueue(compared, view.decisions);
  const next = queue ? nextUndecidedDocument(queue, view.document.id) : null;
  const openNext = next && next.documentId !== view.document.id && onOpenDocument ? () => onOpenDocument(next.documentId) : undefined;
  const review = useReview({ view, theirsLayerId, layerIds: compared, onlyLabel, labels: reader.labels, onViewChange, onError, onNextDocument: openNext, onProgress: takeRow });
  const [lanes, setLanes] = useState(false);
  const [said, setSaid] = useState('');
  const choices = useMemo<ReviewLayerChoice[]>(
    () => [
      { id: OWN_LAYER_ID, name: reader.author, count: view.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations.length ?? 0 },
      ...colleagues.map((c) => ({ id: c.id, name: c.author, count: c.count })),
    ],
    [reader.author, view.layers, colleagues],
  );
  const chooseLayers = useCallback(
    (ids: string[]) => {
      // Own and one colleague is the pair review; anything else, several layers at once.
      if (ids.length === 2 && ids[0] === OWN_LAYER_ID) {
        onChooseLayers?.(null);
        onChooseColleague(ids[1]!);
      } else onChooseLayers?.(ids);
    },
    [onChooseLayers, onChooseColleague],
  );
  const preAccept = useCallback(
    async (k: number): Promise<string> => {
      const result = await window.parley.api.preAcceptAgreed({ layerIds: [...compared], k });
      const words = !result.ok
        ? `Not accepted: ${result.error.message}`
        : result.value.decided === 0
          ? `No undecided difference has ${k} of ${compared.length} layers agreeing.`
          : `Accepted ${plural(result.value.decided, 'difference', 'differences')} on ${plural(result.value.documents, 'document', 'documents')} where ${k} of ${compared.length} agree. Ctrl+Z undoes them, document by document.`;
      const fresh = await window.parley.api.getDocument({ documentId: view.document.id });
      if (fresh.ok) onViewChange(fresh.value);
      setSaid(words);
      return words;
    },
    [compared, view.document.id, onViewChange],
  );
  const [exporting, setExporting] = useState(false);
  const labelKeys = useMemo(() => new Set(reader.labels.labels.map((l) => l.shortcut).filter((k) => k !== '')), [reader.labels]);
  const modeKeys = useMemo(() => reviewKeyHandler(review.run, labelKeys), [review.run, labelKeys]);
  useReviewClicks(review.differences, review.focus);

  const { undoLabel, redoLabel, undoEmpty, history } = review;
  const historyOverride = useMemo<ReaderHistory>(() => ({ undoLabel, redoLabel, undoEmpty, run: history }), [undoLabel, redoLabel, undoEmpty, history]);
  // Every compared colleague is drawn, each in the outline style Read mode gives it.
  const overlay = useMemo(() => compared.map((id) => view.layers.find((l) => l.id === id && l.id !== OWN_LAYER_ID)).filter((l): l is AnnotationLayer => l !== undefined), [compared, view.layers]);
  const outlines = useMemo(() => outlineStyles(overlay.map((l) => l.id)), [overlay]);
  const focused = review.focused;
  const region = focused ? { start: focused.start, end: focused.end } : null;
  const reconciled = view.layers.find((l) => l.id === RECONCILED_LAYER_ID);
  // Links are compared between the first two layers compared (mine and theirs), when either has any.
  const firstTwo = compared.slice(0, 2).map((id) => view.layers.find((l) => l.id === id));
  const relationPair = firstTwo[0] && firstTwo[1] && ((firstTwo[0].relations?.length ?? 0) > 0 || (firstTwo[1].relations?.length ?? 0) > 0) ? ([firstTwo[0], firstTwo[1]] as const) : null;
  // In a review of two layers the links are decided; across several, the first two layers' links are listed for reading.
  const listedLinks = useMemo(() => (review.links.length > 0 || !relationPair ? review.links : reviewedRelations(relationPair[0], relationPair[1], reader.labels)), [review.links, relationPair, reader.labels]);
  const withReconciled = documentsWithLayer(documents, RECONCILED_LAYER_ID);
  if (reconciled && !withReconciled.includes(view.document.id)) withReconciled.push(view.document.id);

  return (
    <>
      <Reader
        {...reader}
        overlayLayers={overlay}
        showOwn={compared.includes(OWN_LAYER_ID)}
        focusRegion={region}
        moreShortcuts={REVIEW_SHORTCUTS}
        historyOverride={historyOverride}
        modeKeys={modeKeys}
        side={
          <ReviewPanel
            review={review}
            author={reader.author}
            labels={reader.labels.labels}
            colleagues={colleagues}
            onChooseColleague={onChooseColleague}
            onExportReconciled={() => setExporting(true)}
            queue={<ReviewQueueSummary queue={queue} documentId={view.document.id} onOpen={(id) => onOpenDocument?.(id)} />}
            onClose={onClose}
            layerChoices={choices}
            onChooseLayers={onChooseLayers ? chooseLayers : undefined}
            outlines={outlines}
            lanes={lanes}
            onToggleLanes={() => setLanes((on) => !on)}
            onPreAccept={preAccept}
            onlyLabel={onlyLabel}
            onShowAllLabels={onShowAllLabels}
            onSay={setSaid}
            message={said}
            relations={
              relationPair && (
                <RelationDifferenceList
                  links={listedLinks}
                  mine={relationPair[0]}
                  theirs={relationPair[1]}
                  labels={reader.labels}
                  mineName={relationPair[0].kind === 'own' ? reader.author : relationPair[0].author}
                  theirsName={relationPair[1].author}
                  {...(review.links.length > 0 ? { decisionOf: review.linkDecisionOf, onDecide: review.decideLink } : {})}
                />
              )
            }
          />
        }
      />
      {exporting && (
        <ExportLayerDialog
          layer={{ id: RECONCILED_LAYER_ID, author: reconciled?.author ?? '' }}
          current={reconciled ? { id: view.document.id, title: view.document.title } : null}
          documentIds={withReconciled}
          onClose={() => setExporting(false)}
          onExported={(path, warnings) => {
            setExporting(false);
            onExported(path, warnings);
          }}
        />
      )}
    </>
  );
}
