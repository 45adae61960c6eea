import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { annotationMarks, DRAWN_LANES, markLabels, type MarkSpan } from './annotation-marks';

const LABELS = markLabels([
  { id: 'actor', name: 'Actor', color: '#2563eb' },
  { id: 'date', name: 'Date', color: '#db2777' },
]);

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const key = (m: { start: number; end: number; labelId: string; layer: string }) => `${m.start}:${m.end}:${m.labelId}:${m.layer}`;

/** Checks what the field holds against the spans it was given. */
function check(state: EditorState, marks: ReturnType<typeof annotationMarks>, spans: readonly MarkSpan[]): void {
  const all = marks.allMarks(state);
  expect(all.map(key).sort()).toEqual(spans.map(key).sort());
  // Marks that share a character never share a lane.
  let clashes = 0;
  for (const a of all) for (const b of all) if (a !== b && a.start < b.end && b.start < a.end && a.lane === b.lane) clashes++;
  expect(clashes).toBe(0);
  const value = state.field(marks.field);
  const drawn: string[] = [];
  value.drawn.between(0, state.doc.length, (from, to, d) => void drawn.push(`${key({ start: from, end: to, ...(d.spec as { labelId: string; layer: string }) })}#${(d.spec as { lane: number }).lane}`));
  expect(drawn.sort()).toEqual(all.filter((m) => m.shown).map((m) => `${key(m)}#${m.lane}`).sort());
  const bars: number[] = [];
  value.more.between(0, state.doc.length, (from) => void bars.push(from));
  expect(bars.sort((a, b) => a - b)).toEqual(all.filter((m) => !m.shown).map((m) => state.doc.lineAt(m.start).from).sort((a, b) => a - b));
}

describe('annotationMarks', () => {
  it('draws the first lanes of densely overlapping spans and bars the lines of deeper ones; a new mark is always drawn', () => {
    const text = 'Seoul and Washington agreed to revive the working group.\n'.repeat(6);
    const rand = random(11);
    const pick = (n: number) => Math.floor(rand() * n);
    const span = (): MarkSpan => {
      const start = pick(text.length - 12);
      return { start, end: start + 1 + pick(10), labelId: rand() < 0.5 ? 'actor' : 'date', layer: 'own' };
    };
    const marks = annotationMarks();
    let spans: MarkSpan[] = Array.from({ length: 300 }, span);
    let state = EditorState.create({ doc: text, extensions: marks.extension });
    state = state.update({ effects: marks.replace.of({ spans, labels: LABELS }) }).state;
    const opened = marks.allMarks(state);
    expect(opened.some((m) => m.lane >= DRAWN_LANES)).toBe(true);
    expect(opened.every((m) => m.shown === m.lane < DRAWN_LANES)).toBe(true);
    check(state, marks, spans);
    for (let step = 0; step < 150; step++) {
      const remove = spans.length > 0 && rand() < 0.5 ? [spans[pick(spans.length)]!] : [];
      const add = Array.from({ length: pick(3) }, span);
      state = state.update({ effects: marks.change.of({ remove, add }) }).state;
      for (const a of add) expect(marks.marksAt(state, a.start).some((m) => key(m) === key(a) && m.shown)).toBe(true);
      const gone = new Set(remove);
      spans = [...spans.filter((s) => !gone.has(s)), ...add];
      check(state, marks, spans);
    }
  });
});

describe('mark decorations', () => {
  /** The decoration of each mark, by span and label, as the field holds it. */
  function decorationsOf(state: EditorState, marks: ReturnType<typeof annotationMarks>): Map<string, { spec: Record<string, unknown> }> {
    const found = new Map<string, { spec: Record<string, unknown> }>();
    state.field(marks.field).decorations.between(0, state.doc.length, (from, to, d) => void found.set(`${from}:${to}:${(d.spec as { labelId: string }).labelId}:${(d.spec as { layer: string }).layer}`, d));
    return found;
  }

  it('are shared by marks drawn alike, and new ones come with a label look, a layer style, a lane or an unknown label of their own', () => {
    const text = 'Seoul and Washington agreed.\r\n한국 🇰🇷 and the allies.';
    const own = annotationMarks({ layerStyles: { own: 'fill' } });
    const overlay = annotationMarks({ defaultStyle: 'outline' });
    const spans: MarkSpan[] = [
      { start: 0, end: 5, labelId: 'actor', layer: 'own' },
      { start: 10, end: 20, labelId: 'actor', layer: 'own' },
      { start: 30, end: 32, labelId: 'actor', layer: 'own' },
      { start: 10, end: 27, labelId: 'actor', layer: 'own' },
      { start: 36, end: 40, labelId: 'ghost', layer: 'own' },
      { start: 41, end: 47, labelId: 'ghost2', layer: 'own' },
      { start: 0, end: 5, labelId: 'actor', layer: 'colleague:kim' },
    ];
    let state = EditorState.create({ doc: text, extensions: [own.extension, overlay.extension] });
    state = state.update({ effects: [own.replace.of({ spans, labels: LABELS }), overlay.replace.of({ spans, labels: LABELS })] }).state;
    const d = decorationsOf(state, own);
    const at = (k: string) => d.get(k)!;
    // Same label, layer and lane (0: the span around 10–20 takes it there): one object.
    expect(at('0:5:actor:own')).toBe(at('30:32:actor:own'));
    expect(at('0:5:actor:own')).toBe(at('10:27:actor:own'));
    // Another lane (10–20, inside 10–27), another layer, another style: each its own.
    expect(at('10:20:actor:own')).not.toBe(at('10:27:actor:own'));
    expect(at('10:20:actor:own').spec.lane).toBe(1);
    expect(at('0:5:actor:colleague:kim')).not.toBe(at('0:5:actor:own'));
    expect(decorationsOf(state, overlay).get('0:5:actor:own')).not.toBe(at('0:5:actor:own'));
    // Unknown labels share the fallback look but keep their own ids.
    expect(at('36:40:ghost:own').spec.attributes).toMatchObject({ 'data-label': 'ghost' });
    expect(at('41:47:ghost2:own').spec.attributes).toMatchObject({ 'data-label': 'ghost2' });

    // A label given a new colour is drawn with it.
    const recoloured = markLabels([
      { id: 'actor', name: 'Actor', color: '#16a34a' },
      { id: 'date', name: 'Date', color: '#db2777' },
    ]);
    state = state.update({ effects: own.replace.of({ spans, labels: recoloured }) }).state;
    expect(decorationsOf(state, own).get('0:5:actor:own')!.spec.attributes).toMatchObject({ style: '--parley-label: #16a34a' });
  });
});
