import { Icon } from '../ui/icon';

/** Covers the window while files are dragged over it. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <Icon name="upload" size={28} />
        <p>Drop to import</p>
        <p className="muted small">PDF, Word, saved web pages (.html, .mhtml), .txt and .md</p>
      </div>
    </div>
  );
}
