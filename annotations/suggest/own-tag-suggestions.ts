/**
 * Source 1, the analyst's own tags: every text tagged in the own layer of any
 * document of the library, and the aliases of the entity it is linked to, is
 * proposed at its other whole-word occurrences in a document.
 */
import type { Suggestion } from './suggestion';
import { suggestionId } from './suggestion';
import { WholeWordFinder } from './word-matches';

/** A tagged span of the analyst's own layer, with the text of its document. Structurally an `Annotation`. */
export interface OwnTag {
  documentId: string;
  start: number;
  end: number;
  labelId: string;
  entityId?: string;
}

/** A document's text and the analyst's own tags on it. */
export interface TaggedText {
  documentId: string;
  title: string;
  text: string;
  tags: readonly OwnTag[];
}

/** A canonical entity with its other names. Structurally the model's `Entity`. */
export interface EntityNames {
  id: string;
  name: string;
  aliases: readonly string[];
  /** The label id its spans get (`actor`, `policy-body`). */
  kind: string;
}

/** Terms shorter than this (in code points, after trimming) are never proposed: one letter matches everywhere. */
export const MIN_TERM_LENGTH = 2;

interface Term {
  text: string;
  labelId: string;
  entityId?: string;
  reason: string;
}

function termKey(text: string, labelId: string): string {
  return `${labelId}\u0000${text}`;
}

/** The terms the library's own tags teach: each tagged text once per label, then every name of each linked entity. */
export function ownTagTerms(library: readonly TaggedText[], entities: readonly EntityNames[]): Term[] {
  const terms = new Map<string, Term>();
  const linked = new Map<string, string>();
  for (const doc of library) {
    for (const tag of doc.tags) {
      const text = doc.text.slice(tag.start, tag.end).trim();
      if ([...text].length < MIN_TERM_LENGTH) continue;
      const key = termKey(text, tag.labelId);
      if (!terms.has(key)) terms.set(key, { text, labelId: tag.labelId, entityId: tag.entityId, reason: `“${text}” is tagged ${tag.labelId} in “${doc.title}”` });
      else if (tag.entityId && !terms.get(key)!.entityId) terms.get(key)!.entityId = tag.entityId;
      if (tag.entityId) linked.set(`${tag.entityId}\u0000${tag.labelId}`, text);
    }
  }
  for (const [key, example] of linked) {
    const [entityId, labelId] = key.split('\u0000') as [string, string];
    const entity = entities.find((e) => e.id === entityId);
    if (!entity) continue;
    for (const name of [entity.name, ...entity.aliases]) {
      const text = name.trim();
      if ([...text].length < MIN_TERM_LENGTH || terms.has(termKey(text, labelId))) continue;
      terms.set(termKey(text, labelId), { text, labelId, entityId, reason: `“${text}” names ${entity.name}, tagged ${labelId} as “${example}”` });
    }
  }
  return [...terms.values()];
}

/**
 * Suggestions in `target` from the own tags of `library` (which may include
 * `target` itself): case-sensitive whole-word matches of each tagged text and
 * each alias of a linked entity. Spans `target` already has tagged with the
 * same label are left to the caller's filter (`suggestForDocument`).
 */
export function suggestFromOwnTags(target: { documentId: string; text: string }, library: readonly TaggedText[], entities: readonly EntityNames[] = []): Suggestion[] {
  const out: Suggestion[] = [];
  const finder = new WholeWordFinder(target.text);
  for (const term of ownTagTerms(library, entities)) {
    for (const { start, end } of finder.find(term.text)) {
      out.push({
        id: suggestionId('own-tags', start, end, term.labelId),
        documentId: target.documentId,
        start,
        end,
        labelId: term.labelId,
        source: 'own-tags',
        sources: ['own-tags'],
        ...(term.entityId ? { entityId: term.entityId } : {}),
        reason: term.reason,
      });
    }
  }
  return out;
}
