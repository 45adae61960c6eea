import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze';

interface State {
  layers: Array<{ id: string; annotations: Array<{ id: string; quote: { exact: string } }> }>;
  history: { undo: string[] };
  when?: Date;
}

function state(): State {
  return {
    layers: [
      { id: 'own', annotations: [{ id: 'a', quote: { exact: 'Seoul' } }, { id: 'b', quote: { exact: '서울' } }] },
      { id: 'reconciled', annotations: [] },
    ],
    history: { undo: ['Tag'] },
  };
}

describe('deepFreeze', () => {
  it('freezes every array and plain object a state holds', () => {
    const frozen = deepFreeze(state());
    expect(Object.isFrozen(frozen)).toBe(true);
    expect(Object.isFrozen(frozen.layers)).toBe(true);
    expect(Object.isFrozen(frozen.layers[0]!.annotations[1]!.quote)).toBe(true);
    expect(Object.isFrozen(frozen.history.undo)).toBe(true);
    expect(() => frozen.history.undo.push('Delete')).toThrow(TypeError);
  });

  it('freezes what a new state adds beside the parts it shares with the frozen state before it', () => {
    const before = deepFreeze(state());
    const own = before.layers[0]!;
    const added = { id: 'c', quote: { exact: '🇺🇸 Washington' } };
    // A tag: a new own layer with one annotation inserted in the middle, the other layer shared.
    const next: State = { ...before, layers: [{ ...own, annotations: [own.annotations[0]!, added, own.annotations[1]!] }, before.layers[1]!], history: { undo: [...before.history.undo, 'Tag'] } };
    deepFreeze(next, before);
    expect(Object.isFrozen(next.layers[0]!.annotations)).toBe(true);
    expect(Object.isFrozen(added.quote)).toBe(true);
    expect(Object.isFrozen(next.history.undo)).toBe(true);
    // An item replaced at its place in a list of the same length is walked too.
    const replaced: State = { ...next, layers: [next.layers[0]!, { id: 'reconciled', annotations: [{ id: 'd', quote: { exact: 'met\r\n' } }] }] };
    deepFreeze(replaced, next);
    expect(Object.isFrozen(replaced.layers[1]!.annotations[0]!.quote)).toBe(true);
  });

  it('ends on a structure that holds itself and leaves objects that are not plain data alone', () => {
    const loop: { self?: unknown; when: Date; list: unknown[] } = { when: new Date(0), list: [] };
    loop.self = loop;
    loop.list.push(loop);
    deepFreeze(loop);
    expect(Object.isFrozen(loop)).toBe(true);
    expect(Object.isFrozen(loop.list)).toBe(true);
    expect(Object.isFrozen(loop.when)).toBe(false);
  });
});
