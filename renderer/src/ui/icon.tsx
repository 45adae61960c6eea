const PATHS = {
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  history: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 3',
  sidebar: 'M4 5h16v14H4zM9 5v14',
  upload: 'M12 16V4M7 9l5-5 5 5M5 20h14',
  download: 'M12 4v12M7 11l5 5 5-5M5 20h14',
  tag: 'M3 12V4h8l10 10-8 8zM7.5 8.5h.01',
  up: 'M6 15l6-6 6 6',
  down: 'M6 9l6 6 6-6',
  plus: 'M12 5v14M5 12h14',
  pencil: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
} as const;

/** The name of an icon. */
export type IconName = keyof typeof PATHS;

/** A small line icon; decorative, so hidden from screen readers (the control around it carries the label). */
export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The same icon as a CSS image value, for a list that would draw it hundreds of times: set it as
 * a custom property once on the list and give the buttons the `mask-icon` class (ui.css), which
 * paints it in the text colour as `Icon` strokes. Each use is then no element at all instead of an
 * `<svg>` and a `<path>` with a dozen attributes, which is a third of what a library row costs to build.
 */
export function iconMask(name: IconName): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${PATHS[name]}" fill="none" stroke="black" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}
