/**
 * Type-ahead over the library's entities, by name and alias, for linking a
 * span to an entity: "chung" finds "Chung Dong-young", "정동" finds the same
 * entity by its alias "정동영". Case, width and accents do not matter.
 */
import type { Entity } from '../../../annotations/model';

/** One entity found, with the name or alias that matched. */
export interface EntityMatch {
  entity: Entity;
  /** The name or alias the typed text was found in. */
  matched: string;
  /** True when the match was on an alias rather than the name. */
  byAlias: boolean;
}

/** Text as compared: NFKD without combining marks, lower case (so "Chúng" and "ＣＨＵＮＧ" match "chung"). */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFC').toLocaleLowerCase().trim();
}

/** 0: the whole name; 1: its start; 2: a word's start; 3: anywhere; -1: not found. */
function rank(name: string, typed: string): number {
  const folded = foldName(name);
  if (folded === typed) return 0;
  if (folded.startsWith(typed)) return 1;
  const at = folded.indexOf(typed);
  if (at < 0) return -1;
  return /[\s\-‐'’.]/u.test(folded[at - 1] ?? '') ? 2 : 3;
}

/**
 * Entities whose name or an alias holds `typed`, best first: an exact name,
 * then names starting with it, then a word starting with it, then anywhere;
 * entities of `kind` (the span's label) before others; then by name. With
 * nothing typed, the entities of `kind` by name.
 */
export function matchEntities(entities: readonly Entity[], typed: string, kind: string, limit = 8): EntityMatch[] {
  const query = foldName(typed);
  const found: Array<EntityMatch & { rank: number }> = [];
  for (const entity of entities) {
    if (query === '') {
      if (entity.kind === kind) found.push({ entity, matched: entity.name, byAlias: false, rank: 0 });
      continue;
    }
    let best: (EntityMatch & { rank: number }) | null = null;
    for (const [name, byAlias] of [[entity.name, false] as const, ...entity.aliases.map((a) => [a, true] as const)]) {
      const r = rank(name, query);
      if (r >= 0 && (best === null || r < best.rank)) best = { entity, matched: name, byAlias, rank: r };
    }
    if (best) found.push(best);
  }
  found.sort((a, b) => a.rank - b.rank || Number(b.entity.kind === kind) - Number(a.entity.kind === kind) || a.entity.name.localeCompare(b.entity.name));
  return found.slice(0, limit).map(({ entity, matched, byAlias }) => ({ entity, matched, byAlias }));
}

/** The entity a text already names (its name or an alias, folded), of that kind; what tagging links at once. */
export function entityNamed(entities: readonly Entity[], text: string, kind: string): Entity | undefined {
  const folded = foldName(text);
  return entities.find((e) => e.kind === kind && (foldName(e.name) === folded || e.aliases.some((a) => foldName(a) === folded)));
}
