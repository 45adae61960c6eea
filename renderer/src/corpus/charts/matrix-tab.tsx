import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { stanceMatrixCsv } from '../../../../annotations/corpus/charts/chart-csv';
import { stanceMatrix, type MatrixCell, type MatrixColumns } from '../../../../annotations/corpus/charts/stance-matrix';
import { ellipsis } from '../../../../annotations/text/ellipsis';
import { plural } from '../../../../annotations/text/plural';
import { ChartExportButtons } from './chart-export-buttons';
import { StanceLegend } from './chart-legend';
import { stanceColor, stanceName } from './stance-colors';
import type { ChartTabProps } from './timeline-tab';
import './charts.css';

const CELL = 34;
const ROW_LABEL = 170;
const COLUMN_LABEL = 130;

/**
 * Actors × policy bodies (or × the actors they address), each cell counting
 * statements by stance: the count, and a bar split by stance. Cells are one
 * tab stop; arrow keys, Home and End move between them, the tooltip gives the
 * counts, Enter opens the cell's first statement.
 */
export function MatrixTab({ statements, onOpen }: ChartTabProps) {
  const [columns, setColumns] = useState<MatrixColumns>('bodies');
  const matrix = useMemo(() => stanceMatrix(statements, columns), [statements, columns]);
  const svgRef = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const [tip, setTip] = useState<{ text: string[]; x: number; y: number } | null>(null);
  const cells = useMemo(() => new Map(matrix.cells.map((c) => [c.row * matrix.columns.length + c.column, c])), [matrix]);
  const max = Math.max(1, ...matrix.cells.map((c) => c.total));
  // Room on the right for the last column's slanted name.
  const width = ROW_LABEL + matrix.columns.length * CELL + COLUMN_LABEL;
  const height = COLUMN_LABEL + matrix.rows.length * CELL + 8;
  const [row, column] = [Math.min(active[0], matrix.rows.length - 1), Math.min(active[1], matrix.columns.length - 1)];
  // Only the cells with statements are drawn, and the active one (empty or not, so the keys can reach it); the grid shows the rest.
  const filled = useMemo(() => {
    const byRow = new Map<number, number[]>();
    for (const cell of matrix.cells) {
      const list = byRow.get(cell.row);
      if (list) list.push(cell.column);
      else byRow.set(cell.row, [cell.column]);
    }
    return byRow;
  }, [matrix]);
  const cellsOfRow = (r: number): number[] => {
    const columns = filled.get(r) ?? [];
    return r === row && !columns.includes(column) ? [...columns, column] : columns;
  };

  const describe = (r: number, c: number): string[] => {
    const cell = cells.get(r * matrix.columns.length + c);
    const head = `${matrix.rows[r]!.name} → ${matrix.columns[c]!.name}: ${plural(cell?.total ?? 0, 'statement')}`;
    if (!cell) return [head];
    return [head, ...Object.entries(cell.byStance).map(([stance, n]) => `${stanceName(stance)}: ${n}`)];
  };
  const focusCell = (r: number, c: number) => {
    setActive([r, c]);
    requestAnimationFrame(() => svgRef.current?.querySelector<SVGElement>(`[data-cell="${r}:${c}"]`)?.focus());
  };
  const onKey = (event: KeyboardEvent<SVGGElement>, r: number, c: number) => {
    const last = [matrix.rows.length - 1, matrix.columns.length - 1] as const;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(last[0], r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(last[1], c + 1)],
      Home: [r, 0],
      End: [r, last[1]],
    };
    const cell = cells.get(r * matrix.columns.length + c);
    if (event.key === 'Enter' && cell) onOpen(cell.first.documentId, cell.first.annotationId);
    else if (moves[event.key]) focusCell(...moves[event.key]!);
    else return;
    event.preventDefault();
  };
  const showTip = (r: number, c: number, target: Element) => {
    const frame = target.closest('.chart-frame')?.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    if (frame) setTip({ text: describe(r, c), x: box.right - frame.left + 6, y: box.top - frame.top });
  };

  return (
    <div className="chart-tab">
      <div className="chart-toolbar">
        <label className="chart-control">
          Columns
          <select value={columns} onChange={(e) => setColumns(e.target.value as MatrixColumns)}>
            <option value="bodies">Policy bodies</option>
            <option value="actors">Actors addressed</option>
          </select>
        </label>
        <StanceLegend />
        <ChartExportButtons chart="matrix" svg={() => svgRef.current} text={{ csv: () => stanceMatrixCsv(matrix) }} />
      </div>
      <p className="chart-note" data-testid="matrix-summary">
        {plural(matrix.rows.length, 'actor')} × {plural(matrix.columns.length, columns === 'bodies' ? 'policy body' : 'actor addressed', columns === 'bodies' ? 'policy bodies' : 'actors addressed')}
        {matrix.leftOut > 0 ? `; ${plural(matrix.leftOut, 'statement')} without an actor or such a target ${matrix.leftOut === 1 ? 'is' : 'are'} not counted` : ''}.
      </p>
      <div className="chart-frame">
        {matrix.cells.length === 0 ? (
          <p className="corpus-empty">No statement links an actor to {columns === 'bodies' ? 'a policy body' : 'another actor'} yet.</p>
        ) : (
          <svg ref={svgRef} className="chart-svg" width={width} height={height} role="grid" aria-label={`Statements of ${plural(matrix.rows.length, 'actor')} toward ${plural(matrix.columns.length, 'target')}`} aria-rowcount={matrix.rows.length}>
            <g role="row">
              {matrix.columns.map((col, c) => (
                <text key={col.key} role="columnheader" transform={`translate(${ROW_LABEL + c * CELL + CELL / 2},${COLUMN_LABEL - 6}) rotate(-50)`} fontSize={12} style={{ fill: 'var(--fg)' }}>
                  <title>{col.name}</title>
                  {ellipsis(col.name, 20)}
                </text>
              ))}
            </g>
            <g aria-hidden="true" style={{ stroke: 'var(--border)' }}>
              {matrix.rows.map((r, i) => (
                <line key={r.key} x1={ROW_LABEL} x2={ROW_LABEL + matrix.columns.length * CELL} y1={COLUMN_LABEL + (i + 1) * CELL} y2={COLUMN_LABEL + (i + 1) * CELL} />
              ))}
              {matrix.columns.map((col, c) => (
                <line key={col.key} x1={ROW_LABEL + (c + 1) * CELL} x2={ROW_LABEL + (c + 1) * CELL} y1={COLUMN_LABEL} y2={COLUMN_LABEL + matrix.rows.length * CELL} />
              ))}
            </g>
            {matrix.rows.map((r, i) => (
              <g key={r.key} role="row" aria-rowindex={i + 1}>
                <text role="rowheader" x={ROW_LABEL - 8} y={COLUMN_LABEL + i * CELL + CELL / 2} dy="0.35em" textAnchor="end" fontSize={12} style={{ fill: 'var(--fg)' }}>
                  <title>{r.name}</title>
                  {ellipsis(r.name, 24)}
                </text>
                {cellsOfRow(i).map((c) => (
                  <MatrixCellMark
                    key={matrix.columns[c]!.key}
                    cell={cells.get(i * matrix.columns.length + c)}
                    x={ROW_LABEL + c * CELL}
                    y={COLUMN_LABEL + i * CELL}
                    max={max}
                    label={describe(i, c).join(', ')}
                    id={`${i}:${c}`}
                    tabbable={i === row && c === column}
                    onKeyDown={(event) => onKey(event, i, c)}
                    onFocus={(event) => {
                      setActive([i, c]);
                      showTip(i, c, event.currentTarget);
                    }}
                    onBlur={() => setTip(null)}
                    onMouseEnter={(event) => showTip(i, c, event.currentTarget)}
                    onMouseLeave={() => setTip(null)}
                    onClick={() => {
                      const cell = cells.get(i * matrix.columns.length + c);
                      if (cell) onOpen(cell.first.documentId, cell.first.annotationId);
                    }}
                  />
                ))}
              </g>
            ))}
          </svg>
        )}
        {tip ? (
          <div className="chart-tooltip" role="tooltip" style={{ left: tip.x, top: tip.y }}>
            {tip.text.map((line, i) => (
              <div key={i} className={i === 0 ? '' : 'chart-tooltip-muted'}>
                {line}
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}

interface CellProps {
  cell: MatrixCell | undefined;
  x: number;
  y: number;
  max: number;
  label: string;
  id: string;
  tabbable: boolean;
  onKeyDown(event: KeyboardEvent<SVGGElement>): void;
  onFocus(event: React.FocusEvent<SVGGElement>): void;
  onBlur(): void;
  onMouseEnter(event: React.MouseEvent<SVGGElement>): void;
  onMouseLeave(): void;
  onClick(): void;
}

/** One cell: a square shaded by its count, the count, and a bar split by stance. */
function MatrixCellMark({ cell, x, y, max, label, id, tabbable, ...handlers }: CellProps) {
  const inner = CELL - 4;
  let offset = 0;
  return (
    <g role="gridcell" className="matrix-cell" data-cell={id} aria-label={label} tabIndex={tabbable ? 0 : -1} transform={`translate(${x + 2},${y + 2})`} {...handlers}>
      <rect width={inner} height={inner} rx={3} style={{ fill: 'var(--accent)', fillOpacity: cell ? 0.12 + 0.5 * (cell.total / max) : 0.04, stroke: 'var(--border)' }} />
      {cell ? (
        <>
          <text x={inner / 2} y={inner / 2 - 2} dy="0.35em" textAnchor="middle" fontSize={11} fontWeight={600} style={{ fill: 'var(--fg)' }}>
            {cell.total}
          </text>
          {Object.entries(cell.byStance).map(([stance, n]) => {
            const w = (n / cell.total) * (inner - 4);
            const bar = <rect key={stance} x={2 + offset} y={inner - 6} width={w} height={4} style={{ fill: stanceColor(stance) }} />;
            offset += w;
            return bar;
          })}
        </>
      ) : null}
    </g>
  );
}
