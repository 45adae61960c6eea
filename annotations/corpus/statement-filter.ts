/**
 * The statement table's filters and sorting (issue 14): by text, actor,
 * stance and date range, sorted by any column. Pure, so the table stays a
 * view over one list however many thousand rows it has.
 */
import { parseDateValue } from '../dates/date-value';
import { entityNameKey } from '../entities/entity-names';
import type { Statement, StatementSpan } from '../statements/build-statements';

/** What rows to keep. Absent or empty fields keep every row. */
export interface StatementFilter {
  /** Letters found in the position, actor, target or document title (any case). */
  text?: string;
  /** The actor's name (its entity's name when linked, else its text), compared whole (any case). */
  actor?: string;
  stance?: string;
  /** Rows whose dates reach this day or later (YYYY-MM-DD); undated rows are left out once a range is set. */
  from?: string;
  /** Rows whose dates start on this day or earlier. */
  to?: string;
}

/** The columns a table can be sorted by. */
export type StatementColumn = 'date' | 'actor' | 'stance' | 'position' | 'target' | 'document';

/** The name an end goes by: its entity's name when it has one, else its text. */
export function spanName(span: StatementSpan | undefined): string {
  return span ? (span.entityName ?? span.text) : '';
}

/** The first and last day a statement's dates cover, or undefined when it has no valid date. */
export function statementDays(statement: Statement): { first: string; last: string } | undefined {
  let first: string | undefined;
  let last: string | undefined;
  for (const d of statement.dates) {
    if (!d.value) continue;
    const bounds = parseDateValue(d.value);
    if (!bounds.ok) continue;
    if (!first || bounds.value.start < first) first = bounds.value.start;
    if (!last || bounds.value.end > last) last = bounds.value.end;
  }
  return first && last ? { first, last } : undefined;
}

/** A key naming one row: its document, position, actor and target spans. */
export function statementKey(s: Statement): string {
  return [s.documentId, s.position.annotationId, s.actor?.annotationId ?? '', s.target?.annotationId ?? ''].join('\u0000');
}

/** The rows of `statements` that pass `filter`, in their order. */
export function filterStatements(statements: readonly Statement[], filter: StatementFilter): Statement[] {
  const text = filter.text ? entityNameKey(filter.text) : '';
  const actor = filter.actor ? entityNameKey(filter.actor) : '';
  const ranged = Boolean(filter.from || filter.to);
  return statements.filter((s) => {
    if (filter.stance && s.stance !== filter.stance) return false;
    if (actor && entityNameKey(spanName(s.actor)) !== actor) return false;
    if (ranged) {
      const days = statementDays(s);
      if (!days || (filter.from && days.last < filter.from) || (filter.to && days.first > filter.to)) return false;
    }
    if (text) {
      const fields = [s.position.text, spanName(s.actor), s.actor?.text ?? '', spanName(s.target), s.target?.text ?? '', s.documentTitle];
      if (!fields.some((f) => entityNameKey(f).includes(text))) return false;
    }
    return true;
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortValue(s: Statement, column: StatementColumn): string {
  switch (column) {
    case 'date':
      return statementDays(s)?.first ?? '';
    case 'actor':
      return spanName(s.actor);
    case 'stance':
      return s.stance ?? '';
    case 'position':
      return s.position.text;
    case 'target':
      return spanName(s.target);
    case 'document':
      return s.documentTitle;
  }
}

/**
 * `statements` sorted by `column` (ascending or descending), a new array. The
 * sort is stable; empty cells go last either way.
 */
export function sortStatements(statements: readonly Statement[], column: StatementColumn, direction: 'ascending' | 'descending'): Statement[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = statements.map((s, i) => ({ s, i, v: sortValue(s, column) }));
  keyed.sort((a, b) => {
    if (a.v === '' || b.v === '') return a.v === b.v ? a.i - b.i : a.v === '' ? 1 : -1;
    return sign * collator.compare(a.v, b.v) || a.i - b.i;
  });
  return keyed.map((k) => k.s);
}
