/** Source 2, gazetteers: each name and alias of each entry proposed at its whole-word occurrences. */
import type { Gazetteer } from './gazetteer';
import type { Suggestion } from './suggestion';
import { suggestionId } from './suggestion';
import { WholeWordFinder } from './word-matches';

/**
 * Suggestions in `target` from `gazetteers`. Names match whole words ignoring
 * case (a gazetteer's “Ministry of Unification” finds “ministry of
 * unification” in a lower-cased headline); a name that has no lower-case
 * letter (an acronym such as `NSC` or `US`) matches its exact case only, so
 * `us` is never proposed for `US`.
 */
export function suggestFromGazetteers(target: { documentId: string; text: string }, gazetteers: readonly Gazetteer[]): Suggestion[] {
  const out: Suggestion[] = [];
  const finder = new WholeWordFinder(target.text);
  for (const gazetteer of gazetteers) {
    for (const entry of gazetteer.entries) {
      for (const name of [entry.name, ...entry.aliases]) {
        const ignoreCase = /\p{Ll}/u.test(name);
        for (const { start, end } of finder.find(name, { ignoreCase })) {
          out.push({
            id: suggestionId('gazetteer', start, end, entry.labelId),
            documentId: target.documentId,
            start,
            end,
            labelId: entry.labelId,
            source: 'gazetteer',
            sources: ['gazetteer'],
            ...(entry.entity ? { entityId: entry.entity } : {}),
            reason: name === entry.name ? `“${entry.name}” is in the gazetteer ${gazetteer.name}` : `“${name}” is an alias of “${entry.name}” in the gazetteer ${gazetteer.name}`,
          });
        }
      }
    }
  }
  return out;
}
