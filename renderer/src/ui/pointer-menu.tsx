import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface PointerMenuProps {
  /** Viewport coordinates the menu opens at (a click, the end of a drag). */
  x: number;
  y: number;
  /** Menu items, to keep the menu inside the window. */
  itemCount: number;
  label: string;
  title: ReactNode;
  /** A key the menu's own item keys handle; return true when handled. */
  onItemKey?(event: KeyboardEvent<HTMLDivElement>): boolean;
  onClose(): void;
  /** Buttons with `role="menuitem"`. */
  children: ReactNode;
}

/**
 * A small menu at the pointer: the first item focused, arrow keys move
 * between items, Escape or a press outside closes it.
 */
export function PointerMenu({ x, y, itemCount, label, title, onItemKey, onClose, children }: PointerMenuProps) {
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
      aria-label={label}
      style={{ left: Math.min(x, window.innerWidth - 320), top: Math.min(y + 8, window.innerHeight - 40 * itemCount - 40) }}
      onKeyDown={(event) => {
        if (onItemKey?.(event)) {
          event.preventDefault();
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
      <div className="parley-chooser-title">{title}</div>
      {children}
    </div>
  );
}
