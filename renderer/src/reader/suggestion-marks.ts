/**
 * Suggestions drawn as ghost marks: a dashed outline over a transparent
 * background in the label's colour, never a filled tag, so a suggestion is
 * never mistaken for an annotation. One StateField of decorations, set by one
 * effect with the document's suggestions; another effect picks the focused
 * one (drawn stronger and scrolled into view). Nothing here reaches the
 * store: the side panel (`suggest/suggestion-panel.tsx`) accepts and rejects,
 * also for the keys and clicks in the text (`suggestion-commands.ts`).
 */
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { Suggestion } from '../../../annotations/suggest/suggestion';

/** What the marks need of a suggestion, and its label's colour. */
export interface GhostMark {
  id: string;
  start: number;
  end: number;
  source: string;
  labelId: string;
  labelName: string;
  color: string;
}

/** Replaces the drawn suggestions (any order). */
export const setGhostMarks = StateEffect.define<readonly GhostMark[]>();
/** Marks one suggestion as focused (by id), or none. */
export const focusGhostMark = StateEffect.define<string | null>();

interface GhostState {
  marks: readonly GhostMark[];
  focused: string | null;
  decorations: DecorationSet;
}

/**
 * The marks drawn: at most one over any character, the first in reading order
 * (the longer where two start together), and always the focused one. A
 * document can have thousands of overlapping suggestions (an analyst's tags of
 * common words elsewhere in the library); drawing every outline nested each
 * word in dozens of elements, and a tag then took over a second to paint. The
 * others stay listed in the panel and within reach of y and n at the cursor.
 */
export function drawnOnce(marks: readonly GhostMark[], focused: string | null, length: number): GhostMark[] {
  const inText = marks.filter((m) => m.start < m.end && m.end <= length).sort((a, b) => a.start - b.start || b.end - a.end);
  const drawn: GhostMark[] = [];
  let reached = 0;
  for (const m of inText) {
    if (m.start < reached && m.id !== focused) continue;
    drawn.push(m);
    reached = Math.max(reached, m.end);
  }
  return drawn;
}

function build(marks: readonly GhostMark[], focused: string | null, length: number): DecorationSet {
  const ranges = drawnOnce(marks, focused, length)
    .map((m) =>
      Decoration.mark({
        class: m.id === focused ? 'cm-suggestion cm-suggestion-focused' : 'cm-suggestion',
        attributes: { 'data-suggestion-id': m.id, 'data-source': m.source, style: `--suggestion-color: ${m.color}`, title: `Suggested ${m.labelName} (${m.source})` },
      }).range(m.start, m.end),
    );
  return Decoration.set(ranges, true);
}

const ghostField = StateField.define<GhostState>({
  create: () => ({ marks: [], focused: null, decorations: Decoration.none }),
  update(value, tr) {
    let next = tr.docChanged ? { ...value, decorations: value.decorations.map(tr.changes) } : value;
    for (const effect of tr.effects) {
      if (effect.is(setGhostMarks)) next = { ...next, marks: effect.value };
      else if (effect.is(focusGhostMark)) next = { ...next, focused: effect.value };
      else continue;
      next = { ...next, decorations: build(next.marks, next.focused, tr.state.doc.length) };
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f, (s) => s.decorations),
});

const ghostTheme = EditorView.baseTheme({
  '.cm-suggestion': {
    outline: '1.5px dashed var(--suggestion-color, #6b7280)',
    outlineOffset: '1px',
    backgroundColor: 'transparent',
    borderRadius: '2px',
  },
  '.cm-suggestion-focused': {
    outlineStyle: 'solid',
    outlineWidth: '2px',
    backgroundColor: 'color-mix(in srgb, var(--suggestion-color, #6b7280) 12%, transparent)',
  },
});

/** The ghost marks' extension: add it once (or `ensureGhostMarks` on a running view). */
export function ghostMarks(): Extension {
  return [ghostField, ghostTheme];
}

/** True when the state draws ghost marks. */
export function hasGhostMarks(state: EditorState): boolean {
  return state.field(ghostField, false) !== undefined;
}

/** The ghost marks drawn now, for tests and the panel. */
export function drawnGhostMarks(state: EditorState): readonly GhostMark[] {
  return state.field(ghostField, false)?.marks ?? [];
}

/** The drawn decorations as [from, to, class], in text order: what the view shows. */
export function ghostDecorationRanges(state: EditorState): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  state.field(ghostField, false)?.decorations.between(0, state.doc.length, (from, to, d) => {
    out.push([from, to, String(d.spec.class)]);
  });
  return out;
}

/** The focused suggestion's id, or null. */
export function focusedGhostMark(state: EditorState): string | null {
  return state.field(ghostField, false)?.focused ?? null;
}

/** Adds the extension to a running view if it lacks it, so a panel can bring its marks without touching the reader's extension list. */
export function ensureGhostMarks(view: EditorView): void {
  if (!hasGhostMarks(view.state)) view.dispatch({ effects: StateEffect.appendConfig.of(ghostMarks()) });
}

/** Ghost marks for suggestions, coloured by label (`colors` by label id; grey when unknown). */
export function ghostMarksOf(suggestions: readonly Suggestion[], labels: ReadonlyArray<{ id: string; name: string; color: string }>): GhostMark[] {
  return suggestions.map((s) => {
    const label = labels.find((l) => l.id === s.labelId);
    return { id: s.id, start: s.start, end: s.end, source: s.source, labelId: s.labelId, labelName: label?.name ?? s.labelId, color: label?.color ?? '#6b7280' };
  });
}
