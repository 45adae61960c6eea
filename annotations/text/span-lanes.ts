/**
 * Lanes for drawing overlapping spans: each span gets the lowest lane number
 * not used by any span it overlaps, so that spans sharing characters never
 * share a lane. A reader draws each lane at its own depth (for example its own
 * underline offset), which keeps nested and crossing spans distinguishable.
 */
import type { TextSpan } from './word-boundaries';

/** True if two half-open spans share at least one character. */
export function spansOverlap(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Assigns lanes to spans given in reading order (by start, longer first), in
 * one pass. An enclosing span always gets a lower lane than the spans nested
 * in it. Returns one lane per span, in the same order. Spans out of order get
 * valid but possibly more lanes than needed.
 */
export function assignLanes(spans: readonly TextSpan[]): number[] {
  const laneEnds: number[] = [];
  const lanes = new Array<number>(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    let lane = 0;
    while (lane < laneEnds.length && laneEnds[lane]! > span.start) lane++;
    laneEnds[lane] = Math.max(laneEnds[lane] ?? 0, span.end);
    lanes[i] = lane;
  }
  return lanes;
}

/** The lowest lane not used by any of `placed` that overlaps `span`. */
export function freeLane(span: TextSpan, placed: Iterable<TextSpan & { lane: number }>): number {
  const used = new Set<number>();
  for (const other of placed) if (spansOverlap(span, other)) used.add(other.lane);
  let lane = 0;
  while (used.has(lane)) lane++;
  return lane;
}
