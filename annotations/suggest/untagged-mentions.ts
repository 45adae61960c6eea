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
  const found: Mention[] = [];
  for (const term of terms) {
    for (const { start, end } of finder.find(term.text)) {
      if (overlapsAny(tags, start, end)) continue;
      found.push({ start, end, labelId: term.labelId, ...(term.entityId ? { entityId: term.entityId } : {}) });
    }
  }
  // Longest first at each place, so a name inside a longer one gives way to it.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const m of found) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

function overlapsAny(sorted: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): boolean {
  for (const tag of sorted) {
    if (tag.start >= end) return false;
    if (tag.end > start) return true;
  }
  return false;
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
