/**
 * Where relation arcs go above the text, brat's way, in screen pixels: each
 * arc is lifted to the lowest level where it crosses no other arc of its row.
 *
 * - Ends spread over their span: a span with several arcs gives each its own
 *   point along its width, ordered so that arcs sharing a span nest instead of
 *   crossing (the arc reaching farthest attaches nearest the span's middle).
 * - Levels: pieces of one row are placed shortest first, each at the lowest
 *   level whose pieces it does not overlap, so short arcs sit low and long
 *   ones arch over them.
 * - An arc whose ends lie on different rows (a line break, a wrapped line, an
 *   end scrolled out of view) is drawn as two half-arcs: from the earlier end
 *   to the right edge of its row, and from the left edge of the later row to
 *   the later end. An end out of view has no piece.
 *
 * Pure: the caller measures the boxes (`coordsAtPos`) and draws the pieces.
 */

/** The first row of a span as drawn: its left and right edges and the row's top, in pixels. */
export interface ArcBox {
  left: number;
  right: number;
  /** The top of the row the span starts on; ends with the same `row` share a row. */
  row: number;
}

/** One relation to lay out. An end is `'before'` or `'after'` when it lies above or below what is drawn. */
export interface ArcInput {
  id: string;
  source: ArcBox | 'before' | 'after';
  target: ArcBox | 'before' | 'after';
}

/** What an end of a piece is: a relation's end (a leg down to its span) or the edge of the row. */
export type PieceEnd = 'source' | 'target' | 'edge';

/** One arc, or half of one, on one row. */
export interface ArcPiece {
  id: string;
  row: number;
  /** Left and right x of the horizontal part. */
  x1: number;
  x2: number;
  /** What is at x1 and at x2. */
  left: PieceEnd;
  right: PieceEnd;
  /** 0 is the lowest level, just above the text. */
  level: number;
}

/** The horizontal extent of the text on each row (every row has the same here). */
export interface RowExtent {
  left: number;
  right: number;
}

interface EndRef {
  arc: number;
  side: 'source' | 'target';
  box: ArcBox;
  /** Where the other end lies, as an x on this row (±Infinity: another row). */
  otherX: number;
}

function centre(box: ArcBox): number {
  return (box.left + box.right) / 2;
}

function boxKey(box: ArcBox): string {
  return `${box.row}:${box.left}:${box.right}`;
}

function otherX(own: ArcBox, other: ArcBox | 'before' | 'after'): number {
  if (other === 'before') return -Infinity;
  if (other === 'after') return Infinity;
  if (other.row === own.row) return centre(other);
  return other.row < own.row ? -Infinity : Infinity;
}

/**
 * The x of each arc end on its span: ends going left take the left part of
 * the span, nearest first; ends going right the right part, farthest first.
 */
function spreadEnds(arcs: readonly ArcInput[]): Map<string, number> {
  const groups = new Map<string, EndRef[]>();
  arcs.forEach((arc, i) => {
    for (const side of ['source', 'target'] as const) {
      const box = arc[side];
      if (typeof box === 'string') continue;
      const other = side === 'source' ? arc.target : arc.source;
      const ref: EndRef = { arc: i, side, box, otherX: otherX(box, other) };
      const key = boxKey(box);
      const group = groups.get(key);
      if (group) group.push(ref);
      else groups.set(key, [ref]);
    }
  });
  const xs = new Map<string, number>();
  for (const group of groups.values()) {
    const mid = centre(group[0]!.box);
    // Two arcs between the same spans nest too: ties go in opposite orders on the two sides.
    const leftward = group.filter((e) => e.otherX < mid).sort((a, b) => b.otherX - a.otherX || b.arc - a.arc);
    const rightward = group.filter((e) => e.otherX >= mid).sort((a, b) => b.otherX - a.otherX || a.arc - b.arc);
    const ordered = [...leftward, ...rightward];
    const { left, right } = group[0]!.box;
    ordered.forEach((e, i) => xs.set(`${e.arc}:${e.side}`, left + ((right - left) * (i + 1)) / (ordered.length + 1)));
  }
  return xs;
}

/** Splits each arc into the pieces drawn on each row, before levels are given. */
function cutPieces(arcs: readonly ArcInput[], xs: ReadonlyMap<string, number>, rows: RowExtent): Omit<ArcPiece, 'level'>[] {
  const pieces: Omit<ArcPiece, 'level'>[] = [];
  arcs.forEach((arc, i) => {
    const s = arc.source;
    const t = arc.target;
    const sx = xs.get(`${i}:source`);
    const tx = xs.get(`${i}:target`);
    if (typeof s !== 'string' && typeof t !== 'string' && s.row === t.row) {
      const sourceFirst = sx! <= tx!;
      pieces.push({ id: arc.id, row: s.row, x1: Math.min(sx!, tx!), x2: Math.max(sx!, tx!), left: sourceFirst ? 'source' : 'target', right: sourceFirst ? 'target' : 'source' });
      return;
    }
    // Different rows: the earlier end runs to the right edge, the later one comes from the left edge.
    const sourceEarlier = typeof s === 'string' ? s === 'before' : typeof t === 'string' ? t === 'after' : s.row < t.row;
    for (const [side, box, x] of [['source', s, sx], ['target', t, tx]] as const) {
      if (typeof box === 'string' || x === undefined) continue;
      const earlier = side === 'source' ? sourceEarlier : !sourceEarlier;
      pieces.push(earlier ? { id: arc.id, row: box.row, x1: x, x2: Math.max(x, rows.right), left: side, right: 'edge' } : { id: arc.id, row: box.row, x1: Math.min(x, rows.left), x2: x, left: 'edge', right: side });
    }
  });
  return pieces;
}

/** Lays out arcs: each drawn piece with its level. Deterministic for the same input. */
export function layoutArcs(arcs: readonly ArcInput[], rows: RowExtent): ArcPiece[] {
  const pieces = cutPieces(arcs, spreadEnds(arcs), rows);
  const byRow = new Map<number, Omit<ArcPiece, 'level'>[]>();
  for (const piece of pieces) {
    const row = byRow.get(piece.row);
    if (row) row.push(piece);
    else byRow.set(piece.row, [piece]);
  }
  const placed: ArcPiece[] = [];
  for (const row of byRow.values()) {
    row.sort((a, b) => a.x2 - a.x1 - (b.x2 - b.x1) || a.x1 - b.x1 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const levels: Array<Array<{ x1: number; x2: number }>> = [];
    for (const piece of row) {
      let level = 0;
      while (levels[level]?.some((p) => piece.x1 < p.x2 && p.x1 < piece.x2)) level++;
      (levels[level] ??= []).push(piece);
      placed.push({ ...piece, level });
    }
  }
  return placed;
}

/** True when two pieces of one row cross: their horizontal parts share a level and overlap, or one's leg passes through the other's top. */
export function piecesCross(a: ArcPiece, b: ArcPiece): boolean {
  if (a.row !== b.row) return false;
  if (a.level === b.level) return a.x1 < b.x2 && b.x1 < a.x2;
  const [low, high] = a.level < b.level ? [a, b] : [b, a];
  // A leg of the higher piece that falls strictly inside the lower piece's top crosses it.
  const legs = [high.left !== 'edge' ? high.x1 : null, high.right !== 'edge' ? high.x2 : null];
  return legs.some((x) => x !== null && x > low.x1 && x < low.x2);
}
