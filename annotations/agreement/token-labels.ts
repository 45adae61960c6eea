/**
 * The value each token takes for kappa and alpha: the set of labels whose
 * annotations overlap it.
 *
 * - no label: the category "none";
 * - one label (however many annotations of it): that label;
 * - several different labels: the combination, a category of its own
 *   (a token tagged `actor` and `position` by one annotator agrees with
 *   another annotator only if they also tagged it with exactly those two).
 *
 * Categories are encoded as the JSON of the sorted label ids (`[]`,
 * `["actor"]`, `["actor","position"]`), so no label id can collide with "none"
 * or with a combination.
 */
import type { Annotation } from '../model';
import { overlappingTokens, type Token } from './tokens';

/** Category of a token covered by no annotation. */
export const NO_LABEL_CATEGORY = '[]';

/** The category for a set of label ids. */
export function categoryOf(labelIds: Iterable<string>): string {
  return JSON.stringify([...new Set(labelIds)].sort(compareCodeUnits));
}

/** The label ids in a category made by `categoryOf`. */
export function labelsOfCategory(category: string): string[] {
  return JSON.parse(category) as string[];
}

/** A readable name for a category: `none`, `actor`, `actor+position`. */
export function categoryName(category: string): string {
  const labels = labelsOfCategory(category);
  return labels.length === 0 ? 'none' : labels.join('+');
}

/** The category of every token, given one annotator's annotations on the text. */
export function tokenCategories(tokens: readonly Token[], annotations: readonly Annotation[]): string[] {
  const labels = [...new Set(annotations.map((x) => x.labelId))];
  return labels.length <= MASK_LABELS ? categoriesByMask(tokens, annotations, labels) : categoriesByList(tokens, annotations);
}

/** Labels up to this many are tracked per token as bits of one integer. */
const MASK_LABELS = 30;

/** `tokenCategories` with each token's set of labels as a bit mask: no list per token. */
function categoriesByMask(tokens: readonly Token[], annotations: readonly Annotation[], labels: readonly string[]): string[] {
  const bit = new Map(labels.map((l, i) => [l, 1 << i]));
  const masks = new Int32Array(tokens.length);
  for (const x of annotations) {
    const [first, last] = overlappingTokens(tokens, x.start, x.end);
    const b = bit.get(x.labelId)!;
    for (let i = first; i < last; i++) masks[i]! |= b;
  }
  const cache = new Map<number, string>([[0, NO_LABEL_CATEGORY]]);
  const result: string[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const mask = masks[i]!;
    let category = cache.get(mask);
    if (category === undefined) cache.set(mask, (category = categoryOf(labels.filter((_, j) => (mask & (1 << j)) !== 0))));
    result[i] = category;
  }
  return result;
}

function categoriesByList(tokens: readonly Token[], annotations: readonly Annotation[]): string[] {
  const sets: Array<string[] | undefined> = new Array(tokens.length);
  for (const x of annotations) {
    const [first, last] = overlappingTokens(tokens, x.start, x.end);
    for (let i = first; i < last; i++) (sets[i] ??= []).push(x.labelId);
  }
  const cache = new Map<string, string>();
  const result: string[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const labels = sets[i];
    if (!labels) {
      result[i] = NO_LABEL_CATEGORY;
      continue;
    }
    const raw = labels.join('\u0000');
    let category = cache.get(raw);
    if (category === undefined) cache.set(raw, (category = categoryOf(labels)));
    result[i] = category;
  }
  return result;
}

/** Code-unit order, the same in every locale (and the same as Python's default string order for BMP text). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
