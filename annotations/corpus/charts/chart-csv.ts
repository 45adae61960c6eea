/**
 * The charts' matrices as CSV (RFC 4180, formula cells neutralised): the
 * stance matrix's counts, and a network's adjacency matrix with the actors'
 * names as header.
 */
import { neutraliseFormula, toCsv } from '../../formats/csv-text';
import type { DiscourseNetwork } from './discourse-network';
import type { StanceMatrix } from './stance-matrix';

/** Names made distinct for a header: a repeated name gets " (2)", " (3)"… */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function matrixCsv(corner: string, rowNames: readonly string[], columnNames: readonly string[], value: (row: number, column: number) => number): string {
  const rows: string[][] = [[corner, ...distinctNames(columnNames).map(neutraliseFormula)]];
  const names = distinctNames(rowNames).map(neutraliseFormula);
  for (let r = 0; r < rowNames.length; r++) {
    const row = [names[r]!];
    for (let c = 0; c < columnNames.length; c++) row.push(String(value(r, c)));
    rows.push(row);
  }
  return toCsv(rows);
}

/** Actors down, targets across, each cell the statements of that actor toward that target (all stances). */
export function stanceMatrixCsv(matrix: StanceMatrix): string {
  const totals = new Map(matrix.cells.map((c) => [c.row * matrix.columns.length + c.column, c.total]));
  return matrixCsv(
    'actor',
    matrix.rows.map((r) => r.name),
    matrix.columns.map((c) => c.name),
    (r, c) => totals.get(r * matrix.columns.length + c) ?? 0,
  );
}

/**
 * The adjacency matrix of a network: actors × actors for congruence and
 * conflict (symmetric, the weight in both cells, 0 on the diagonal), actors ×
 * positions for the two-mode network (the actor's statements on it).
 */
export function networkCsv(network: DiscourseNetwork): string {
  const actors = network.nodes.filter((n) => n.kind === 'actor');
  const columns = network.kind === 'two-mode' ? network.nodes.filter((n) => n.kind === 'position') : actors;
  const rowIndex = new Map(actors.map((n, i) => [n.id, i]));
  const colIndex = new Map(columns.map((n, i) => [n.id, i]));
  const weights = new Map<number, number>();
  for (const edge of network.edges) {
    const r = rowIndex.get(edge.source)!;
    const c = colIndex.get(edge.target)!;
    weights.set(r * columns.length + c, edge.weight);
    if (network.kind !== 'two-mode') weights.set(c * columns.length + r, edge.weight);
  }
  return matrixCsv(
    network.kind === 'two-mode' ? 'actor' : '',
    actors.map((n) => n.name),
    columns.map((n) => n.name),
    (r, c) => weights.get(r * columns.length + c) ?? 0,
  );
}
