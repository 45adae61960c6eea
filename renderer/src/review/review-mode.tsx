import { useMemo, useState } from 'react';
import { RECONCILED_LAYER_ID, type AnnotationLayer } from '../../../annotations/model';
import type { Problem } from '../../../annotations/result';
import type { DocumentSummary } from '../../../shared/library';
import { Reader, type ReaderHistory, type ReaderProps } from '../reader/reader';
import { ExportLayerDialog } from './export-layer-dialog';
import { documentsWithLayer } from './layer-rows';
import { ReviewEmptyState } from './review-empty-state';
import { ReviewPanel, type ColleagueChoice } from './review-panel';
import { REVIEW_KEYS } from './review-keys';
import { useReview } from './use-review';
import { useReviewClicks } from './use-review-clicks';
import { useReviewKeys } from './use-review-keys';
import { ReviewQueueSummary } from './review-queue-summary';
import { useReviewQueue } from './use-review-queue';
import { nextUndecidedDocument } from '../../../annotations/review/review-queue';

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
export function ReviewMode({ documents, theirsLayerId, onChooseColleague, onLoadLayer, onExported, onOpenDocument, onClose, ...reader }: ReviewModeProps) {
  const colleagues = useMemo(() => colleaguesOf(reader.view.layers), [reader.view.layers]);
  const theirs = colleagues.find((c) => c.id === theirsLayerId) ?? colleagues[0];
  if (!theirs) return <Reader {...reader} side={<ReviewEmptyState onLoad={onLoadLayer} onClose={onClose} />} />;
  return (
    <ActiveReview
      {...reader}
      documents={documents}
      theirsLayerId={theirs.id}
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
  colleagues: readonly ColleagueChoice[];
  onChooseColleague(layerId: string): void;
  onExported(path: string, warnings: Problem[]): void;
  onOpenDocument?(documentId: string): void;
  onClose(): void;
}

function ActiveReview({ documents, theirsLayerId, colleagues, onChooseColleague, onExported, onOpenDocument, onClose, ...reader }: ActiveReviewProps) {
  const { view, onViewChange, onError } = reader;
  const queue = useReviewQueue(theirsLayerId, view.decisions);
  const next = queue ? nextUndecidedDocument(queue, view.document.id) : null;
  const openNext = next && next.documentId !== view.document.id && onOpenDocument ? () => onOpenDocument(next.documentId) : undefined;
  const review = useReview({ view, theirsLayerId, onViewChange, onError, onNextDocument: openNext });
  const [exporting, setExporting] = useState(false);
  const labelKeys = useMemo(() => new Set(reader.labels.labels.map((l) => l.shortcut).filter((k) => k !== '')), [reader.labels]);
  useReviewKeys(review.run, true, labelKeys);
  useReviewClicks(review.differences, review.focus);

  const { undoLabel, redoLabel, undoEmpty, history } = review;
  const historyOverride = useMemo<ReaderHistory>(() => ({ undoLabel, redoLabel, undoEmpty, run: history }), [undoLabel, redoLabel, undoEmpty, history]);
  const theirsLayer = view.layers.find((l) => l.id === theirsLayerId);
  const overlay = useMemo(() => (theirsLayer ? [theirsLayer] : []), [theirsLayer]);
  const focused = review.focused;
  const region = focused ? { start: focused.start, end: focused.end } : null;
  const reconciled = view.layers.find((l) => l.id === RECONCILED_LAYER_ID);
  const withReconciled = documentsWithLayer(documents, RECONCILED_LAYER_ID);
  if (reconciled && !withReconciled.includes(view.document.id)) withReconciled.push(view.document.id);

  return (
    <>
      <Reader
        {...reader}
        overlayLayers={overlay}
        focusRegion={region}
        moreShortcuts={REVIEW_SHORTCUTS}
        historyOverride={historyOverride}
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
