import { useMemo, useState, type UIEvent } from 'react';
import { filterStatements, sortStatements, spanName, statementDays, type StatementColumn, type StatementFilter } from '../../../annotations/corpus/statement-filter';
import type { Statement } from '../../../annotations/statements/build-statements';
import type { CorpusTabContext } from './corpus-tabs';
import { rowWindow } from './row-window';
import { stanceNames } from './stance-names';
import { FilterSelect } from '../ui/filter-select';

const ROW_HEIGHT = 34;
const VIEWPORT = 560;

const COLUMNS: ReadonlyArray<{ id: StatementColumn; name: string }> = [
  { id: 'date', name: 'Date' },
  { id: 'actor', name: 'Actor' },
  { id: 'stance', name: 'Stance' },
  { id: 'position', name: 'Position' },
  { id: 'target', name: 'Target' },
  { id: 'document', name: 'Document' },
];

function dateText(s: Statement): string {
  const dated = s.dates.find((d) => d.value);
  if (dated?.value) return dated.value;
  const days = statementDays(s);
  return days ? days.first : (s.dates[0]?.text ?? '');
}

/**
 * The statement table of the whole library: one row per statement, sorted by
 * any column (the header buttons) and filtered by text, actor, stance and
 * dates; each position opens its span in the reader. Only the rows in view
 * are drawn, so thousands stay quick. Exports the rows shown as CSV or JSON.
 */
export function StatementsTab({ statements, labels, onOpen, onError }: CorpusTabContext) {
  const [filter, setFilter] = useState<StatementFilter>({});
  const [sort, setSort] = useState<{ column: StatementColumn; direction: 'ascending' | 'descending' } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [exported, setExported] = useState<string | null>(null);
  const stances = useMemo(() => stanceNames(labels), [labels]);
  const actors = useMemo(() => [...new Set(statements.map((s) => spanName(s.actor)).filter((n) => n !== ''))].sort((a, b) => a.localeCompare(b)), [statements]);
  const shown = useMemo(() => {
    const kept = filterStatements(statements, filter);
    return sort ? sortStatements(kept, sort.column, sort.direction) : kept;
  }, [statements, filter, sort]);
  const window_ = rowWindow(shown.length, ROW_HEIGHT, scrollTop, VIEWPORT);

  const set = (change: Partial<StatementFilter>) => {
    setFilter((f) => {
      const next: StatementFilter = { ...f };
      for (const [key, value] of Object.entries(change) as Array<[keyof StatementFilter, string | undefined]>) {
        if (value) next[key] = value;
        else delete next[key];
      }
      return next;
    });
  };
  const sortBy = (column: StatementColumn) =>
    setSort((s) => (s?.column !== column ? { column, direction: 'ascending' } : s.direction === 'ascending' ? { column, direction: 'descending' } : null));
  const exportAs = async (format: 'csv' | 'json') => {
    const rows = shown.map((s) => ({ documentId: s.documentId, positionId: s.position.annotationId, ...(s.actor ? { actorId: s.actor.annotationId } : {}), ...(s.target ? { targetId: s.target.annotationId } : {}) }));
    if (rows.length === 0) return onError('There are no rows to export.');
    const result = await window.parley.api.exportStatementsToDialog({ format, rows });
    if (!result.ok) return onError(result.error.message);
    if (result.value) setExported(`${result.value.statements} ${result.value.statements === 1 ? 'row' : 'rows'} written to ${result.value.path}`);
  };

  return (
    <div className="corpus-statements">
      <form className="corpus-filters" role="search" aria-label="Filter the statements" onSubmit={(e) => e.preventDefault()}>
        <label>
          Text <input type="search" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value })} />
        </label>
        <FilterSelect label="Actor" value={filter.actor} options={actors.map((a) => [a, a] as const)} onChange={(v) => set({ actor: v })} />
        <FilterSelect label="Stance" value={filter.stance} options={[...stances]} onChange={(v) => set({ stance: v })} />
        <label>
          From <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          To <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <span className="corpus-count" role="status">
          {shown.length} of {statements.length} statements
        </span>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
      </form>
      {exported && (
        <p className="corpus-note" role="status">
          {exported}
        </p>
      )}
      <div className="corpus-table-scroll" style={{ maxHeight: VIEWPORT }} onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={-1}>
        <table className="corpus-table" aria-rowcount={shown.length + 1} data-testid="statement-table">
          <caption className="visually-hidden">Statements of the library</caption>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th key={c.id} scope="col" aria-sort={sort?.column === c.id ? sort.direction : 'none'}>
                  <button type="button" className="corpus-sort" onClick={() => sortBy(c.id)}>
                    {c.name}
                    <span aria-hidden="true">{sort?.column === c.id ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {window_.before > 0 && <tr aria-hidden="true" style={{ height: window_.before }} />}
            {shown.slice(window_.start, window_.end).map((s, i) => (
              <tr key={`${s.documentId}:${s.position.annotationId}:${s.actor?.annotationId ?? ''}:${s.target?.annotationId ?? ''}`} aria-rowindex={window_.start + i + 2} style={{ height: ROW_HEIGHT }}>
                <td>{dateText(s)}</td>
                <td title={s.actor?.text}>{spanName(s.actor)}</td>
                <td>{s.stance ? (stances.get(s.stance) ?? s.stance) : ''}</td>
                <td>
                  <button type="button" className="link-button corpus-open" title="Open this position in its document" onClick={() => onOpen(s.documentId, s.position.annotationId)}>
                    {s.position.text}
                  </button>
                </td>
                <td title={s.target?.text}>{spanName(s.target)}</td>
                <td>{s.documentTitle}</td>
              </tr>
            ))}
            {window_.after > 0 && <tr aria-hidden="true" style={{ height: window_.after }} />}
          </tbody>
        </table>
        {shown.length === 0 && <p className="corpus-empty">{statements.length === 0 ? 'No statements yet: link actors, positions and targets in the reader.' : 'No statement matches the filters.'}</p>}
      </div>
    </div>
  );
}
