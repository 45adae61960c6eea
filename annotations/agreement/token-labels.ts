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
import type { SpanTokenRanges } from './tokens';

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

/**
 * Numbers for categories, shared by every document of one report so that
 * tokens are compared as integers: `names[n]` is the category numbered n, and
 * the category of no label is always 0.
 */
export class CategoryCodes {
  readonly names: string[] = [NO_LABEL_CATEGORY];
  private readonly numbers = new Map<string, number>([[NO_LABEL_CATEGORY, 0]]);
  /** For a list of labels (joined by U+0000), the number of each bit mask over them met so far, −1 for none yet. */
  private readonly maskCodes = new Map<string, Int32Array>();

  /** The numbers of the bit masks over `labels` (at most 12), kept for the next annotator with the same labels. */
  maskCodesOf(labels: readonly string[]): Int32Array {
    const key = labels.join('\u0000');
    let codes = this.maskCodes.get(key);
    if (!codes) this.maskCodes.set(key, (codes = new Int32Array(1 << labels.length).fill(-1)));
    return codes;
  }

  /** The number of `category`, given one the first time it is seen. */
  code(category: string): number {
    let n = this.numbers.get(category);
    if (n === undefined) {
      n = this.names.length;
      this.numbers.set(category, n);
      this.names.push(category);
    }
    return n;
  }
}

/**
 * The category of each of `tokenCount` tokens, as its number in `codes`,
 * given one annotator's annotations on the text and the tokens each covers.
 */
export function codedTokenCategories(tokenCount: number, annotations: readonly Annotation[], ranges: SpanTokenRanges, codes: CategoryCodes): Int32Array {
  const labels = [...new Set(annotations.map((x) => x.labelId))];
  return labels.length <= MASK_LABELS ? categoriesByMask(tokenCount, annotations, ranges, labels, codes) : categoriesByList(tokenCount, annotations, ranges, codes);
}

/** Labels up to this many are tracked per token as bits of one integer. */
const MASK_LABELS = 30;

/** Labels up to this many have every bit mask's category number in an array; more in a map. */
const MASK_ARRAY_LABELS = 12;

/** `codedTokenCategories` with each token's set of labels as a bit mask: no list per token. */
function categoriesByMask(tokenCount: number, annotations: readonly Annotation[], ranges: SpanTokenRanges, labels: readonly string[], codes: CategoryCodes): Int32Array {
  const bit = new Map(labels.map((l, i) => [l, 1 << i]));
  const masks = new Int32Array(tokenCount);
  for (let k = 0; k < annotations.length; k++) {
    const b = bit.get(annotations[k]!.labelId)!;
    for (let i = ranges.first[k]!, last = ranges.last[k]!; i < last; i++) masks[i]! |= b;
  }
  const codeOfMask = (mask: number) => codes.code(categoryOf(labels.filter((_, j) => (mask & (1 << j)) !== 0)));
  // `masks` becomes the result: each mask replaced by its category's number.
  if (labels.length <= MASK_ARRAY_LABELS) {
    const byMask = codes.maskCodesOf(labels);
    for (let i = 0; i < tokenCount; i++) {
      const mask = masks[i]!;
      let n = byMask[mask]!;
      if (n < 0) byMask[mask] = n = codeOfMask(mask);
      masks[i] = n;
    }
    return masks;
  }
  const byMask = new Map<number, number>();
  for (let i = 0; i < tokenCount; i++) {
    const mask = masks[i]!;
    let n = byMask.get(mask);
    if (n === undefined) byMask.set(mask, (n = codeOfMask(mask)));
    masks[i] = n;
  }
  return masks;
}

function categoriesByList(tokenCount: number, annotations: readonly Annotation[], ranges: SpanTokenRanges, codes: CategoryCodes): Int32Array {
  const sets: Array<string[] | undefined> = new Array(tokenCount);
  for (let k = 0; k < annotations.length; k++) {
    for (let i = ranges.first[k]!, last = ranges.last[k]!; i < last; i++) (sets[i] ??= []).push(annotations[k]!.labelId);
  }
  const byList = new Map<string, number>();
  const result = new Int32Array(tokenCount);
  for (let i = 0; i < tokenCount; i++) {
    const labels = sets[i];
    if (!labels) continue; // 0: no label
    const raw = labels.join('\u0000');
    let n = byList.get(raw);
    if (n === undefined) byList.set(raw, (n = codes.code(categoryOf(labels))));
    result[i] = n;
  }
  return result;
}

/** Code-unit order, the same in every locale (and the same as Python's default string order for BMP text). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
