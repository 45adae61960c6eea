/**
 * Token-level agreement: each annotation becomes one (label, token) item per
 * whitespace token it overlaps (see `tokens.ts`), and F1 is computed on those
 * items counted as multisets. A boundary moved by a word costs one token, not
 * the whole span. An annotation over whitespace alone yields no items.
 */
import type { Annotation } from '../model';
import { emptyF1Counts, type F1Counts } from './f1-score';
import { overlappingTokens, type Token } from './tokens';

/** Per-label token-item match counts between two annotators on one document. */
export function tokenCounts(tokens: readonly Token[], a: readonly Annotation[], b: readonly Annotation[]): Map<string, F1Counts> {
  const byLabel = new Map<string, F1Counts>();
  const counts = (label: string): F1Counts => {
    let c = byLabel.get(label);
    if (!c) byLabel.set(label, (c = emptyF1Counts()));
    return c;
  };
  const unmatched = new Map<string, number>();
  for (const x of a) {
    const [first, last] = overlappingTokens(tokens, x.start, x.end);
    const c = counts(x.labelId);
    for (let i = first; i < last; i++) {
      c.a++;
      const key = `${i}:${x.labelId}`;
      unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
    }
  }
  for (const y of b) {
    const [first, last] = overlappingTokens(tokens, y.start, y.end);
    const c = counts(y.labelId);
    for (let i = first; i < last; i++) {
      c.b++;
      const key = `${i}:${y.labelId}`;
      const left = unmatched.get(key) ?? 0;
      if (left > 0) {
        c.matches++;
        unmatched.set(key, left - 1);
      }
    }
  }
  return byLabel;
}
