/**
 * Which rows of a long list to draw (windowing): those in view and a few
 * either side, with the space of the rest kept above and below, so a table of
 * ten thousand statements draws a few dozen rows.
 */

/** The rows to draw, end exclusive, and the height left out above and below them. */
export interface RowWindow {
  start: number;
  end: number;
  before: number;
  after: number;
}

/** The window of `count` rows of `rowHeight` pixels for a viewport `height` high scrolled `scrollTop` down, with `overscan` extra rows each side. */
export function rowWindow(count: number, rowHeight: number, scrollTop: number, height: number, overscan = 8): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + Math.ceil(Math.max(height, rowHeight) / rowHeight) + overscan);
  return { start, end: Math.max(start, end), before: start * rowHeight, after: Math.max(0, count - Math.max(start, end)) * rowHeight };
}
