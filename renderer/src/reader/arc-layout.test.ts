import { describe, expect, it } from 'vitest';
import { layoutArcs, piecesCross, type ArcBox, type ArcInput, type ArcPiece } from './arc-layout';

const ROWS = { left: 0, right: 800 };

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function crossings(pieces: readonly ArcPiece[]): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (let i = 0; i < pieces.length; i++) for (let j = i + 1; j < pieces.length; j++) if (piecesCross(pieces[i]!, pieces[j]!)) found.push([pieces[i]!.id, pieces[j]!.id]);
  return found;
}

/** Disjoint spans of random widths along one row. */
function spansOnRow(rand: () => number, n: number, row: number): ArcBox[] {
  const boxes: ArcBox[] = [];
  let x = 4;
  for (let i = 0; i < n; i++) {
    const width = 20 + Math.floor(rand() * 90);
    boxes.push({ left: x, right: x + width, row });
    x += width + 6 + Math.floor(rand() * 30);
  }
  return boxes;
}

describe('layoutArcs', () => {
  it('lays out a statement without crossings: the date arc arches over the actor arc sharing the position', () => {
    // "On 22 June 2021 Noh Kyu-duk proposed ending the working group."
    const date = { left: 20, right: 110, row: 40 };
    const actor = { left: 115, right: 205, row: 40 };
    const position = { left: 210, right: 330, row: 40 };
    const body = { left: 335, right: 460, row: 40 };
    const pieces = layoutArcs(
      [
        { id: 'holds', source: actor, target: position },
        { id: 'toward', source: position, target: body },
        { id: 'when', source: position, target: date },
      ],
      ROWS,
    );
    const level = Object.fromEntries(pieces.map((p) => [p.id, p.level]));
    expect(level).toEqual({ holds: 0, toward: 0, when: 1 });
    expect(crossings(pieces)).toEqual([]);
    // Each end stays on its own span, and the three ends on the position are distinct points.
    const onPosition = pieces.flatMap((p) => [p.left === 'edge' ? null : p.x1, p.right === 'edge' ? null : p.x2]).filter((x): x is number => x !== null && x > position.left && x < position.right);
    expect(new Set(onPosition).size).toBe(3);
    const when = pieces.find((p) => p.id === 'when')!;
    expect([when.left, when.right]).toEqual(['target', 'source']);
  });

  it('never crosses well-nested arcs, whatever their spans, order and shared ends', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(seed);
      const boxes = spansOnRow(rand, 3 + Math.floor(rand() * 8), 100);
      const pairs: Array<[number, number]> = [];
      for (let tries = 0; tries < 20; tries++) {
        const a = Math.floor(rand() * boxes.length);
        const b = Math.floor(rand() * boxes.length);
        if (a === b) continue;
        const [i, j] = a < b ? [a, b] : [b, a];
        // Keep only pairs that do not interleave (those cannot be drawn without crossing).
        const interleaves = ([x, y]: [number, number]) => {
          const [k, l] = x < y ? [x, y] : [y, x];
          return (i < k && k < j && j < l) || (k < i && i < l && l < j);
        };
        if (pairs.some(interleaves)) continue;
        pairs.push(rand() < 0.5 ? [i, j] : [j, i]);
      }
      const arcs: ArcInput[] = pairs.map(([s, t], n) => ({ id: `r${n}`, source: boxes[s]!, target: boxes[t]! }));
      const pieces = layoutArcs(arcs, ROWS);
      expect(pieces).toHaveLength(arcs.length);
      expect(crossings(pieces), `seed ${seed}`).toEqual([]);
      // The same input gives the same layout.
      expect(layoutArcs(arcs, ROWS)).toEqual(pieces);
    }
  });

  it('puts shorter arcs below longer ones that span them', () => {
    const boxes = spansOnRow(random(7), 5, 0);
    const pieces = layoutArcs(
      [
        { id: 'long', source: boxes[0]!, target: boxes[4]! },
        { id: 'mid', source: boxes[1]!, target: boxes[3]! },
        { id: 'short', source: boxes[2]!, target: boxes[3]! },
      ],
      ROWS,
    );
    const level = Object.fromEntries(pieces.map((p) => [p.id, p.level]));
    expect(level.short).toBeLessThan(level.mid!);
    expect(level.mid).toBeLessThan(level.long!);
  });

  it('nests two relations between the same two spans instead of crossing them', () => {
    const a = { left: 10, right: 90, row: 0 };
    const b = { left: 200, right: 300, row: 0 };
    for (const [first, second] of [
      [a, b],
      [b, a],
    ] as const) {
      const pieces = layoutArcs(
        [
          { id: 'holds', source: first, target: second },
          { id: 'member-of', source: first, target: second },
        ],
        ROWS,
      );
      expect(crossings(pieces)).toEqual([]);
      expect(new Set(pieces.map((p) => p.level))).toEqual(new Set([0, 1]));
    }
  });

  it('draws an arc across rows as two half-arcs running to the row edges', () => {
    const source = { left: 600, right: 700, row: 20 };
    const target = { left: 30, right: 90, row: 60 };
    const pieces = layoutArcs([{ id: 'r', source, target }], ROWS);
    expect(pieces).toEqual([
      { id: 'r', row: 20, x1: 650, x2: 800, left: 'source', right: 'edge', level: 0 },
      { id: 'r', row: 60, x1: 0, x2: 60, left: 'edge', right: 'target', level: 0 },
    ]);
    // Pointing backwards (target on the earlier row), the earlier end still runs right.
    const back = layoutArcs([{ id: 'r', source: target, target: source }], ROWS);
    expect(back.map((p) => [p.row, p.left, p.right])).toEqual([
      [60, 'edge', 'source'],
      [20, 'target', 'edge'],
    ]);
  });

  it('draws only the visible half of an arc whose other end is out of view', () => {
    const box = { left: 100, right: 160, row: 0 };
    expect(layoutArcs([{ id: 'r', source: box, target: 'after' }], ROWS)).toEqual([{ id: 'r', row: 0, x1: 130, x2: 800, left: 'source', right: 'edge', level: 0 }]);
    expect(layoutArcs([{ id: 'r', source: 'before', target: box }], ROWS)).toEqual([{ id: 'r', row: 0, x1: 0, x2: 130, left: 'edge', right: 'target', level: 0 }]);
    expect(layoutArcs([{ id: 'r', source: 'before', target: 'after' }], ROWS)).toEqual([]);
  });

  it('lifts a half-arc over the arcs it passes on its row', () => {
    const boxes = spansOnRow(random(3), 4, 0);
    const pieces = layoutArcs(
      [
        { id: 'inner', source: boxes[2]!, target: boxes[3]! },
        { id: 'out', source: boxes[1]!, target: 'after' },
      ],
      ROWS,
    );
    expect(crossings(pieces)).toEqual([]);
    expect(pieces.find((p) => p.id === 'out')!.level).toBe(1);
  });
});
