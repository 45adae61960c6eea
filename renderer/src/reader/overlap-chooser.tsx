import { useEffect, useRef } from 'react';
import type { MarkLabel } from './annotation-marks';
import { LabelSwatch } from './label-swatch';

/** One annotation offered by the chooser. */
export interface ChooserEntry {
  id: string;
  label: MarkLabel;
  quote: string;
}

interface OverlapChooserProps {
  /** Viewport coordinates of the click. */
  x: number;
  y: number;
  entries: readonly ChooserEntry[];
  onChoose(id: string): void;
  onClose(): void;
}

/** A small menu at the pointer listing the annotations under a click, innermost first. */
export function OverlapChooser({ x, y, entries, onChoose, onClose }: OverlapChooserProps) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const outside = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) close.current();
    };
    document.addEventListener('mousedown', outside, true);
    return () => document.removeEventListener('mousedown', outside, true);
  }, [x, y]);

  return (
    <div
      ref={ref}
      className="parley-chooser"
      role="menu"
      aria-label="Choose an annotation"
      style={{ left: Math.min(x, window.innerWidth - 320), top: Math.min(y + 8, window.innerHeight - 40 * entries.length - 40) }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
          const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
          buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
        }
      }}
    >
      <div className="parley-chooser-title">{entries.length} annotations here</div>
      {entries.map((entry) => (
        <button key={entry.id} type="button" role="menuitem" data-annotation-id={entry.id} onClick={() => onChoose(entry.id)}>
          <LabelSwatch label={entry.label} />
          <strong>{entry.label.name}</strong>
          <span className="parley-chooser-quote">{entry.quote}</span>
        </button>
      ))}
    </div>
  );
}
