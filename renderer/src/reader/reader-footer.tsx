import { OWN_LAYER_ID, type AnnotationLayer } from '../../../annotations/model';
import type { OutlineStyle } from './layer-outlines';
import type { ReaderHistory } from './reader-state';

interface ReaderFooterProps {
  /** The layers drawn beside the analyst's own; a legend names them when there are any. */
  legend: readonly AnnotationLayer[] | null;
  showOwn: boolean;
  author: string;
  outlines: ReadonlyMap<string, OutlineStyle>;
  status: string;
  history: ReaderHistory;
  /** True when the history is the mode's (Review), not Read mode's. */
  modeHistory: boolean;
  onHistory(direction: 'undo' | 'redo'): void;
}

/** Below the text: the layer legend, the status line and the Undo and Redo buttons. */
export function ReaderFooter({ legend, showOwn, author, outlines, status, history, modeHistory, onHistory }: ReaderFooterProps) {
  const { undoLabel, redoLabel, undoEmpty } = history;
  return (
    <div className="parley-reader-footer">
      {legend && legend.length > 0 && (
        <p className="parley-layer-legend" aria-label="Layers shown" data-testid="layer-legend">
          {showOwn && (
            <span className="parley-legend-entry" data-layer={OWN_LAYER_ID}>
              <span className="parley-legend-sample parley-legend-fill" aria-hidden="true">
                Ab
              </span>{' '}
              {author}
            </span>
          )}
          {legend.map((l) => (
            <span key={l.id} className="parley-legend-entry" data-layer={l.id} data-outline={outlines.get(l.id)}>
              <span className="parley-legend-sample" style={{ outlineStyle: outlines.get(l.id), outlineWidth: outlines.get(l.id) === 'double' ? '3px' : undefined }} aria-hidden="true">
                Ab
              </span>{' '}
              {l.kind === 'reconciled' ? 'Reconciled' : l.author}
            </span>
          ))}
        </p>
      )}
      <div className="parley-reader-status" id="parley-reader-status" role="status" aria-live="polite">
        {status}
      </div>
      <div className="parley-history" role="group" aria-label="History" data-scope={modeHistory ? 'review' : 'read'}>
        <button type="button" className="parley-undo" disabled={!undoLabel} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : undoEmpty} onClick={() => onHistory('undo')}>
          ↶ Undo{undoLabel ? <span className="parley-history-label">: {undoLabel}</span> : modeHistory && <span className="parley-history-label">: no decision yet</span>}
        </button>
        <button type="button" className="parley-redo" disabled={!redoLabel} title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={() => onHistory('redo')}>
          ↷ Redo{redoLabel && <span className="parley-history-label">: {redoLabel}</span>}
        </button>
      </div>
    </div>
  );
}
