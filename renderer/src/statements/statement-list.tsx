import { memo } from 'react';
import type { Annotation, Entity, Label, Relation } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';

/** One statement as the side panel shows it: a position with its actor, target and date, each a span of the own layer. */
export interface StatementRow {
  key: string;
  position: Annotation;
  actor?: Annotation;
  target?: Annotation;
  date?: Annotation;
  /** The relations that make the row (for deleting a link from it). */
  relations: Relation[];
}

interface StatementListProps {
  rows: readonly StatementRow[];
  labels: readonly Label[];
  entities: readonly Entity[];
  selectedId: string | null;
  onSelect(annotationId: string): void;
  onDeleteRelation(relation: Relation): void;
}

/** Rows shown before "Show more". */
const PAGE = 200;

function valueName(labels: readonly Label[], a: Annotation, attributeId: string): string | null {
  const value = a.attributes?.[attributeId];
  if (value === undefined) return null;
  const definition = labels.find((l) => l.id === a.labelId)?.attributes?.find((d) => d.id === attributeId);
  return definition?.options?.find((o) => o.id === value)?.name ?? value;
}

/** The first value of a choice attribute of a span (a position's stance). */
function stanceOf(labels: readonly Label[], a: Annotation): string | null {
  const choice = labels.find((l) => l.id === a.labelId)?.attributes?.find((d) => d.type === 'choice');
  return choice ? valueName(labels, a, choice.id) : null;
}

/** The value of a date attribute of a span, or its text. */
function dateOf(labels: readonly Label[], a: Annotation): string {
  const date = labels.find((l) => l.id === a.labelId)?.attributes?.find((d) => d.type === 'date');
  return (date && a.attributes?.[date.id]) || `“${oneLine(a.quote.exact, 30)}”`;
}

function End({ annotation, entities, role, selectedId, onSelect }: { annotation: Annotation | undefined; entities: readonly Entity[]; role: string; selectedId: string | null; onSelect(id: string): void }) {
  if (!annotation) return <span className={`statement-end statement-${role} statement-missing`}>no {role}</span>;
  const entity = annotation.entityId ? entities.find((e) => e.id === annotation.entityId) : undefined;
  return (
    <button type="button" className={`statement-end statement-${role}`} aria-current={annotation.id === selectedId ? 'true' : undefined} data-annotation-id={annotation.id} title={entity ? `${role}: ${entity.name}` : role} onClick={() => onSelect(annotation.id)}>
      {oneLine(annotation.quote.exact, 40)}
      {entity && entity.name !== annotation.quote.exact && <span className="statement-entity"> ({entity.name})</span>}
    </button>
  );
}

/**
 * The statements of the open document, one row each: actor — stance —
 * position — target — date. Enter or a click on a part selects its span in
 * the text; × on a row deletes the relations that make it (undoable).
 */
export const StatementList = memo(function StatementList({ rows, labels, entities, selectedId, onSelect, onDeleteRelation }: StatementListProps) {
  return (
    <section className="statement-list" aria-label="Statements">
      <h2 className="parley-list-title">
        Statements <span className="parley-count">{rows.length}</span>
      </h2>
      {rows.length === 0 && <p className="parley-hint">Select a position and press r to link it to its actor, target and date.</p>}
      <ul>
        {rows.slice(0, PAGE).map((row) => {
          const stance = stanceOf(labels, row.position);
          return (
            <li key={row.key} className="statement-row" data-position-id={row.position.id}>
              <End annotation={row.actor} entities={entities} role="actor" selectedId={selectedId} onSelect={onSelect} />
              <span className="statement-stance" data-stance={row.position.attributes?.stance ?? ''}>{stance ?? '·'}</span>
              <button type="button" className="statement-end statement-position" aria-current={row.position.id === selectedId ? 'true' : undefined} data-annotation-id={row.position.id} onClick={() => onSelect(row.position.id)}>
                {oneLine(row.position.quote.exact, 50)}
              </button>
              <End annotation={row.target} entities={entities} role="target" selectedId={selectedId} onSelect={onSelect} />
              {row.date ? (
                <button type="button" className="statement-end statement-date" data-annotation-id={row.date.id} onClick={() => onSelect(row.date!.id)}>
                  {dateOf(labels, row.date)}
                </button>
              ) : (
                <span className="statement-end statement-date statement-missing">no date</span>
              )}
              {row.relations.length > 0 && (
                <span className="statement-links">
                  {row.relations.map((r) => (
                    <button key={r.id} type="button" className="statement-unlink" aria-label={`Delete the ${r.typeId} link`} title={`Delete the ${r.typeId} link`} data-relation-id={r.id} onClick={() => onDeleteRelation(r)}>
                      × {r.typeId}
                    </button>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {rows.length > PAGE && <p className="parley-hint">{rows.length - PAGE} more statements not shown; export the statement table to see them all.</p>}
    </section>
  );
});
