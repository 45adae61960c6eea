/**
 * The entities of a library (issue 14): every span that names an actor or a
 * policy body, across documents and layers, and the rows the corpus view
 * groups them into — one per canonical entity, and one per normalised text of
 * each label for the mentions not linked to any entity yet.
 */
import { parseDateValue } from '../dates/date-value';
import { entityNameKey } from '../entities/entity-names';
import type { Annotation, CorpusDocument, DocumentStatus, Entity, LabelSchema } from '../model';
import { statementLinks, STATEMENT_RELATIONS } from '../statements/build-statements';

/** One span that names an entity, or could: where it is, what it reads, when, and the stances of the statements it takes part in. */
export interface EntityMention {
  documentId: string;
  layerId: string;
  annotationId: string;
  labelId: string;
  text: string;
  /** UTF-16 offsets in the document's text, end exclusive. */
  start: number;
  end: number;
  entityId?: string;
  /** The row it belongs to in the entities table: `entity:<id>`, or `text:<label>:<normalised text>` when unlinked. */
  group: string;
  /** First day the mention is dated by: a statement's normalised date, else the document's publication date (YYYY-MM-DD). */
  date?: string;
  /** Stances of the statements whose actor or target it is (option ids, no repeats); absent when it is in none. */
  stances?: string[];
}

/**
 * The labels whose spans are mentions: every entity's kind, and the labels
 * allowed at the actor end of `holds` and the target end of `toward`.
 */
export function mentionLabels(labels: LabelSchema, entities: readonly Entity[]): Set<string> {
  const found = new Set(entities.map((e) => e.kind));
  for (const type of labels.relationTypes ?? []) {
    if (type.id === STATEMENT_RELATIONS.holds) type.from.forEach((id) => found.add(id));
    if (type.id === STATEMENT_RELATIONS.toward) type.to.forEach((id) => found.add(id));
  }
  return found;
}

/** The first day of a date value or ISO date-time, or undefined when it is neither. */
function firstDay(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
  const parsed = parseDateValue(day);
  return parsed.ok ? parsed.value.start : undefined;
}

/**
 * Every mention in `documents`, every layer, in document order then reading
 * order: spans linked to an entity, and spans of a mention label (see
 * `mentionLabels`). Never fails; a date that does not parse is left out.
 */
export function libraryMentions(documents: readonly CorpusDocument[], labels: LabelSchema, entities: readonly Entity[]): EntityMention[] {
  const wanted = mentionLabels(labels, entities);
  const mentions: EntityMention[] = [];
  // The same names come back in document after document: each is normalised once.
  const keys = new Map<string, string>();
  const nameKey = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) {
      key = entityNameKey(text);
      keys.set(text, key);
    }
    return key;
  };
  for (const { document, layers } of documents) {
    const published = firstDay(document.metadata?.publishedAt);
    for (const layer of layers) {
      // The statements a span is an actor or target of give it stances and dates.
      const roles = new Map<string, { stances: Set<string>; date?: string }>();
      for (const row of statementLinks(layer.annotations, layer.relations ?? [])) {
        const stance = row.position.attributes?.['stance'];
        const date = row.dates.map((d) => firstDay(d.attributes?.['value'])).find((d) => d !== undefined);
        for (const end of [row.actor, row.target]) {
          if (!end) continue;
          const role = roles.get(end.id) ?? { stances: new Set<string>() };
          if (stance) role.stances.add(stance);
          if (date && (!role.date || date < role.date)) role.date = date;
          roles.set(end.id, role);
        }
      }
      for (const a of inReadingOrder(layer.annotations)) {
        if (a.entityId === undefined && !wanted.has(a.labelId)) continue;
        const role = roles.get(a.id);
        const group = a.entityId !== undefined ? `entity:${a.entityId}` : `text:${a.labelId}:${nameKey(a.quote.exact)}`;
        const mention: EntityMention = { documentId: document.id, layerId: layer.id, annotationId: a.id, labelId: a.labelId, text: a.quote.exact, start: a.start, end: a.end, group };
        if (role && role.stances.size > 0) mention.stances = [...role.stances];
        if (a.entityId !== undefined) mention.entityId = a.entityId;
        const date = role?.date ?? published;
        if (date) mention.date = date;
        mentions.push(mention);
      }
    }
  }
  return mentions;
}

const byPlace = (x: Annotation, y: Annotation) => x.start - y.start || x.end - y.end;

/** The annotations by start, then end: the layer itself when it is in that order already, as stored layers are. */
function inReadingOrder(annotations: readonly Annotation[]): readonly Annotation[] {
  for (let i = 1; i < annotations.length; i++) {
    if (byPlace(annotations[i - 1]!, annotations[i]!) > 0) return [...annotations].sort(byPlace);
  }
  return annotations;
}

/** Which mentions count: absent fields let every mention through. */
export interface EntityFilter {
  labelId?: string;
  /** Only mentions in a statement of this stance. */
  stance?: string;
  layerId?: string;
  /** Only mentions in documents of this status (read with the `statusOf` given to `entityRows`). */
  status?: DocumentStatus;
  /** Letters the entity's name or the mention's text contains (any case). */
  text?: string;
}

/** One row of the entities table: a canonical entity, or the unlinked mentions of one label that read the same. */
export interface EntityRow {
  /** `entity:<id>`, or `text:<label>:<normalised text>` for unlinked mentions. */
  key: string;
  entity?: Entity;
  /** The entity's name, or the unlinked mentions' text as first seen. */
  name: string;
  labelId: string;
  mentions: EntityMention[];
  documentCount: number;
  firstDate?: string;
  lastDate?: string;
}

/** A row of the entities table without its mentions: what the list shows. */
export type EntityRowSummary = Omit<EntityRow, 'mentions'> & { mentionCount: number };

/** `row` without its mentions. */
export function summariseRow({ mentions, ...row }: EntityRow): EntityRowSummary {
  return { ...row, mentionCount: mentions.length };
}

const byName = new Intl.Collator(undefined, { numeric: true });

/** Whether `mention` passes `filter`; `statusOf` gives a document's status. */
export function mentionPasses(mention: EntityMention, filter: EntityFilter, statusOf: (documentId: string) => DocumentStatus | undefined = () => undefined): boolean {
  if (filter.labelId !== undefined && mention.labelId !== filter.labelId) return false;
  if (filter.stance !== undefined && !(mention.stances ?? []).includes(filter.stance)) return false;
  if (filter.layerId !== undefined && mention.layerId !== filter.layerId) return false;
  if (filter.status !== undefined && statusOf(mention.documentId) !== filter.status) return false;
  return true;
}

/**
 * The rows of the entities table for the mentions that pass `filter`: linked
 * mentions grouped by entity (an entity missing from `entities` still gets a
 * row, named by its id), unlinked ones by label and normalised text. Rows
 * with no mention left are dropped; rows come most mentioned first, then by
 * name.
 */
export function entityRows(
  mentions: readonly EntityMention[],
  entities: readonly Entity[],
  filter: EntityFilter = {},
  statusOf: (documentId: string) => DocumentStatus | undefined = () => undefined,
): EntityRow[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const rows = new Map<string, EntityRow & { documents: Set<string> }>();
  const needle = filter.text ? entityNameKey(filter.text) : '';
  for (const m of mentions) {
    if (!mentionPasses(m, filter, statusOf)) continue;
    const entity = m.entityId !== undefined ? byId.get(m.entityId) : undefined;
    const key = m.group;
    let row = rows.get(key);
    if (!row) {
      row = { key, name: entity?.name ?? (m.entityId ?? m.text), labelId: entity?.kind ?? m.labelId, mentions: [], documentCount: 0, documents: new Set() };
      if (entity) row.entity = entity;
      rows.set(key, row);
    }
    row.mentions.push(m);
    row.documents.add(m.documentId);
    if (m.date && (!row.firstDate || m.date < row.firstDate)) row.firstDate = m.date;
    if (m.date && (!row.lastDate || m.date > row.lastDate)) row.lastDate = m.date;
  }
  const found: EntityRow[] = [];
  for (const { documents, ...row } of rows.values()) {
    if (needle && !entityNameKey(row.name).includes(needle) && !row.mentions.some((m) => entityNameKey(m.text).includes(needle))) continue;
    row.documentCount = documents.size;
    found.push(row);
  }
  return found.sort((a, b) => b.mentions.length - a.mentions.length || byName.compare(a.name, b.name));
}
