/**
 * The matrix's data: actors down the side, policy bodies (or the actors
 * addressed) across the top, each cell counting the statements of that actor
 * toward that target by stance.
 */
import type { Statement } from '../../statements/build-statements';
import { chartEnd, NO_STANCE } from './chart-keys';

/** What the columns are: targets that are not actors (policy bodies), or targets that are actors (`toward` an actor). */
export type MatrixColumns = 'bodies' | 'actors';

/** A row or column: the actor or target, and its statements in the matrix. */
export interface MatrixAxisEntry {
  key: string;
  name: string;
  total: number;
}

/** One non-empty cell. */
export interface MatrixCell {
  row: number;
  column: number;
  total: number;
  /** Statements by stance id (`none` for no stance). */
  byStance: Record<string, number>;
  /** The first statement of the cell, in library order, which opening the cell shows. */
  first: { documentId: string; annotationId: string };
}

/** The matrix of a set of statements. */
export interface StanceMatrix {
  /** Most statements first, then by name. */
  rows: MatrixAxisEntry[];
  columns: MatrixAxisEntry[];
  /** Non-empty cells, row by row. */
  cells: MatrixCell[];
  /** Every stance counted, in the order first met. */
  stances: string[];
  /** Statements left out: no actor, or no target of the kind the columns show. */
  leftOut: number;
}

const byTotalThenName = (a: MatrixAxisEntry, b: MatrixAxisEntry) => b.total - a.total || a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1);

/**
 * Counts `statements` into an actors × targets matrix. Actors and targets
 * are keyed as `chartEnd` keys them (entity, else normalised text), so
 * "Seoul" in ten documents is one row. Never fails.
 */
export function stanceMatrix(statements: readonly Statement[], columns: MatrixColumns = 'bodies'): StanceMatrix {
  const rows = new Map<string, MatrixAxisEntry>();
  const cols = new Map<string, MatrixAxisEntry>();
  const cells = new Map<string, { rowKey: string; colKey: string; total: number; byStance: Record<string, number>; first: MatrixCell['first'] }>();
  const stances: string[] = [];
  let leftOut = 0;
  for (const s of statements) {
    const wantsActorTarget = columns === 'actors';
    if (!s.actor || !s.target || (s.target.labelId === 'actor') !== wantsActorTarget) {
      leftOut++;
      continue;
    }
    const actor = chartEnd(s.actor);
    const target = chartEnd(s.target);
    const row = rows.get(actor.key) ?? { key: actor.key, name: actor.name, total: 0 };
    rows.set(actor.key, row);
    row.total++;
    const col = cols.get(target.key) ?? { key: target.key, name: target.name, total: 0 };
    cols.set(target.key, col);
    col.total++;
    const stance = s.stance ?? NO_STANCE;
    if (!stances.includes(stance)) stances.push(stance);
    const cellKey = `${actor.key}\u0000${target.key}`;
    const cell = cells.get(cellKey) ?? { rowKey: actor.key, colKey: target.key, total: 0, byStance: {}, first: { documentId: s.documentId, annotationId: s.position.annotationId } };
    cells.set(cellKey, cell);
    cell.total++;
    cell.byStance[stance] = (cell.byStance[stance] ?? 0) + 1;
  }
  const rowList = [...rows.values()].sort(byTotalThenName);
  const colList = [...cols.values()].sort(byTotalThenName);
  const rowIndex = new Map(rowList.map((r, i) => [r.key, i]));
  const colIndex = new Map(colList.map((c, i) => [c.key, i]));
  const cellList = [...cells.values()]
    .map((c) => ({ row: rowIndex.get(c.rowKey)!, column: colIndex.get(c.colKey)!, total: c.total, byStance: c.byStance, first: c.first }))
    .sort((a, b) => a.row - b.row || a.column - b.column);
  return { rows: rowList, columns: colList, cells: cellList, stances, leftOut };
}
