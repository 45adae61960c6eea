import { Icon } from '../ui/icon';

/** Covers the window while files are dragged over it. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <Icon name="upload" size={28} />
        <p>Drop to import</p>
        <p className="muted small">.txt, .md and .html files</p>
      </div>
    </div>
  );
}
