/**
 * Untagged mentions: the places in a document where a name the analyst
 * already knows appears without a tag, so a key can walk the selection from
 * one to the next and a label key tags it. A known name is a text the analyst
 * tagged in this document, a name or alias of an entity one of those tags is
 * linked to (the own-tags source's terms, `ownTagTerms`), or a name or alias
 * of any entity of the library (under the entity's kind as label).
 */
import { MIN_TERM_LENGTH, ownTagTerms, type EntityNames, type TaggedText } from './own-tag-suggestions';
import { WholeWordFinder } from './word-matches';

/** One untagged occurrence of a known name. Offsets are UTF-16 code units, end exclusive. */
export interface Mention {
  start: number;
  end: number;
  /** The label the name was tagged with (or its entity's kind). */
  labelId: string;
  /** The entity the name belongs to, when one is known. */
  entityId?: string;
}

/**
 * Every untagged mention in `doc`, in text order: whole-word occurrences of
 * the known names (see the module comment) that overlap none of the
 * document's own tags. Where two names overlap (`Seoul` inside `Seoul
 * National University`) the longer one is kept, then the earlier one. Never
 * fails: a document without known names has no mentions.
 */
export function untaggedMentions(doc: TaggedText, entities: readonly EntityNames[]): Mention[] {
  const terms = ownTagTerms([doc], entities);
  const seen = new Set(terms.map((t) => `${t.labelId}\u0000${t.text}`));
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      const text = name.trim();
      const key = `${entity.kind}\u0000${text}`;
      if ([...text].length < MIN_TERM_LENGTH || seen.has(key)) continue;
      seen.add(key);
      terms.push({ text, labelId: entity.kind, entityId: entity.id, reason: '' });
    }
  }
  const finder = new WholeWordFinder(doc.text);
  const tags = [...doc.tags].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const [i, tag] of tags.entries()) reach.push(Math.max(tag.end, i > 0 ? reach[i - 1]! : 0));
  const found: Mention[] = [];
  for (const term of terms) {
    for (const { start, end } of finder.find(term.text)) {
      if (overlapsAny(tags, reach, start, end)) continue;
      found.push({ start, end, labelId: term.labelId, ...(term.entityId ? { entityId: term.entityId } : {}) });
    }
  }
  return withoutOverlaps(found);
}

/**
 * Keeps, of mentions that overlap, the longest (then the earliest), in text
 * order. Overlaps are only checked against the kept neighbours on either side
 * of where a mention would go, since kept mentions never overlap each other.
 */
function withoutOverlaps(found: Mention[]): Mention[] {
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const m of found) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > m.start) || (after && after.start < m.end)) continue;
    kept.splice(lo, 0, m);
  }
  return kept;
}

/** True when a tag overlaps `start`–`end`; `sorted` by start, `reach[i]` the furthest end of tags 0..i. */
function overlapsAny(sorted: ReadonlyArray<{ start: number; end: number }>, reach: readonly number[], start: number, end: number): boolean {
  // The last tag starting before `end`: any overlapping tag is at or before it, and reaches past `start`.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && reach[lo - 1]! > start;
}

/**
 * The mention after (1) or before (-1) the selection `from`–`to`, wrapping
 * past the document's end or start; the selection's own mention is skipped.
 * Returns the mention and its 0-based index, or undefined when there are none.
 */
export function adjacentMention(mentions: readonly Mention[], from: number, to: number, direction: 1 | -1): { mention: Mention; index: number } | undefined {
  if (mentions.length === 0) return undefined;
  let index: number;
  if (direction === 1) {
    // After the selection: starting at or after its end, or (for a bare cursor) at the cursor.
    index = mentions.findIndex((m) => (from === to ? m.start >= from : m.start >= to));
    if (index < 0) index = 0;
  } else {
    index = -1;
    for (let i = 0; i < mentions.length && mentions[i]!.start < from; i++) index = i;
    if (index < 0) index = mentions.length - 1;
  }
  return { mention: mentions[index]!, index };
}
