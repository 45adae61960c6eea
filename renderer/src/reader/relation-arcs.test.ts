import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { relationArcs, type ArcSpec } from './relation-arcs';

const TEXT = 'On 22 June 2021 Noh Kyu-duk proposed ending the working group.';
const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
const HOLDS: ArcSpec = { id: 'r1', source: at('Noh Kyu-duk'), target: at('proposed ending'), color: '#2563eb', name: 'holds', directed: true };
const WHEN: ArcSpec = { id: 'r2', source: at('proposed ending'), target: at('22 June 2021'), color: '#db2777', name: 'when', directed: true };

function classes(state: EditorState): string {
  return state
    .facet(EditorView.editorAttributes)
    .map((a) => (typeof a === 'function' ? '' : (a.class ?? '')))
    .join(' ')
    .trim();
}

describe('relationArcs', () => {
  it('holds the arcs it is sent, shows and hides them, and gives lines room only while arcs are shown', () => {
    const arcs = relationArcs();
    let state = EditorState.create({ doc: TEXT, extensions: [arcs.extension] });
    expect(state.field(arcs.field)).toEqual({ arcs: [], shown: true });
    expect(classes(state)).toBe('');
    state = state.update({ effects: arcs.set.of([HOLDS, WHEN]) }).state;
    expect(state.field(arcs.field).arcs.map((a) => a.id)).toEqual(['r1', 'r2']);
    expect(classes(state)).toBe('cm-parley-with-arcs');
    state = state.update({ effects: arcs.show.of(false) }).state;
    expect(state.field(arcs.field).shown).toBe(false);
    expect(classes(state)).toBe('');
    state = state.update({ effects: [arcs.show.of(true), arcs.set.of([WHEN])] }).state;
    expect(state.field(arcs.field).arcs).toEqual([WHEN]);
    expect(classes(state)).toBe('cm-parley-with-arcs');
  });

  it('keeps arcs on their spans when text is inserted before, between or replaced around them (CRLF, Hangul, emoji)', () => {
    const arcs = relationArcs();
    let state = EditorState.create({ doc: TEXT, extensions: [arcs.extension] }).update({ effects: arcs.set.of([HOLDS, WHEN]) }).state;
    for (const insert of ['\r\n', '정동영 ', '🇰🇷 ']) {
      state = state.update({ changes: { from: 0, insert } }).state;
      const doc = state.doc.toString();
      const [holds, when] = state.field(arcs.field).arcs;
      expect(doc.slice(holds!.source.start, holds!.source.end)).toBe('Noh Kyu-duk');
      expect(doc.slice(holds!.target.start, holds!.target.end)).toBe('proposed ending');
      expect(doc.slice(when!.target.start, when!.target.end)).toBe('22 June 2021');
    }
    // A span whose text is deleted collapses to an empty span, never a reversed one.
    const gone = at('Noh Kyu-duk');
    const offset = state.doc.length - TEXT.length;
    state = state.update({ changes: { from: gone.start + offset - 1, to: gone.end + offset + 1 } }).state;
    const source = state.field(arcs.field).arcs[0]!.source;
    expect(source.end).toBeGreaterThanOrEqual(source.start);
  });
});

describe('relationArcs with a source', () => {
  it('recomputes the arcs when a value it follows changes, and only then', () => {
    let runs = 0;
    const follow = StateEffect.define<number>();
    const counter = StateField.define<number>({ create: () => 0, update: (v, tr) => tr.effects.reduce((n, e) => (e.is(follow) ? e.value : n), v) });
    const arcs = relationArcs({
      deps: [(s) => s.field(counter)],
      compute: (s) => {
        runs += 1;
        return s.field(counter) > 0 ? [HOLDS] : [];
      },
    });
    let state = EditorState.create({ doc: TEXT, extensions: [counter, arcs.extension] });
    expect([runs, state.field(arcs.field).arcs]).toEqual([1, []]);
    state = state.update({ selection: { anchor: 3 } }).state;
    expect(runs).toBe(1);
    state = state.update({ effects: follow.of(1) }).state;
    expect([runs, state.field(arcs.field).arcs]).toEqual([2, [HOLDS]]);
  });
});
