/**
 * The CodeMirror extension that draws annotations as marks.
 *
 * A `StateField<DecorationSet>` holds one mark per annotation. It is built in
 * one pass with a `RangeSetBuilder` when a document opens (`replace`) and then
 * changed incrementally (`change`): removals filter only the range they touch
 * and additions are merged into the existing set, so tagging one span never
 * rebuilds the other 20,000 marks. CodeMirror only renders the marks in the
 * visible viewport.
 *
 * How marks are drawn:
 * - Colour: a translucent fill (`fill` layers) and an underline in the label's
 *   colour; the text itself keeps the theme's foreground colour, so it stays
 *   legible in light and dark themes.
 * - Not colour alone: each label also has its own underline style (solid,
 *   dashed, dotted, double, wavy), and the hover card names the label.
 * - Overlap and nesting: every mark gets a lane, the lowest one not used by a
 *   mark it overlaps (an enclosing span gets a lower lane than the spans
 *   inside it). Each lane draws its underline further below the text, so a
 *   position holding an actor shows two separate underlines under the actor,
 *   and fills stack so that the inner span looks darker. Lanes past the fourth
 *   share the fourth offset.
 * - Dense overlap: when a document opens, marks in the first `DRAWN_LANES`
 *   lanes are drawn; a mark in a deeper lane (a word under more than four
 *   spans at once) is not drawn as a mark of its own, since every overlapping
 *   mark nests another element around each piece of text and thousands of
 *   them would stall the page. Instead its line gets a bar in the margin
 *   (`cm-parley-more`); clicking or hovering the text still lists every
 *   annotation there. A mark added afterwards (a new tag) is always drawn.
 * - Layers: each mark carries its layer id; `layerStyles` says how a layer is
 *   drawn. `fill` (the default, for one's own layer) tints the background;
 *   `outline` (for a colleague's layer in review) draws a dashed outline and
 *   underline without a fill, so both layers can be shown at once.
 *
 * Decorations are cached at module level per label appearance, layer style
 * and lane, so 20,000 marks share a handful of decoration objects. The field
 * never owns annotations: callers send what to draw and look up the rest.
 */
import { RangeSetBuilder, StateEffect, StateField, type EditorState, type Extension, type Range, type StateEffectType, type Text } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { diffAnnotations } from '../../../annotations/text/annotation-diff';
import { assignLanes, freeLane } from '../../../annotations/text/span-lanes';

export { diffAnnotations };

/** Underline styles given to labels in turn, so marks differ by more than colour. */
export const UNDERLINE_STYLES = ['solid', 'dashed', 'dotted', 'double', 'wavy'] as const;
/** One of the underline styles. */
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

/** How a layer's marks are drawn. */
export type LayerStyle = 'fill' | 'outline';

/** How one label looks. */
export interface MarkLabel {
  name: string;
  /** `#rrggbb`. */
  color: string;
  underline: UnderlineStyle;
}

/** One annotation to draw: where, which label, which layer. */
export interface MarkSpan {
  start: number;
  end: number;
  labelId: string;
  /** Layer id (`own`, `colleague:…`, `reconciled`). */
  layer: string;
}

/** A drawn mark, with the lane it was given. */
export interface PlacedMark extends MarkSpan {
  lane: number;
  /** Drawn as a mark; false for a mark too deep to draw, shown by a bar on its line. */
  shown: boolean;
}

/** Replaces every mark and the label appearances (opening a document, editing labels). */
export interface MarksReplace {
  spans: readonly MarkSpan[];
  labels: ReadonlyMap<string, MarkLabel>;
}

/** Removes and adds marks. A removal matches a mark by span, label and layer. */
export interface MarksChange {
  remove: readonly MarkSpan[];
  add: readonly MarkSpan[];
}

/** Options of one marks extension. */
export interface AnnotationMarksOptions {
  /** How each layer is drawn; layers not listed are drawn in `defaultStyle`. */
  layerStyles?: Readonly<Record<string, LayerStyle>>;
  /** How layers not in `layerStyles` are drawn (default `fill`). */
  defaultStyle?: LayerStyle;
}

/** What `annotationMarks` returns: the extension, its effects and queries. */
export interface AnnotationMarks {
  extension: Extension;
  /** Effect replacing every mark. */
  replace: StateEffectType<MarksReplace>;
  /** Effect adding and removing marks incrementally. */
  change: StateEffectType<MarksChange>;
  /** The marks covering the character at `index`, innermost (shortest) first. */
  marksAt(state: EditorState, index: number): PlacedMark[];
  /** Every mark, in document order (for tests and diagnostics; O(n)). */
  allMarks(state: EditorState): PlacedMark[];
  /** The lane a mark added at `span` would be given now (the lowest one no mark it overlaps uses). */
  laneFor(state: EditorState, span: Pick<MarkSpan, 'start' | 'end'>): number;
  /** The field itself, for callers that need to watch it. */
  field: StateField<MarksValue>;
}

/** The field's value: the marks and the label appearances they were drawn with. */
export interface MarksValue {
  /** Every mark, with its lane (what `marksAt` and `allMarks` read). */
  decorations: DecorationSet;
  /** What is drawn: the marks in lanes below `DRAWN_LANES`. */
  drawn: DecorationSet;
  /** Line decorations, one per mark too deep to draw. */
  more: DecorationSet;
  labels: ReadonlyMap<string, MarkLabel>;
}

interface MarkSpec {
  labelId: string;
  layer: string;
  lane: number;
  shown: boolean;
}

/** Lanes beyond this one share its underline offset. */
export const DEEPEST_DRAWN_LANE = 3;
/** Marks in this lane or deeper are shown by a bar on their line instead of a mark of their own. */
export const DRAWN_LANES = 4;
const moreLine = Decoration.line({ class: 'cm-parley-more' });

type Sets = Pick<MarksValue, 'decorations' | 'drawn' | 'more'>;
const FALLBACK_LABEL: MarkLabel = { name: 'Unknown label', color: '#6b7280', underline: 'solid' };

/**
 * Decorations by label appearance, label id, layer, then `lane`, `shown` and
 * style packed into one index: opening a document looks up 20,000 marks here,
 * and nested maps cost no string per mark. Appearances are new objects when
 * labels change, so the old ones' decorations go with them.
 */
const decorationCache = new WeakMap<MarkLabel, Map<string, Map<string, Decoration[]>>>();

function markDecoration(label: MarkLabel, labelId: string, layer: string, style: LayerStyle, lane: number, shown: boolean): Decoration {
  let byLabelId = decorationCache.get(label);
  if (!byLabelId) decorationCache.set(label, (byLabelId = new Map()));
  let byLayer = byLabelId.get(labelId);
  if (!byLayer) byLabelId.set(labelId, (byLayer = new Map()));
  let decorations = byLayer.get(layer);
  if (!decorations) byLayer.set(layer, (decorations = []));
  const index = lane * 4 + (shown ? 2 : 0) + (style === 'fill' ? 1 : 0);
  let decoration = decorations[index];
  if (!decoration) {
    const spec: MarkSpec = { labelId, layer, lane, shown };
    decoration = Decoration.mark({
      ...spec,
      class: `cm-parley-mark cm-parley-${style} cm-parley-u-${label.underline} cm-parley-lane-${Math.min(lane, DEEPEST_DRAWN_LANE)}`,
      attributes: { style: `--parley-label: ${label.color}`, 'data-label': labelId, 'data-layer': layer },
    });
    decorations[index] = decoration;
  }
  return decoration;
}

function specOf(decoration: Decoration): MarkSpec {
  return decoration.spec as MarkSpec;
}

function byReadingOrder(a: MarkSpan, b: MarkSpan): number {
  return a.start - b.start || b.end - a.end;
}

function spanKey(span: MarkSpan): string {
  return `${span.start}:${span.end}:${span.labelId}\u0000${span.layer}`;
}

/**
 * Builds the marks extension. Each call makes its own field and effects, so a
 * reader can hold two independent sets of marks if it needs to.
 */
export function annotationMarks(options: AnnotationMarksOptions = {}): AnnotationMarks {
  const layerStyles = options.layerStyles ?? {};
  const defaultStyle = options.defaultStyle ?? 'fill';
  const styleOf = (layer: string): LayerStyle => layerStyles[layer] ?? defaultStyle;
  const replace = StateEffect.define<MarksReplace>();
  const change = StateEffect.define<MarksChange>();

  const decorate = (labels: ReadonlyMap<string, MarkLabel>, span: MarkSpan, lane: number, shown: boolean): Range<Decoration> =>
    markDecoration(labels.get(span.labelId) ?? FALLBACK_LABEL, span.labelId, span.layer, styleOf(span.layer), lane, shown).range(span.start, span.end);

  const build = (spans: readonly MarkSpan[], labels: ReadonlyMap<string, MarkLabel>, doc: Text): Sets => {
    const sorted = spans.filter((s) => s.start < s.end && s.end <= doc.length).sort(byReadingOrder);
    const lanes = assignLanes(sorted);
    const all = new RangeSetBuilder<Decoration>();
    const drawn = new RangeSetBuilder<Decoration>();
    const more = new RangeSetBuilder<Decoration>();
    for (let i = 0; i < sorted.length; i++) {
      const shown = lanes[i]! < DRAWN_LANES;
      const { from, to, value } = decorate(labels, sorted[i]!, lanes[i]!, shown);
      all.add(from, to, value);
      if (shown) drawn.add(from, to, value);
      else {
        const line = doc.lineAt(from).from;
        more.add(line, line, moreLine);
      }
    }
    return { decorations: all.finish(), drawn: drawn.finish(), more: more.finish() };
  };

  /** Takes line bars out: `counts` says how many at each line start. */
  const removeBars = (more: DecorationSet, counts: Map<number, number>): DecorationSet => {
    if (counts.size === 0) return more;
    const lines = [...counts.keys()];
    return more.update({
      filterFrom: lines.reduce((least, n) => Math.min(least, n)),
      filterTo: lines.reduce((most, n) => Math.max(most, n)),
      filter: (from) => {
        const n = counts.get(from);
        if (!n) return true;
        counts.set(from, n - 1);
        return false;
      },
    });
  };

  const applyChange = (value: MarksValue, { remove, add }: MarksChange, doc: Text): Sets => {
    const length = doc.length;
    let set = value.decorations;
    let drawn = value.drawn;
    let more = value.more;
    /** Marks taken out of `set`, to take out of `drawn` (by span, label, layer and lane) or `more` too. */
    const taken: PlacedMark[] = [];
    const takeOutOfDrawn = (marks: readonly PlacedMark[], from: number, to: number) => {
      const pending = new Map<string, number>();
      const bars = new Map<number, number>();
      for (const m of marks) {
        if (m.shown) {
          const key = `${spanKey(m)}\u0000${m.lane}`;
          pending.set(key, (pending.get(key) ?? 0) + 1);
        } else {
          const line = doc.lineAt(m.start).from;
          bars.set(line, (bars.get(line) ?? 0) + 1);
        }
      }
      if (pending.size > 0) {
        drawn = drawn.update({
          filterFrom: from,
          filterTo: to,
          filter: (start, end, decoration) => {
            const spec = specOf(decoration);
            const key = `${start}:${end}:${spec.labelId}\u0000${spec.layer}\u0000${spec.lane}`;
            const n = pending.get(key);
            if (!n) return true;
            pending.set(key, n - 1);
            return false;
          },
        });
      }
      more = removeBars(more, bars);
    };
    if (remove.length > 0) {
      const pending = new Map<string, number>();
      let from = Infinity;
      let to = -Infinity;
      for (const span of remove) {
        const key = spanKey(span);
        pending.set(key, (pending.get(key) ?? 0) + 1);
        from = Math.min(from, span.start);
        to = Math.max(to, span.end);
      }
      set = set.update({
        filterFrom: from,
        filterTo: to,
        filter: (start, end, decoration) => {
          const { labelId, layer } = specOf(decoration);
          const key = `${start}:${end}:${labelId}\u0000${layer}`;
          const count = pending.get(key);
          if (!count) return true;
          // Remove only as many marks as were asked for, so of two identical spans one survives.
          pending.set(key, count - 1);
          taken.push({ start, end, ...specOf(decoration) });
          return false;
        },
      });
      takeOutOfDrawn(taken, from, to);
    }
    if (add.length > 0) {
      const sorted = add.filter((s) => s.start < s.end && s.end <= length).sort(byReadingOrder);
      // CodeMirror nests marks that start together in set order, and merges new ranges in before
      // old ones. Marks already starting where a new one starts are taken out and put back in
      // reading order with it, so the longer one stays the outer element, as after a rebuild.
      const starts = new Set(sorted.map((s) => s.start));
      const moved: Array<{ mark: PlacedMark; decoration: Decoration }> = [];
      if (sorted.length > 0) {
        set = set.update({
          filterFrom: sorted[0]!.start,
          filterTo: sorted[sorted.length - 1]!.start,
          filter: (start, end, decoration) => {
            if (!starts.has(start)) return true;
            moved.push({ mark: { start, end, ...specOf(decoration) }, decoration });
            return false;
          },
        });
      }
      // Moved marks keep their lanes, so a moved mark too deep to draw keeps its bar.
      if (moved.length > 0) takeOutOfDrawn(moved.map((m) => m.mark).filter((m) => m.shown), sorted[0]!.start, sorted[sorted.length - 1]!.start);
      const placed = moved.map(({ mark, decoration }) => ({ mark, range: decoration.range(mark.start, mark.end) }));
      // Marks added in this batch that may still overlap later ones (sorted by start, so those ending earlier drop out).
      let active: PlacedMark[] = moved.map((m) => m.mark);
      for (const span of sorted) {
        active = active.filter((m) => m.end > span.start);
        const overlapping: PlacedMark[] = [...active];
        set.between(span.start, span.end, (start, end, decoration) => {
          if (start < span.end && end > span.start) overlapping.push({ start, end, ...specOf(decoration) });
        });
        // A new mark is always drawn, however deep: the analyst has to see the tag just made.
        const mark = { ...span, lane: freeLane(span, overlapping), shown: true };
        active.push(mark);
        placed.push({ mark, range: decorate(value.labels, span, mark.lane, true) });
      }
      placed.sort((a, b) => byReadingOrder(a.mark, b.mark) || a.mark.lane - b.mark.lane);
      set = set.update({ add: placed.map((p) => p.range), sort: true });
      // Moved marks keep their decoration, so one shown by a bar stays so (its bar was never taken out).
      const shown = placed.filter((p) => p.mark.shown);
      if (shown.length > 0) drawn = drawn.update({ add: shown.map((p) => p.range), sort: true });
    }
    return { decorations: set, drawn, more };
  };

  const field = StateField.define<MarksValue>({
    create: () => ({ decorations: Decoration.none, drawn: Decoration.none, more: Decoration.none, labels: new Map() }),
    update(value, tr) {
      let next = tr.docChanged
        ? { ...value, decorations: value.decorations.map(tr.changes), drawn: value.drawn.map(tr.changes), more: value.more.map(tr.changes) }
        : value;
      for (const effect of tr.effects) {
        if (effect.is(replace)) next = { labels: effect.value.labels, ...build(effect.value.spans, effect.value.labels, tr.state.doc) };
        else if (effect.is(change)) next = { ...next, ...applyChange(next, effect.value, tr.state.doc) };
      }
      return next;
    },
    provide: (f) => [EditorView.decorations.from(f, (value) => value.drawn), EditorView.decorations.from(f, (value) => value.more)],
  });

  const collect = (state: EditorState, from: number, to: number, keep: (start: number, end: number) => boolean): PlacedMark[] => {
    const found: PlacedMark[] = [];
    state.field(field).decorations.between(from, to, (start, end, decoration) => {
      if (keep(start, end)) found.push({ start, end, ...specOf(decoration) });
    });
    return found;
  };

  return {
    extension: [field, marksTheme],
    replace,
    change,
    field,
    marksAt: (state, index) => collect(state, index, index + 1, (start, end) => start <= index && end > index).sort((a, b) => a.end - a.start - (b.end - b.start) || b.lane - a.lane),
    allMarks: (state) => collect(state, 0, state.doc.length, () => true),
    laneFor: (state, span) =>
      freeLane(
        span,
        collect(state, span.start, span.end, (start, end) => start < span.end && end > span.start),
      ),
  };
}

/** Turns a label schema into mark appearances, giving underline styles in label order. */
export function markLabels(labels: ReadonlyArray<{ id: string; name: string; color: string }>): Map<string, MarkLabel> {
  return new Map(labels.map((l, i) => [l.id, { name: l.name, color: l.color, underline: UNDERLINE_STYLES[i % UNDERLINE_STYLES.length]! }]));
}

const LANE_OFFSETS = ['2px', '6px', '10px', '14px'];

const marksTheme = EditorView.baseTheme({
  // A tag on its way to the store is drawn with the same classes in a layer (pending-tags.ts).
  '.cm-parley-mark, .cm-parley-pending-mark': {
    textDecorationLine: 'underline',
    textDecorationThickness: '2px',
    textDecorationSkipInk: 'none',
    // In dark themes the underline is mixed with white so that saturated label colours stay visible.
    textDecorationColor: 'color-mix(in srgb, var(--parley-label) var(--parley-ink-mix, 100%), white)',
  },
  '.cm-parley-fill': {
    backgroundColor: 'color-mix(in srgb, var(--parley-label) var(--parley-tint, 14%), transparent)',
    borderRadius: '2px',
  },
  '.cm-parley-outline': {
    outline: '1px dashed color-mix(in srgb, var(--parley-label) var(--parley-ink-mix, 100%), white)',
    outlineOffset: '-1px',
  },
  // A line holding marks too deep to draw one by one.
  '.cm-line.cm-parley-more': { boxShadow: 'inset 3px 0 0 color-mix(in srgb, currentColor 45%, transparent)' },
  '.cm-parley-u-solid': { textDecorationStyle: 'solid' },
  '.cm-parley-u-dashed': { textDecorationStyle: 'dashed' },
  '.cm-parley-u-dotted': { textDecorationStyle: 'dotted', textDecorationThickness: '3px' },
  '.cm-parley-u-double': { textDecorationStyle: 'double', textDecorationThickness: '1px' },
  '.cm-parley-u-wavy': { textDecorationStyle: 'wavy', textDecorationThickness: '1.5px' },
  ...Object.fromEntries(LANE_OFFSETS.map((offset, lane) => [`.cm-parley-lane-${lane}`, { textUnderlineOffset: offset }])),
});
