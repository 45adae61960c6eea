/**
 * Entities by name: finding the entity a span's text names (its name or an
 * alias, in any script), merging two entities and splitting one. Names are
 * compared as `entityNameKey` folds them: Unicode NFC, lower case, runs of
 * white space as one space, trimmed — so "Chung  Dong-young" and "chung
 * dong-young" are one name, while "정동영" and "Chung Dong-young" are two that
 * an alias ties together.
 */
import type { Annotation, Entity } from '../model';
import { fail, ok, type Result } from '../result';

/** The key under which entity names are compared. */
export function entityNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Every name of an entity: its name, then its aliases. */
export function entityNames(entity: Entity): string[] {
  return [entity.name, ...entity.aliases];
}

/**
 * The entity of `kind` (a label id) that `text` names, when exactly one does.
 * Undefined when none does, or when several do (then the text cannot say
 * which one is meant, and nothing is linked).
 */
export function findEntityByName(entities: readonly Entity[], text: string, kind: string): Entity | undefined {
  const key = entityNameKey(text);
  if (key === '') return undefined;
  const found = entities.filter((e) => e.kind === kind && entityNames(e).some((n) => entityNameKey(n) === key));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * New spans linked to the entity their text names (see `findEntityByName`),
 * for tagging: a span that already names an entity, or whose text names none
 * or several, is returned as it is. Returns the same array when nothing changed.
 */
export function linkKnownNames(annotations: readonly Annotation[], entities: readonly Entity[]): readonly Annotation[] {
  if (entities.length === 0) return annotations;
  let changed = false;
  const out = annotations.map((a) => {
    if (a.entityId !== undefined) return a;
    const entity = findEntityByName(entities, a.quote.exact, a.labelId);
    if (!entity) return a;
    changed = true;
    return { ...a, entityId: entity.id };
  });
  return changed ? out : annotations;
}

/** Names without repeats (under `entityNameKey`), first spelling kept, none equal to `except`. */
function distinctNames(names: readonly string[], except: string): string[] {
  const seen = new Set([entityNameKey(except)]);
  const out: string[] = [];
  for (const n of names) {
    const key = entityNameKey(n);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(n.trim());
  }
  return out;
}

/**
 * `from` merged into `into`: `into` keeps its id, name and kind and gains
 * `from`'s name and aliases as aliases (no name twice). Fails with
 * `invalid-input` when they are the same entity or of different kinds.
 */
export function mergeEntities(into: Entity, from: Entity): Result<Entity> {
  if (into.id === from.id) return fail('invalid-input', 'an entity cannot be merged into itself');
  if (into.kind !== from.kind) return fail('invalid-input', `“${from.name}” is ${from.kind} and “${into.name}” is ${into.kind}; only entities of one kind merge`);
  return ok({ ...into, aliases: distinctNames([...into.aliases, from.name, ...from.aliases], into.name) });
}

/**
 * Splits `names` off `entity` into a new entity `{ id, name }` of the same
 * kind: the moved names leave the old entity's aliases and become the new
 * one's (its own name excluded). Fails with `invalid-input` when a moved name
 * is not an alias of the entity (its main name cannot move: rename it
 * instead), or when nothing would move.
 */
export function splitEntity(entity: Entity, names: readonly string[], created: { id: string; name: string }): Result<{ kept: Entity; split: Entity }> {
  const moving = new Set(names.map(entityNameKey));
  if (moving.size === 0 && entityNameKey(created.name) === '') return fail('invalid-input', 'say which names move to the new entity');
  if (moving.has(entityNameKey(entity.name))) return fail('invalid-input', `“${entity.name}” is the entity's own name; rename it rather than split it off`);
  const aliases = new Set(entity.aliases.map(entityNameKey));
  const stray = names.find((n) => !aliases.has(entityNameKey(n)));
  if (stray !== undefined) return fail('invalid-input', `“${stray}” is not an alias of “${entity.name}”`);
  if (entityNameKey(created.name) === '') return fail('invalid-input', 'the new entity needs a name');
  const kept: Entity = { ...entity, aliases: entity.aliases.filter((a) => !moving.has(entityNameKey(a))) };
  const split: Entity = { id: created.id, name: created.name.trim(), kind: entity.kind, aliases: distinctNames(names, created.name) };
  return ok({ kept, split });
}

/**
 * The spans to move from `from` to `to` after a split or merge, or to unlink
 * after a delete (`to` null): those linked to `from` whose text is one of
 * `names` (every one linked to `from` when `names` is absent), with `entityId`
 * set to `to` or taken away. Returns the old and new versions, as a layer
 * change removes and adds them.
 */
export function relinkedSpans(annotations: readonly Annotation[], from: string, to: string | null, now: string, names?: readonly string[]): { removed: Annotation[]; added: Annotation[] } {
  const keys = names ? new Set(names.map(entityNameKey)) : null;
  const removed = annotations.filter((a) => a.entityId === from && (!keys || keys.has(entityNameKey(a.quote.exact))));
  return { removed, added: removed.map((a) => linkedTo(a, to, now)) };
}

/** The span linked to `entityId`, or to no entity (null), changed at `now`. */
export function linkedTo(a: Annotation, entityId: string | null, now: string): Annotation {
  if (entityId !== null) return { ...a, entityId, updatedAt: now };
  const { entityId: _unlinked, ...rest } = a;
  return { ...rest, updatedAt: now };
}
