import { EditorView } from '@codemirror/view';
import { useEffect } from 'react';
import type { AnnotationLayer } from '../../../annotations/model';
import type { TextSpan } from '../../../annotations/text/word-boundaries';
import { adjacentCompartment, historyCompartment, modeKeysCompartment } from './reader-extensions';
import { layerMarks, overlayMarks, reviewRegion, sameMarks } from './reader-marks';
import { modeKeydown, openAdjacentDocument, readerConfig, readerHistory, setOverlayLayers, type ReaderHistory } from './reader-state';

/** The inputs from the mode around the reader that change while it is open. */
export interface ReaderInputs {
  overlayLayers: readonly AnnotationLayer[];
  focusRegion: TextSpan | null;
  historyOverride?: ReaderHistory;
  modeKeys?: (event: KeyboardEvent, view: EditorView) => boolean;
  onOpenAdjacent?(direction: 1 | -1): void;
}

/** Pushes each changing input into the editor through its own small effect: an effect or a compartment's reconfigure. */
export function useReaderInputs(cm: EditorView | null, { overlayLayers, focusRegion, historyOverride, modeKeys, onOpenAdjacent }: ReaderInputs): void {
  // Other layers change rarely (shown, hidden, loaded), so they are redrawn whole.
  useEffect(() => {
    if (!cm) return;
    const spans = layerMarks(overlayLayers);
    const same = sameMarks(overlayMarks.allMarks(cm.state), spans);
    cm.dispatch({ effects: [setOverlayLayers.of(overlayLayers), ...(same ? [] : [overlayMarks.replace.of({ spans, labels: cm.state.field(readerConfig).appearance })])] });
  }, [cm, overlayLayers]);
  // The region under review: outlined and scrolled to the middle of the view.
  const regionStart = focusRegion?.start ?? -1;
  const regionEnd = focusRegion?.end ?? -1;
  useEffect(() => {
    if (!cm) return;
    const region = regionStart >= 0 && regionEnd <= cm.state.doc.length ? { start: regionStart, end: regionEnd } : null;
    cm.dispatch({ effects: [reviewRegion.set.of(region ? [region] : []), ...(region ? [EditorView.scrollIntoView(region.start, { y: 'center' })] : [])] });
  }, [cm, regionStart, regionEnd]);
  useEffect(() => cm?.dispatch({ effects: historyCompartment.reconfigure(historyOverride ? readerHistory.of(historyOverride) : []) }), [cm, historyOverride]);
  useEffect(() => cm?.dispatch({ effects: modeKeysCompartment.reconfigure(modeKeys ? modeKeydown.of(modeKeys) : []) }), [cm, modeKeys]);
  useEffect(() => cm?.dispatch({ effects: adjacentCompartment.reconfigure(onOpenAdjacent ? openAdjacentDocument.of(onOpenAdjacent) : []) }), [cm, onOpenAdjacent]);
}
