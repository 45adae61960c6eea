import { describe, expect, it } from 'vitest';
import { diffAnnotations } from './annotation-diff';

const a = { id: 'a', start: 0, end: 5, labelId: 'actor', note: 'x' };
const b = { id: 'b', start: 10, end: 15, labelId: 'date' };
const c = { id: 'c', start: 20, end: 25, labelId: 'position' };

describe('diffAnnotations', () => {
  it('finds added and removed annotations by id', () => {
    expect(diffAnnotations([a, b], [b, c])).toEqual({ removed: [a], added: [c] });
  });

  it('reports a relabelled annotation as removed and added', () => {
    const relabelled = { ...b, labelId: 'actor' };
    expect(diffAnnotations([a, b], [a, relabelled])).toEqual({ removed: [b], added: [relabelled] });
  });

  it('ignores a change to the note alone', () => {
    expect(diffAnnotations([a], [{ ...a, note: 'changed' }])).toEqual({ removed: [], added: [] });
  });

  it('finds one insertion and one removal in long lists that share a prefix and suffix', () => {
    const list = Array.from({ length: 1000 }, (_, i) => ({ id: `n${i}`, start: i * 10, end: i * 10 + 5, labelId: 'actor' }));
    const inserted = { id: 'new', start: 5001, end: 5003, labelId: 'date' };
    const next = [...list.slice(0, 500), inserted, ...list.slice(501)];
    expect(diffAnnotations(list, next)).toEqual({ removed: [list[500]], added: [inserted] });
  });

  it('finds annotations that moved within the list', () => {
    expect(diffAnnotations([a, b, c], [c, a, b])).toEqual({ removed: [], added: [] });
  });

  it('is empty for the same list', () => {
    const list = [a, b];
    expect(diffAnnotations(list, list)).toEqual({ removed: [], added: [] });
  });
});
