/**
 * Relations drawn as arcs above the text, brat's way: a CodeMirror layer that
 * holds one SVG, redrawn when the relations, the viewport or the geometry
 * change. Only relations with an end in the rendered viewport are measured
 * and drawn, so a 1,000,000-character document with thousands of relations
 * costs what its visible screen costs. Where arcs go is `arc-layout.ts`.
 *
 * The relations are sent in by effect (`set`) as plain spans with a colour and
 * a name; the field never owns relations. `show` hides or shows every arc;
 * while arcs are shown and there are some, lines get more room above the text.
 */
import { StateEffect, StateField, type EditorState, type Extension, type StateEffectType } from '@codemirror/state';
import { EditorView, layer, type LayerMarker } from '@codemirror/view';
import type { TextSpan } from '../../../annotations/text/word-boundaries';
import { layoutArcs, type ArcBox, type ArcInput, type ArcPiece } from './arc-layout';

/** One relation to draw. */
export interface ArcSpec {
  id: string;
  source: TextSpan;
  target: TextSpan;
  /** `#rrggbb`. */
  color: string;
  /** Written on the arc. */
  name: string;
  /** Draws an arrowhead at the target. */
  directed: boolean;
}

/** The field's value. */
export interface ArcsValue {
  arcs: readonly ArcSpec[];
  shown: boolean;
}

/** What `relationArcs` returns. */
export interface RelationArcs {
  extension: Extension;
  /** Replaces every arc. */
  set: StateEffectType<readonly ArcSpec[]>;
  /** Shows or hides the arcs. */
  show: StateEffectType<boolean>;
  field: StateField<ArcsValue>;
}

/** Height of one arc level, in pixels. */
export const ARC_STEP = 8;
/** Levels drawn; arcs laid out higher share the top level. */
export const ARC_LEVELS = 3;
/** Space between the text and the lowest arc. */
const ARC_GAP = 3;

function mapSpan(span: TextSpan, map: (pos: number, assoc: number) => number): TextSpan {
  return { start: map(span.start, 1), end: Math.max(map(span.start, 1), map(span.end, -1)) };
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
}

/** A drawn piece with what it needs to be painted. */
interface DrawnPiece extends ArcPiece {
  /** The top of the text on its row, where legs end. */
  textTop: number;
  color: string;
  name: string;
  directed: boolean;
}

function pieceKey(p: DrawnPiece): string {
  return `${p.id}|${p.row}|${p.x1.toFixed(1)}|${p.x2.toFixed(1)}|${p.left}|${p.right}|${p.level}|${p.textTop.toFixed(1)}|${p.color}|${p.name}|${p.directed}`;
}

/** The path of one piece: legs from the text up to its level, with rounded corners, and the top between them. */
function piecePath(p: DrawnPiece): { d: string; top: number } {
  const top = p.textTop - ARC_GAP - (Math.min(p.level, ARC_LEVELS - 1) + 1) * ARC_STEP;
  const r = Math.min(4, (p.x2 - p.x1) / 2);
  const parts: string[] = [];
  if (p.left === 'edge') parts.push(`M ${p.x1} ${top}`);
  else parts.push(`M ${p.x1} ${p.textTop}`, `L ${p.x1} ${top + r}`, `Q ${p.x1} ${top} ${p.x1 + r} ${top}`);
  if (p.right === 'edge') parts.push(`L ${p.x2} ${top}`);
  else parts.push(`L ${p.x2 - r} ${top}`, `Q ${p.x2} ${top} ${p.x2} ${top + r}`, `L ${p.x2} ${p.textTop}`);
  return { d: parts.join(' '), top };
}

class ArcsMarker implements LayerMarker {
  private readonly key: string;
  constructor(private readonly pieces: readonly DrawnPiece[]) {
    this.key = pieces.map(pieceKey).join('\n');
  }

  eq(other: LayerMarker): boolean {
    return other instanceof ArcsMarker && other.key === this.key;
  }

  draw(): HTMLElement {
    const host = document.createElement('div');
    host.className = 'cm-parley-arc-host';
    const root = svg('svg', { class: 'cm-parley-arc-svg', width: 1, height: 1, 'aria-hidden': 'true' });
    for (const p of this.pieces) {
      const { d, top } = piecePath(p);
      const group = svg('g', { class: 'cm-parley-arc', 'data-relation': p.id, 'data-level': p.level });
      group.style.setProperty('--parley-arc', p.color);
      group.append(svg('path', { d, class: 'cm-parley-arc-line' }));
      const tip = p.right === 'target' ? p.x2 : p.left === 'target' ? p.x1 : null;
      if (p.directed && tip !== null) group.append(svg('path', { d: `M ${tip - 3.5} ${p.textTop - 6} L ${tip} ${p.textTop} L ${tip + 3.5} ${p.textTop - 6} Z`, class: 'cm-parley-arc-head' }));
      const label = svg('text', { x: (p.x1 + p.x2) / 2, y: top, class: 'cm-parley-arc-label' });
      label.textContent = p.name;
      group.append(label);
      root.append(group);
    }
    host.append(root);
    return host;
  }

  update(): boolean {
    return false;
  }
}

/** Measures the first row of a span in view: its edges and its row's top, relative to the layer. */
function measure(view: EditorView, span: TextSpan, base: { left: number; top: number }, right: number): ArcBox | 'before' | 'after' {
  const { from, to } = view.viewport;
  if (span.end < from || (span.end === from && span.start < from)) return 'before';
  if (span.start > to) return 'after';
  const start = view.coordsAtPos(Math.max(span.start, from), 1);
  const end = view.coordsAtPos(Math.min(Math.max(span.end, span.start), to), -1);
  if (!start) return span.start < from ? 'before' : 'after';
  const sameRow = end !== null && Math.abs(end.top - start.top) < 2;
  return { left: start.left - base.left, right: (sameRow ? Math.max(end.right, start.left + 2) : right) - base.left, row: Math.round(start.top - base.top) };
}

function markers(view: EditorView, field: StateField<ArcsValue>): readonly LayerMarker[] {
  const { arcs, shown } = view.state.field(field);
  if (!shown || arcs.length === 0) return [];
  const { from, to } = view.viewport;
  const scroller = view.scrollDOM.getBoundingClientRect();
  const base = { left: scroller.left - view.scrollDOM.scrollLeft, top: scroller.top - view.scrollDOM.scrollTop };
  const content = view.contentDOM.getBoundingClientRect();
  const rows = { left: content.left + 6 - base.left, right: content.right - 4 - base.left };
  const inView = (s: TextSpan) => s.end >= from && s.start <= to;
  const visible = arcs.filter((a) => inView(a.source) || inView(a.target));
  const inputs: ArcInput[] = [];
  const specs = new Map<string, ArcSpec>();
  for (const arc of visible) {
    inputs.push({ id: arc.id, source: measure(view, arc.source, base, rows.right + base.left), target: measure(view, arc.target, base, rows.right + base.left) });
    specs.set(arc.id, arc);
  }
  const pieces = layoutArcs(inputs, rows).map((p): DrawnPiece => {
    const spec = specs.get(p.id)!;
    return { ...p, textTop: p.row, color: spec.color, name: spec.name, directed: spec.directed };
  });
  return [new ArcsMarker(pieces)];
}

const arcsTheme = EditorView.baseTheme({
  '.cm-parley-arcs': { pointerEvents: 'none', zIndex: 2 },
  '.cm-parley-arc-host': { position: 'absolute', left: 0, top: 0 },
  '.cm-parley-arc-svg': { overflow: 'visible', position: 'absolute', left: 0, top: 0 },
  '.cm-parley-arc-line': { fill: 'none', stroke: 'var(--parley-arc)', strokeWidth: '1.4px' },
  '.cm-parley-arc-head': { fill: 'var(--parley-arc)' },
  '.cm-parley-arc-label': {
    fill: 'var(--parley-arc)',
    font: '600 10px system-ui, sans-serif',
    textAnchor: 'middle',
    dominantBaseline: 'central',
    paintOrder: 'stroke',
    stroke: 'var(--parley-arc-halo, #ffffff)',
    strokeWidth: '3px',
  },
  '&dark .cm-parley-arc-label': { '--parley-arc-halo': '#1f2937' },
  '&.cm-parley-with-arcs .cm-line': { lineHeight: '3.2' },
});

/**
 * Where arcs come from when they follow other state: `compute` is run when the
 * extension starts and whenever a value in `deps` changes (by identity).
 */
export interface ArcSource {
  deps: ReadonlyArray<(state: EditorState) => unknown>;
  compute(state: EditorState): readonly ArcSpec[];
}

/** Makes the arcs extension: a field of arcs (set by effect, or derived from `source`), its effects, and the layer that draws them. */
export function relationArcs(source?: ArcSource): RelationArcs {
  const set = StateEffect.define<readonly ArcSpec[]>();
  const show = StateEffect.define<boolean>();
  const field = StateField.define<ArcsValue>({
    create: (state) => ({ arcs: source ? source.compute(state) : [], shown: true }),
    update(value, tr) {
      let next = value;
      if (source && source.deps.some((dep) => dep(tr.startState) !== dep(tr.state))) next = { ...next, arcs: source.compute(tr.state) };
      else if (tr.docChanged && value.arcs.length > 0) {
        const map = (pos: number, assoc: number) => tr.changes.mapPos(pos, assoc);
        next = { ...next, arcs: next.arcs.map((a) => ({ ...a, source: mapSpan(a.source, map), target: mapSpan(a.target, map) })) };
      }
      for (const effect of tr.effects) {
        if (effect.is(set)) next = { ...next, arcs: effect.value };
        else if (effect.is(show)) next = { ...next, shown: effect.value };
      }
      return next;
    },
    provide: (f) => EditorView.editorAttributes.from(f, (v): Record<string, string> => (v.shown && v.arcs.length > 0 ? { class: 'cm-parley-with-arcs' } : {})),
  });
  const drawing = layer({
    above: true,
    class: 'cm-parley-arcs',
    update: (update) => update.docChanged || update.viewportChanged || update.geometryChanged || update.startState.field(field) !== update.state.field(field),
    markers: (view) => markers(view, field),
  });
  return { extension: [field, drawing, arcsTheme], set, show, field };
}
