/**
 * The side panel's statement rows from the own layer: the engine's
 * statements (`annotations/statements/`) kept in annotation terms, so a click
 * can select a span and a row can unlink its relations. The first linked date
 * stands for the row.
 */
import type { Annotation, Relation } from '../../../annotations/model';
import { statementLinks } from '../../../annotations/statements/build-statements';
import type { StatementRow } from './statement-list';

/** The rows of the statements of one layer. */
export function statementRows(annotations: readonly Annotation[], relations: readonly Relation[]): StatementRow[] {
  return statementLinks(annotations, relations).map((row) => ({
    key: `${row.position.id}|${row.actor?.id ?? ''}|${row.target?.id ?? ''}`,
    position: row.position,
    ...(row.actor ? { actor: row.actor } : {}),
    ...(row.target ? { target: row.target } : {}),
    ...(row.dates[0] ? { date: row.dates[0] } : {}),
    relations: row.relations,
  }));
}
