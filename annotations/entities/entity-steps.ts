/**
 * Changes to the library's entities as undoable steps. An entity change is
 * library-wide (the entity list, and the spans of every document that follow
 * a merge or a split), so it is not a step of one document's history: a step
 * records the entities before and after, and which spans moved from which
 * entity to which, by id, and undoing it applies the inverse (the entities as
 * they were, each moved span back), redoing it the step again. A span that
 * was moved on since, or deleted, is left as it is.
 */
import type { Annotation, Entity } from '../model';
import { linkedTo } from './entity-names';

/** Spans of one layer of one document that a step moved from one entity to another, or unlinked (`to` null, a delete). */
export interface EntityRelink {
  documentId: string;
  layerId: string;
  spanIds: string[];
  from: string;
  to: string | null;
}

/** One undoable change to the library's entities. */
export interface EntityStep {
  /** How Undo names it ("Merge “정동영” into “Chung Dong-young”"). */
  label: string;
  /** The entities the step changed or removed, as they were before it. */
  before: Entity[];
  /** The entities the step changed or created, as they are after it. */
  after: Entity[];
  relinks: EntityRelink[];
}

/** The entity-list update that takes a step back (`undo`) or again (`redo`): what to save and which ids to remove. */
export function entityUpdate(step: EntityStep, how: 'undo' | 'redo'): { saved: Entity[]; removed: string[] } {
  const [from, to] = how === 'undo' ? [step.after, step.before] : [step.before, step.after];
  const kept = new Set(to.map((e) => e.id));
  return { saved: to.map((e) => ({ ...e, aliases: [...e.aliases] })), removed: from.filter((e) => !kept.has(e.id)).map((e) => e.id) };
}

/**
 * The layer change that moves a relink's spans back (`undo`) or again
 * (`redo`): each span of `spanIds` still linked to the entity it was moved
 * from (or still unlinked, for a delete's undo) gets the other one. Returns
 * the old and new versions, as a layer change removes and adds them.
 */
export function relinkChange(annotations: readonly Annotation[], relink: EntityRelink, how: 'undo' | 'redo', now: string): { removed: Annotation[]; added: Annotation[] } {
  const [from, to] = how === 'undo' ? [relink.to, relink.from] : [relink.from, relink.to];
  const ids = new Set(relink.spanIds);
  const removed = annotations.filter((a) => ids.has(a.id) && a.entityId === (from ?? undefined));
  return { removed, added: removed.map((a) => linkedTo(a, to, now)) };
}
