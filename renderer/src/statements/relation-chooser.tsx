import { useEffect, useRef } from 'react';
import type { LinkOption } from '../reader/link-session';

interface RelationChooserProps {
  /** Viewport coordinates where the drag ended. */
  x: number;
  y: number;
  /** The two spans' texts, in the order they were dragged. */
  from: string;
  to: string;
  options: readonly LinkOption[];
  onChoose(option: LinkOption): void;
  onClose(): void;
}

/** After a drag from one mark to another, the relation types that fit, by key or click. */
export function RelationChooser({ x, y, from, to, options, onChoose, onClose }: RelationChooserProps) {
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
      aria-label="Choose a relation"
      style={{ left: Math.min(x, window.innerWidth - 320), top: Math.min(y + 8, window.innerHeight - 40 * options.length - 40) }}
      onKeyDown={(event) => {
        const keyed = options.find((o) => o.type.shortcut !== '' && o.type.shortcut === event.key);
        if (keyed) {
          event.preventDefault();
          onChoose(keyed);
        } else if (event.key === 'Escape') {
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
      <div className="parley-chooser-title">
        Link “{from}” and “{to}” as
      </div>
      {options.map((option) => (
        <button key={option.type.id} type="button" role="menuitem" data-relation-type={option.type.id} onClick={() => onChoose(option)}>
          <span className="parley-swatch" style={{ background: option.type.color }} aria-hidden="true" />
          {option.type.shortcut && <kbd>{option.type.shortcut}</kbd>}
          <strong>{option.type.name}</strong>
          <span className="parley-chooser-quote">{option.reversed ? `“${to}” → “${from}”` : `“${from}” → “${to}”`}</span>
        </button>
      ))}
    </div>
  );
}
