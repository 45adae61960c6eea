/**
 * Statements: who took which position toward whom, and when. A statement is
 * a position span with its links in one layer — actors that `holds` it,
 * targets it is `toward`, dates it happened `when` — and its stance (the
 * position's `stance` attribute). Built from relations only; the text is
 * never guessed at.
 */
import { datePrecision, type DatePrecision } from '../dates/date-value';
import type { Annotation, CorpusDocument, Entity, Relation } from '../model';
import { OWN_LAYER_ID } from '../model';
import { OffsetMap } from '../unicode';

/** Relation type ids a statement is built from (the default schema's). */
export const STATEMENT_RELATIONS = { holds: 'holds', toward: 'toward', when: 'when' } as const;

/** Label id of the spans that head a statement, even when nothing links them yet. */
export const POSITION_LABEL = 'position';

/** One end of a statement: the span, its offsets in UTF-16 code units and in code points (end exclusive), and its entity. */
export interface StatementSpan {
  annotationId: string;
  labelId: string;
  text: string;
  start: number;
  end: number;
  startCodePoint: number;
  endCodePoint: number;
  entityId?: string;
  /** The entity's canonical name, when the entity is among those given. */
  entityName?: string;
}

/** A date end: the span and its normalised value (`value` attribute) with its precision, when it has a valid one. */
export interface StatementDate extends StatementSpan {
  value?: string;
  precision?: DatePrecision;
}

/**
 * One row of the statement table: one (actor, position, target) combination
 * of a position. A position without an actor or a target still gives a row,
 * with that end absent; its dates are all those linked by `when`.
 */
export interface Statement {
  documentId: string;
  documentTitle: string;
  layerId: string;
  position: StatementSpan;
  /** The position's `stance` attribute (an option id), if set. */
  stance?: string;
  actor?: StatementSpan;
  target?: StatementSpan;
  dates: StatementDate[];
}

/** What `buildStatements` reads besides the document. */
export interface StatementOptions {
  /** The layer to read (default: the analyst's own). */
  layerId?: string;
  /** Entities of the library, to name each end's entity. */
  entities?: readonly Entity[];
}

/** One statement in annotation terms: the spans themselves and the relations that tie them, for views that select or unlink them. */
export interface StatementLinks {
  position: Annotation;
  actor?: Annotation;
  target?: Annotation;
  /** Every date linked by `when`, in reading order. */
  dates: Annotation[];
  /** The `holds`, `toward` and `when` relations that make this row. */
  relations: Relation[];
}

/**
 * The statements of one layer's spans and relations, in reading order of
 * their positions (then actors, then targets, in reading order). A position
 * is a span labelled `position` or any span at the position end of a
 * `holds`, `toward` or `when` relation. A position without an actor or a
 * target still gives a row, with that end absent; a relation whose other end
 * is gone is ignored.
 */
export function statementLinks(annotations: readonly Annotation[], relations: readonly Relation[]): StatementLinks[] {
  const byId = new Map<string, Annotation>();
  for (const a of annotations) byId.set(a.id, a);
  type Link = { other: Annotation; relation: Relation };
  const actors = new Map<string, Link[]>();
  const targets = new Map<string, Link[]>();
  const dates = new Map<string, Link[]>();
  const positions = new Set<string>();
  for (const a of annotations) if (a.labelId === POSITION_LABEL) positions.add(a.id);
  const link = (into: Map<string, Link[]>, positionId: string, otherId: string, relation: Relation) => {
    const other = byId.get(otherId);
    if (!byId.has(positionId) || !other) return;
    positions.add(positionId);
    const list = into.get(positionId);
    if (!list) into.set(positionId, [{ other, relation }]);
    else if (!list.some((l) => l.other === other)) list.push({ other, relation });
  };
  for (const r of relations) {
    if (r.typeId === STATEMENT_RELATIONS.holds) link(actors, r.targetId, r.sourceId, r);
    else if (r.typeId === STATEMENT_RELATIONS.toward) link(targets, r.sourceId, r.targetId, r);
    else if (r.typeId === STATEMENT_RELATIONS.when) link(dates, r.sourceId, r.targetId, r);
  }

  const byReading = (a: Annotation, b: Annotation) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const inOrder = (list: readonly Link[]) => (list.length < 2 ? list : [...list].sort((a, b) => byReading(a.other, b.other)));
  const ordered: Annotation[] = [];
  for (const id of positions) ordered.push(byId.get(id)!);
  ordered.sort(byReading);
  const rows: StatementLinks[] = [];
  const ABSENT: ReadonlyArray<Link | undefined> = [undefined];
  for (const position of ordered) {
    const when = inOrder(dates.get(position.id) ?? []);
    const actorLinks = actors.get(position.id);
    const targetLinks = targets.get(position.id);
    const whoList = actorLinks ? inOrder(actorLinks) : ABSENT;
    const towardList = targetLinks ? inOrder(targetLinks) : ABSENT;
    for (const actor of whoList) {
      for (const target of towardList) {
        const row: StatementLinks = { position, dates: when.map((l) => l.other), relations: [] };
        if (actor) {
          row.actor = actor.other;
          row.relations.push(actor.relation);
        }
        if (target) {
          row.target = target.other;
          row.relations.push(target.relation);
        }
        for (const l of when) row.relations.push(l.relation);
        rows.push(row);
      }
    }
  }
  return rows;
}

/**
 * The statements of one layer of a document (see `statementLinks`), with
 * each end's offsets in both units, its entity, and the dates' normalised
 * values. A layer missing from the document gives none.
 */
export function buildStatements(doc: CorpusDocument, options: StatementOptions = {}): Statement[] {
  const layerId = options.layerId ?? OWN_LAYER_ID;
  const layer = doc.layers.find((l) => l.id === layerId);
  if (!layer) return [];
  const entities = new Map((options.entities ?? []).map((e) => [e.id, e]));
  const map = new OffsetMap(doc.document.text);
  const end = (a: Annotation): StatementSpan => {
    const span: StatementSpan = { annotationId: a.id, labelId: a.labelId, text: a.quote.exact, start: a.start, end: a.end, startCodePoint: map.toCodePoint(a.start), endCodePoint: map.toCodePoint(a.end) };
    if (a.entityId !== undefined) {
      span.entityId = a.entityId;
      const name = entities.get(a.entityId)?.name;
      if (name !== undefined) span.entityName = name;
    }
    return span;
  };
  const date = (d: Annotation): StatementDate => {
    const found: StatementDate = end(d);
    const value = d.attributes?.['value'];
    const precision = value === undefined ? undefined : datePrecision(value);
    if (value !== undefined && precision) {
      found.value = value;
      found.precision = precision;
    }
    return found;
  };
  return statementLinks(layer.annotations, layer.relations ?? []).map((row) => {
    const statement: Statement = { documentId: doc.document.id, documentTitle: doc.document.title, layerId, position: end(row.position), dates: row.dates.map(date) };
    const stance = row.position.attributes?.['stance'];
    if (stance !== undefined && stance !== '') statement.stance = stance;
    if (row.actor) statement.actor = end(row.actor);
    if (row.target) statement.target = end(row.target);
    return statement;
  });
}
