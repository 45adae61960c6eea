/**
 * Token-level agreement: each annotation becomes one (label, token) item per
 * whitespace token it overlaps (see `tokens.ts`), and F1 is computed on those
 * items counted as multisets. A boundary moved by a word costs one token, not
 * the whole span. An annotation over whitespace alone yields no items.
 */
import type { Annotation } from '../model';
import { multisetCounts, type F1Counts, type LabelledItem } from './f1-score';
import { overlappingTokens, type Token } from './tokens';

/** Per-label token-item match counts between two annotators on one document. */
export function tokenCounts(tokens: readonly Token[], a: readonly Annotation[], b: readonly Annotation[]): Map<string, F1Counts> {
  const labels = [...a, ...b].map((x) => x.labelId);
  return multisetCounts(tokenItems(tokens, a), tokenItems(tokens, b), labels);
}

function* tokenItems(tokens: readonly Token[], annotations: readonly Annotation[]): Generator<LabelledItem> {
  for (const x of annotations) {
    const [first, last] = overlappingTokens(tokens, x.start, x.end);
    for (let i = first; i < last; i++) yield { label: x.labelId, key: `${i}:${x.labelId}` };
  }
}
