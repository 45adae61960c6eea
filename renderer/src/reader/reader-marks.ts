/**
 * The reader's drawn layers, built once at module level as CodeMirror's
 * decoration example does: the analyst's own marks (filled), other layers'
 * marks (outlined), search matches, the current match and the region under
 * review. Each is a field with the effects that change it.
 */
import { OWN_LAYER_ID, type Annotation, type AnnotationLayer } from '../../../annotations/model';
import { annotationMarks, type MarkSpan } from './annotation-marks';
import { spanHighlight } from './span-highlight';

/** The analyst's own marks. */
export const ownMarks = annotationMarks({ layerStyles: { [OWN_LAYER_ID]: 'fill' } });
/** Marks of the other layers drawn beside the analyst's own. */
export const overlayMarks = annotationMarks({ defaultStyle: 'outline' });
/** Every search match. */
export const searchMatches = spanHighlight('cm-parley-match');
/** The current search match. */
export const currentMatch = spanHighlight('cm-parley-match-current');
/** The region under review. */
export const reviewRegion = spanHighlight('cm-parley-region');

/** An own annotation as a mark. */
export function ownMark(a: Annotation): MarkSpan {
  return { start: a.start, end: a.end, labelId: a.labelId, layer: OWN_LAYER_ID };
}

/** Every annotation of some layers, as marks. */
export function layerMarks(layers: readonly AnnotationLayer[]): MarkSpan[] {
  return layers.flatMap((l) => l.annotations.map((a) => ({ start: a.start, end: a.end, labelId: a.labelId, layer: l.id })));
}

/** True when two lists of marks draw the same thing (every view arrives as new objects, so identity says nothing). */
export function sameMarks(a: readonly MarkSpan[], b: readonly MarkSpan[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.start !== y.start || x.end !== y.end || x.labelId !== y.labelId || x.layer !== y.layer) return false;
  }
  return true;
}

/** Annotations covering the character at `index`, innermost first. O(n), only on clicks and hovers. */
export function annotationsAt(annotations: readonly Annotation[], index: number): Annotation[] {
  const found: Annotation[] = [];
  for (const a of annotations) {
    if (a.start > index) break;
    if (a.end > index) found.push(a);
  }
  return found.sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** True when `annotations` (sorted by start, as `ownAnnotations` holds them) has one on exactly `start`–`end` with `labelId`; a binary search, so a key press does not scan 20,000 annotations. */
export function hasTag(annotations: readonly Annotation[], start: number, end: number, labelId: string): boolean {
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (annotations[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < annotations.length && annotations[i]!.start === start; i++) {
    const a = annotations[i]!;
    if (a.end === end && a.labelId === labelId) return true;
  }
  return false;
}
