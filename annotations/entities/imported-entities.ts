/**
 * Entities arriving with an import (Parley JSON's `entities`, brat's `N`
 * references) joined to the library's: an incoming entity is the library's
 * entity of the same id, else the library's entity of its kind that goes by
 * one of its names (name or alias, as `entityNameKey` compares them), else a
 * new entity of the library, keeping its id (`Wikidata:Q8684` stays the one
 * entity for that reference however often it is imported). Pure: the caller
 * saves `added` and rewrites links with `ids`.
 */
import type { Corpus, Entity } from '../model';
import { entityNameKey, entityNames } from './entity-names';

/** What an import does to the library's entities. */
export interface ImportedEntities {
  /** Entities the library does not have yet, to be saved. */
  added: Entity[];
  /** Incoming entity id → the library entity id its links take. */
  ids: Map<string, string>;
}

/** Joins `incoming` to `library` (see the module comment); the library's entities are never changed. */
export function joinImportedEntities(library: readonly Entity[], incoming: readonly Entity[]): ImportedEntities {
  const known: Entity[] = [...library];
  const added: Entity[] = [];
  const ids = new Map<string, string>();
  for (const entity of incoming) {
    const same = known.find((e) => e.id === entity.id);
    const names = new Set(entityNames(entity).map(entityNameKey));
    const named = same ?? known.find((e) => e.kind === entity.kind && entityNames(e).some((n) => names.has(entityNameKey(n))));
    if (named) {
      ids.set(entity.id, named.id);
      continue;
    }
    const copy: Entity = { id: entity.id, name: entity.name, aliases: [...entity.aliases], kind: entity.kind };
    added.push(copy);
    known.push(copy);
    ids.set(entity.id, entity.id);
  }
  return { added, ids };
}

/** `corpus` with every span's entity link rewritten through `ids` (links to ids not in it stay as they are). Returns `corpus` itself when nothing changes. */
export function relinkImportedSpans(corpus: Corpus, ids: ReadonlyMap<string, string>): Corpus {
  const moved = (id: string | undefined) => id !== undefined && ids.has(id) && ids.get(id) !== id;
  if (!corpus.documents.some((d) => d.layers.some((l) => l.annotations.some((a) => moved(a.entityId))))) return corpus;
  return {
    ...corpus,
    documents: corpus.documents.map((d) => ({
      ...d,
      layers: d.layers.map((l) => ({ ...l, annotations: l.annotations.map((a) => (moved(a.entityId) ? { ...a, entityId: ids.get(a.entityId!)! } : a)) })),
    })),
  };
}
