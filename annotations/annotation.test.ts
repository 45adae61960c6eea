import { describe, expect, it } from 'vitest';
import { applyChange, createAnnotation, sortAnnotations } from './annotation';
import type { Annotation } from './model';

const TEXT = 'Seoul and Washington agreed on Tuesday to revive the working group on North Korea policy. '.repeat(4);

function annotation(id: string, start: number, end: number, labelId = 'actor'): Annotation {
  const made = createAnnotation(TEXT, { documentId: 'doc', start, end, labelId, author: 'a', now: '2026-01-01T00:00:00.000Z', id });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

/** A small PRNG so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('applyChange', () => {
  it('keeps a layer in reading order as annotations are added and removed, one or a few at a time', () => {
    const rand = random(7);
    const pick = (n: number) => Math.floor(rand() * n);
    let list: Annotation[] = [];
    let next = 0;
    for (let step = 0; step < 400; step++) {
      const removed = list.length > 0 && rand() < 0.4 ? [list[pick(list.length)]!] : [];
      // Some spans repeat, so ties on start and end are ordered by id.
      const added = Array.from({ length: pick(3) }, () => {
        const start = pick(40);
        return annotation(`ann_${String(next++).padStart(4, '0')}`, start, start + 1 + pick(5), rand() < 0.5 ? 'actor' : 'date');
      });
      const result = applyChange(list, { removed, added });
      if (!result.ok) throw new Error(result.error.message);
      const expected = sortAnnotations([...list.filter((a) => !removed.some((r) => r.id === a.id)), ...added]);
      expect(result.value.map((a) => a.id)).toEqual(expected.map((a) => a.id));
      list = result.value;
    }
    expect(list.length).toBeGreaterThan(50);
  });

  it('sorts a list that arrives out of order', () => {
    const b = annotation('ann_b', 10, 15);
    const a = annotation('ann_a', 0, 5);
    const result = applyChange([b, a], { removed: [], added: [annotation('ann_c', 3, 8)] });
    expect(result.ok && result.value.map((x) => x.id)).toEqual(['ann_a', 'ann_c', 'ann_b']);
  });

  it('refuses to remove an annotation that is not there, or to add an id that is, leaving the list as it was', () => {
    const a = annotation('ann_a', 0, 5);
    const list = [a];
    expect(applyChange(list, { removed: [annotation('ann_x', 0, 5)], added: [] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(applyChange(list, { removed: [a, a], added: [] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(applyChange(list, { removed: [], added: [annotation('ann_a', 6, 9)] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const twice = annotation('ann_b', 6, 9);
    expect(applyChange(list, { removed: [], added: [twice, twice] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(list).toEqual([a]);
    // Removing and adding the same id is an edit.
    const edited = applyChange(list, { removed: [a], added: [{ ...a, labelId: 'date' }] });
    expect(edited.ok && edited.value.map((x) => x.labelId)).toEqual(['date']);
  });
});
