import { describe, expect, it } from 'vitest';
import { applyPatch, diffState, PatchMismatchError } from './journal-patch';

/** Applies the diff of `before` → `after` to a JSON copy of `before`, as replay does. */
const replay = (before: unknown, after: unknown) => applyPatch(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(diffState(before, after))));

describe('journal patches', () => {
  it('records only the path a change touched, sharing the rest', () => {
    const annotations = Array.from({ length: 1000 }, (_, i) => ({ id: `ann_${i}`, quote: '통일부 🇰🇷\r\n' }));
    const before = { layers: [{ id: 'own', annotations }], updatedAt: 'a' };
    const added = { id: 'ann_new', quote: 'Seoul' };
    const after = { ...before, layers: [{ ...before.layers[0]!, annotations: [...annotations.slice(0, 500), added, ...annotations.slice(500)] }], updatedAt: 'b' };
    const ops = diffState(before, after);
    expect(ops).toEqual([
      { op: 'splice', path: ['layers', 0, 'annotations'], at: 500, remove: 0, items: [added] },
      { op: 'set', path: ['updatedAt'], value: 'b' },
    ]);
    expect(replay(before, after)).toEqual(after);
  });

  it('drops the oldest undo step, pushes a new one and clears redo in three small operations, not a copy of the history', () => {
    const steps = Array.from({ length: 200 }, (_, i) => ({ label: `step ${i}` }));
    const before = { history: { undo: steps, redo: [{ label: 'x' }] } };
    const after = { history: { undo: [...steps.slice(1), { label: 'new' }], redo: [] } };
    const ops = diffState(before, after);
    expect(ops.map((o) => o.op)).toEqual(['splice', 'splice', 'splice']);
    expect(JSON.stringify(ops).length).toBeLessThan(300);
    expect(replay(before, after)).toEqual(after);
  });

  it('removes keys whose value became undefined and replaces changed values', () => {
    const before = { document: { title: 'A', metadata: { outlet: 'Yonhap' } }, status: 'new' };
    const after = { document: { title: 'B', metadata: undefined }, status: 'done' };
    expect(replay(before, after)).toEqual({ document: { title: 'B' }, status: 'done' });
  });

  it('refuses a patch that does not fit the state it is applied to', () => {
    const ops = diffState({ layers: [{ annotations: [1, 2, 3] }] }, { layers: [{ annotations: [1, 3] }] });
    expect(() => applyPatch({ layers: [] }, ops)).toThrow(PatchMismatchError);
    expect(() => applyPatch({ layers: [{ annotations: [] }] }, ops)).toThrow(/has 0 items/);
  });
});
