/** Source 3, patterns: the schema's per-label rules run over a document. */
import { splitsSurrogatePair } from '../unicode';
import type { CompiledRule } from './pattern-rules';
import { tokenize } from './pattern-rules';
import type { Suggestion } from './suggestion';
import { suggestionId } from './suggestion';

/**
 * Suggestions in `target` from compiled rules (`compilePatternRules`). A
 * regular expression proposes each non-empty match (overlapping matches of
 * one rule are not searched: the next search starts after a match, as
 * `String.matchAll` does); a match that would split an emoji or other
 * surrogate pair is dropped. A token pattern proposes every run of
 * consecutive tokens its matchers accept, from the first token's start to the
 * last one's end, overlapping runs included.
 */
export function suggestFromPatterns(target: { documentId: string; text: string }, rules: readonly CompiledRule[]): Suggestion[] {
  const out: Suggestion[] = [];
  const push = (rule: CompiledRule, start: number, end: number): void => {
    out.push({
      id: suggestionId('pattern', start, end, rule.labelId),
      documentId: target.documentId,
      start,
      end,
      labelId: rule.labelId,
      source: 'pattern',
      sources: ['pattern'],
      reason: `matches the ${rule.labelId} pattern ${rule.describe}`,
    });
  };
  const tokens = rules.some((r) => r.tokens) ? tokenize(target.text) : [];
  for (const rule of rules) {
    if (rule.regex) {
      const re = new RegExp(rule.regex.source, rule.regex.flags);
      for (let m = re.exec(target.text); m; m = re.exec(target.text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end === start) {
          re.lastIndex = start + 1;
          continue;
        }
        if (!splitsSurrogatePair(target.text, start) && !splitsSurrogatePair(target.text, end)) push(rule, start, end);
      }
    } else if (rule.tokens) {
      const matchers = rule.tokens;
      for (let i = 0; i + matchers.length <= tokens.length; i++) {
        if (matchers.every((test, k) => test(tokens[i + k]!.text))) push(rule, tokens[i]!.start, tokens[i + matchers.length - 1]!.end);
      }
    }
  }
  return out;
}
