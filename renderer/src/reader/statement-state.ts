/**
 * What the reader knows about statements, as editor state beside
 * `reader-state.ts`: the own layer's relations, the schema's relation types,
 * the library's entities, the link being made by keyboard, and the small
 * menus around the text (attribute menu, entity picker, the relation choice
 * after a drag). The arcs above the text are derived from the relations and
 * the annotations they join.
 */
import { Facet, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
import type { Entity, Relation, RelationType } from '../../../annotations/model';
import type { LinkOption, LinkSession } from './link-session';
import { currentCandidate } from './link-session';
import { relationArcs, type ArcSpec } from './relation-arcs';
import { ownAnnotations } from './reader-state';

/** Replaces the own layer's relations the reader shows. */
export const setOwnRelations = StateEffect.define<readonly Relation[]>();

/** The own layer's relations. */
export const ownRelations = StateField.define<readonly Relation[]>({
  create: () => [],
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setOwnRelations)) value = e.value;
    return value;
  },
});

/** Replaces the relation types (from the label schema). */
export const setRelationTypes = StateEffect.define<readonly RelationType[]>();

/** The schema's relation types, in order. */
export const relationTypes = StateField.define<readonly RelationType[]>({
  create: () => [],
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setRelationTypes)) value = e.value;
    return value;
  },
});

/** Replaces the library's entities. */
export const setEntities = StateEffect.define<readonly Entity[]>();

/** The library's entities. */
export const entities = StateField.define<readonly Entity[]>({
  create: () => [],
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setEntities)) value = e.value;
    return value;
  },
});

/** Starts, changes or (null) ends the link being made by keyboard. */
export const setLinkSession = StateEffect.define<LinkSession | null>();

/** The link being made by keyboard, or null. */
export const linkSession = StateField.define<LinkSession | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setLinkSession)) value = e.value;
    // A link whose source was deleted or undone ends.
    if (value && tr.startState.field(ownAnnotations, false) !== tr.state.field(ownAnnotations, false) && !tr.state.field(ownAnnotations).some((a) => a.id === value!.source.id)) return null;
    return value;
  },
});

/**
 * Reads a date span's text and suggests its normalised ISO 8601 value (null:
 * none), relative to the open document's date; given by the component.
 */
export const dateSuggester = Facet.define<(text: string) => string | null, ((text: string) => string | null) | null>({
  combine: (values) => values[values.length - 1] ?? null,
});

/** The menus around the text. */
export interface StatementUi {
  /** The attribute menu of an annotation, open at one attribute (or the list of them, when null). */
  attributeMenu: { annotationId: string; attributeId: string | null } | null;
  /** The entity picker of an annotation. */
  entityPicker: { annotationId: string } | null;
  /** After a drag from one mark to another: the relation types that fit, to choose from. */
  relationChooser: { x: number; y: number; sourceId: string; targetId: string; options: readonly LinkOption[] } | null;
}

/** Changes part of the statement UI state. */
export const setStatementUi = StateEffect.define<Partial<StatementUi>>();

/** The statement UI state. */
export const statementUi = StateField.define<StatementUi>({
  create: () => ({ attributeMenu: null, entityPicker: null, relationChooser: null }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setStatementUi)) value = { ...value, ...e.value };
    return value;
  },
});

/** The arcs of the own relations: each from its source span to its target span, in its type's colour. */
export function arcSpecs(state: EditorState): ArcSpec[] {
  const relations = state.field(ownRelations, false) ?? [];
  if (relations.length === 0) return [];
  const ends = new Set<string>();
  for (const r of relations) ends.add(r.sourceId).add(r.targetId);
  // One pass over the annotations, keeping only the ends: cheap even at 20,000 spans.
  const spans = new Map<string, { start: number; end: number }>();
  for (const a of state.field(ownAnnotations, false) ?? []) if (ends.has(a.id)) spans.set(a.id, { start: a.start, end: a.end });
  const types = new Map((state.field(relationTypes, false) ?? []).map((t) => [t.id, t]));
  const arcs: ArcSpec[] = [];
  for (const r of relations) {
    const source = spans.get(r.sourceId);
    const target = spans.get(r.targetId);
    if (!source || !target) continue;
    const type = types.get(r.typeId);
    arcs.push({ id: r.id, source, target, color: type?.color ?? '#6b7280', name: type?.name ?? r.typeId, directed: type?.directed ?? true });
  }
  return arcs;
}

/**
 * The arcs above the text, following the relations and relation types. Not
 * the annotations: a tag among 20,000 spans must not rescan them all. The
 * spans relations join change only with the relations (deleting a span
 * deletes its relations in the same change, and the store's answer brings
 * both), and the session always sends annotations and relations together.
 */
export const ownArcs = relationArcs({
  deps: [(s) => s.field(ownRelations, false), (s) => s.field(relationTypes, false)],
  compute: arcSpecs,
});

const linkSourceMark = Decoration.mark({ class: 'cm-parley-link-source' });
const linkCandidateMark = Decoration.mark({ class: 'cm-parley-link-candidate' });

/** While a link is being made: the source span and the current candidate, outlined. */
const linkHighlight = EditorView.decorations.compute([linkSession], (state) => {
  const link = state.field(linkSession);
  if (!link) return Decoration.none;
  const length = state.doc.length;
  const candidate = currentCandidate(link)?.annotation;
  const ranges = [{ from: link.source.start, to: link.source.end, mark: linkSourceMark }];
  if (candidate) ranges.push({ from: candidate.start, to: candidate.end, mark: linkCandidateMark });
  return Decoration.set(
    ranges.filter((r) => r.from < r.to && r.to <= length).map((r) => r.mark.range(r.from, r.to)),
    true,
  );
});

const linkTheme = EditorView.baseTheme({
  '.cm-parley-link-source': { outline: '2px solid #2563eb', outlineOffset: '1px', borderRadius: '2px' },
  '.cm-parley-link-candidate': { outline: '2px dashed #d97706', outlineOffset: '1px', borderRadius: '2px' },
});

/** The statement fields, the arcs and the link outlines. */
export function statementStateFields(): Extension {
  return [ownRelations, relationTypes, entities, linkSession, statementUi, ownArcs.extension, linkHighlight, linkTheme];
}

/** What React draws of statements: the menus, the relations, the entities, whether arcs are shown and a link is being made. */
export interface StatementSnapshot {
  ui: StatementUi;
  relations: readonly Relation[];
  entities: readonly Entity[];
  arcsShown: boolean;
  linking: boolean;
}

/** The statement snapshot of `state`; `previous` itself when nothing in it changed, so React skips the render. */
export function statementSnapshotOf(state: EditorState, previous?: StatementSnapshot): StatementSnapshot {
  const next: StatementSnapshot = {
    ui: state.field(statementUi),
    relations: state.field(ownRelations),
    entities: state.field(entities),
    arcsShown: state.field(ownArcs.field).shown,
    linking: state.field(linkSession) !== null,
  };
  if (previous && previous.ui === next.ui && previous.relations === next.relations && previous.entities === next.entities && previous.arcsShown === next.arcsShown && previous.linking === next.linking) return previous;
  return next;
}
