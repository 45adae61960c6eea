import { describe, expect, it } from 'vitest';
import { assignLanes, freeLane, spansOverlap } from './span-lanes';

describe('assignLanes', () => {
  it('puts a nested span in a deeper lane than the span holding it', () => {
    // "Noh suggested terminating the working group" holding "the working group".
    expect(assignLanes([{ start: 0, end: 44 }, { start: 27, end: 44 }])).toEqual([0, 1]);
  });

  it('reuses lane zero for spans that only touch or do not overlap', () => {
    expect(assignLanes([{ start: 0, end: 5 }, { start: 5, end: 9 }, { start: 20, end: 30 }])).toEqual([0, 0, 0]);
  });

  it('gives crossing spans different lanes and frees lanes after they end', () => {
    const spans = [
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 12, end: 20 },
      { start: 16, end: 18 },
    ];
    expect(assignLanes(spans)).toEqual([0, 1, 0, 1]);
  });

  it('gives identical spans different lanes', () => {
    expect(assignLanes([{ start: 3, end: 8 }, { start: 3, end: 8 }, { start: 3, end: 8 }])).toEqual([0, 1, 2]);
  });
});

describe('freeLane', () => {
  it('picks the lowest lane unused by overlapping spans', () => {
    const placed = [
      { start: 0, end: 10, lane: 0 },
      { start: 2, end: 4, lane: 1 },
      { start: 20, end: 30, lane: 2 },
    ];
    expect(freeLane({ start: 3, end: 6 }, placed)).toBe(2);
    expect(freeLane({ start: 5, end: 6 }, placed)).toBe(1);
    expect(freeLane({ start: 10, end: 12 }, placed)).toBe(0);
  });
});

describe('spansOverlap', () => {
  it('counts shared characters, not shared edges', () => {
    expect(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 6 })).toBe(false);
    expect(spansOverlap({ start: 0, end: 5 }, { start: 4, end: 6 })).toBe(true);
  });
});
