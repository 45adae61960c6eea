/**
 * Tags on their way to the store, drawn in a layer over the text until the
 * store answers.
 *
 * A mark added to the text's decorations makes the browser lay out its whole
 * paragraph again, paint every fragment in it, and put the text selection
 * back into the new elements (a forced layout in the key's own task): on a
 * paragraph under thousands of overlapping spans that took two or three
 * frames. A pending tag is drawn instead as a copy of its words in a layer of
 * its own, in transparent ink, with the mark's own classes, so its tint and
 * underline fall exactly where the mark's will: the paragraph is not touched.
 * When the store answers, the reader session takes the pending tag away and
 * adds the real mark in the same transaction (or, if the store refused, only
 * takes it away).
 *
 * The layer is not inside the scroller: anything added there makes the
 * browser walk and repaint the scroller's whole content (about 9 ms of a
 * 16.7 ms frame on a page under 20,000 marks). It is a fixed box over the
 * scroller's visible area, with `contain: strict`, a child of the editor (so
 * the editor's theme styles the copies), which the browser paints on its own.
 * Its pieces are placed from the text's screen coordinates, so a scroll
 * redraws them.
 */
import { EditorSelection, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin, type PluginValue, type ViewUpdate } from '@codemirror/view';
import { DEEPEST_DRAWN_LANE, type MarkLabel } from './annotation-marks';

/** A tag drawn before the store has it. */
export interface PendingTag {
  start: number;
  end: number;
  labelId: string;
  /** The lane its mark will be given, so its underline is drawn at the mark's depth. */
  lane: number;
}

/** Where one piece of a pending tag goes: its words on one visual line, and their place in the layer. */
export interface PendingPieceAt {
  left: number;
  top: number;
  text: string;
}

/** A pending tag as measured on screen (`measurePendingTag`): its pieces, and the layer's frame they are placed in. */
export interface MeasuredPendingTag extends PendingTag {
  pieces: readonly PendingPieceAt[];
  frame?: PendingLayerFrame;
}

/** Draws a pending tag; when measured just before (`measurePendingTag`), in the same transaction. */
export const addPendingTag = StateEffect.define<PendingTag & Partial<MeasuredPendingTag>>();
/** Takes a pending tag away (matched by span and label). */
export const removePendingTag = StateEffect.define<Pick<PendingTag, 'start' | 'end' | 'labelId'>>();

const NO_PENDING: readonly PendingTag[] = [];

/** The pending tags, kept in step with the text. */
export const pendingTags = StateField.define<readonly PendingTag[]>({
  create: () => NO_PENDING,
  update(value, tr) {
    let next = value;
    if (tr.docChanged && next.length > 0) {
      next = next.map((p) => ({ ...p, start: tr.changes.mapPos(p.start, 1), end: tr.changes.mapPos(p.end, -1) })).filter((p) => p.start < p.end);
    }
    for (const effect of tr.effects) {
      if (effect.is(addPendingTag)) {
        const { start, end, labelId, lane } = effect.value;
        next = [...next, { start, end, labelId, lane }];
      } else if (effect.is(removePendingTag)) {
        const { start, end, labelId } = effect.value;
        const at = next.findIndex((p) => p.start === start && p.end === end && p.labelId === labelId);
        if (at >= 0) next = [...next.slice(0, at), ...next.slice(at + 1)];
      }
    }
    return next.length === 0 ? NO_PENDING : next;
  },
});

/** The pending tags of a state (none in a state without the field). */
export function pendingTagsOf(state: EditorState): readonly PendingTag[] {
  return state.field(pendingTags, false) ?? NO_PENDING;
}

/** One piece of a pending tag drawn: the words on one visual line, with the classes of the mark they will be. */
function drawPiece(at: PendingPieceAt, tag: PendingTag, look: MarkLabel): HTMLElement {
  const piece = document.createElement('div');
  piece.className = 'cm-parley-pending';
  piece.style.left = `${at.left}px`;
  piece.style.top = `${at.top}px`;
  const words = piece.appendChild(document.createElement('span'));
  words.className = `cm-parley-pending-mark cm-parley-fill cm-parley-u-${look.underline} cm-parley-lane-${Math.min(tag.lane, DEEPEST_DRAWN_LANE)}`;
  words.dataset.label = tag.labelId;
  words.dataset.layer = 'own';
  words.style.setProperty('--parley-label', look.color);
  words.textContent = at.text;
  return piece;
}

const FALLBACK_LOOK: MarkLabel = { name: 'Unknown label', color: '#6b7280', underline: 'solid' };

/** The scroller's visible area on screen, where the layer goes and what its pieces are placed from. */
interface VisibleArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

function visibleArea(view: EditorView): VisibleArea {
  const scroller = view.scrollDOM;
  const rect = scroller.getBoundingClientRect();
  return { left: rect.left + scroller.clientLeft * view.scaleX, top: rect.top + scroller.clientTop * view.scaleY, width: scroller.clientWidth, height: scroller.clientHeight };
}

/** The text's font, which the layer takes, since it sits outside the scroller that sets it. */
const FONT_PROPERTIES = ['font-family', 'font-size', 'font-style', 'font-weight', 'font-stretch', 'font-kerning', 'font-feature-settings', 'font-variation-settings', 'font-variant-ligatures', 'letter-spacing', 'word-spacing', 'line-height', 'text-rendering'] as const;

/** Where and how the layer is drawn: its box in its own coordinates, and the text's font. */
export interface PendingLayerFrame {
  left: number;
  top: number;
  width: number;
  height: number;
  font: ReadonlyArray<readonly [string, string]>;
}

/**
 * The layer's frame to cover `area`: the layer is fixed, but an ancestor with
 * a transform would make itself the layer's containing block, so the box is
 * corrected by where the layer actually is now.
 */
function layerFrame(view: EditorView, layer: HTMLElement, area: VisibleArea): PendingLayerFrame {
  const now = layer.getBoundingClientRect();
  const style = getComputedStyle(view.contentDOM);
  return {
    left: (parseFloat(layer.style.left) || 0) + (area.left - now.left) / view.scaleX,
    top: (parseFloat(layer.style.top) || 0) + (area.top - now.top) / view.scaleY,
    width: area.width,
    height: area.height,
    font: FONT_PROPERTIES.map((name) => [name, style.getPropertyValue(name)] as const),
  };
}

/** Puts the layer on `frame`, writing only what changed, so an unmoved layer costs no style or layout work. */
function placeLayer(layer: HTMLElement, frame: PendingLayerFrame): void {
  const set = (name: string, value: string) => {
    if (layer.style.getPropertyValue(name) !== value) layer.style.setProperty(name, value);
  };
  set('left', `${frame.left}px`);
  set('top', `${frame.top}px`);
  set('width', `${frame.width}px`);
  set('height', `${frame.height}px`);
  for (const [name, value] of frame.font) set(name, value);
}

/**
 * The pieces of one pending tag in the viewport: one per visual line, each
 * placed so that its line box matches the text's, so its fill and underline
 * land where the mark's will (same font, same line height, same classes).
 */
function piecesOf(view: EditorView, tag: Pick<PendingTag, 'start' | 'end'>, area: VisibleArea): PendingPieceAt[] {
  const lineHeight = parseFloat(getComputedStyle(view.scrollDOM).lineHeight);
  const { from: visibleFrom, to: visibleTo } = view.viewport;
  const from = Math.max(tag.start, visibleFrom);
  const to = Math.min(tag.end, visibleTo);
  const pieces: PendingPieceAt[] = [];
  let pos = from;
  while (pos < to) {
    const line = view.state.doc.lineAt(pos);
    if (pos >= line.to) {
      pos = line.to + 1;
      continue;
    }
    let end = Math.min(to, line.to);
    if (view.lineWrapping) {
      const wrap = view.moveToLineBoundary(EditorSelection.cursor(pos, 1), true, true).head;
      if (wrap > pos && wrap < end) end = wrap;
    }
    const at = view.coordsAtPos(pos, 1);
    if (!at) break;
    // The text's content box sits half the leading below its line box's top.
    const leading = Number.isFinite(lineHeight) ? (lineHeight - (at.bottom - at.top)) / 2 : 0;
    const words = view.state.sliceDoc(pos, end);
    const text = end < line.to ? words.replace(/\s+$/, '') : words;
    if (text !== '') pieces.push({ left: (at.left - area.left) / view.scaleX, top: (at.top - leading - area.top) / view.scaleY, text });
    pos = end;
  }
  return pieces;
}

/** Each view's pending layer, for `measurePendingTag`. */
const layers = new WeakMap<EditorView, HTMLElement>();

/**
 * `tag` with the pieces it is drawn in, read from the view as it is now: call
 * it just before dispatching the tag, when nothing in the text has changed
 * since the last frame, so the reads cost no layout (CodeMirror allows no
 * reads during an update, and waiting for its measure cycle costs the frame
 * a measure of every visible line).
 */
export function measurePendingTag(view: EditorView, tag: PendingTag): MeasuredPendingTag {
  const area = visibleArea(view);
  const layer = layers.get(view);
  return { ...tag, pieces: piecesOf(view, tag, area), ...(layer ? { frame: layerFrame(view, layer, area) } : {}) };
}

/**
 * Draws the pending tags in the layer. A tag added with its pieces measured
 * (`measurePendingTag`) is drawn in the transaction that adds it, so the
 * key's own frame shows it. Anything else that moves them (a scroll, new line
 * heights, a changed text) redraws them in CodeMirror's measure cycle.
 */
class PendingTagsView implements PluginValue {
  private readonly dom: HTMLElement;
  private drawn: readonly PendingTag[] = NO_PENDING;
  private readonly measure: {
    read: (view: EditorView) => { frame: PendingLayerFrame; pieces: Array<[PendingTag, PendingPieceAt[]]> };
    write: (measured: { frame: PendingLayerFrame; pieces: Array<[PendingTag, PendingPieceAt[]]> }, view: EditorView) => void;
  };
  private readonly onScroll = () => {
    if (this.drawn.length > 0) this.view.requestMeasure(this.measure);
  };

  constructor(
    private readonly view: EditorView,
    private readonly appearance: (state: EditorState) => ReadonlyMap<string, MarkLabel>,
  ) {
    this.dom = document.createElement('div');
    this.dom.className = 'cm-parley-pending-layer';
    this.dom.setAttribute('aria-hidden', 'true');
    view.dom.appendChild(this.dom);
    layers.set(view, this.dom);
    view.scrollDOM.addEventListener('scroll', this.onScroll, { passive: true });
    this.measure = {
      read: (v) => {
        const area = visibleArea(v);
        return { frame: layerFrame(v, this.dom, area), pieces: v.state.field(pendingTags).map((tag) => [tag, piecesOf(v, tag, area)]) };
      },
      write: ({ frame, pieces }, v) => {
        placeLayer(this.dom, frame);
        this.dom.replaceChildren(...this.draw(v.state, pieces));
      },
    };
  }

  update(update: ViewUpdate): void {
    const tags = update.state.field(pendingTags);
    if (tags === this.drawn && (tags.length === 0 || !(update.geometryChanged || update.viewportChanged || update.docChanged))) return;
    const before = this.drawn;
    this.drawn = tags;
    if (tags.length === 0) return this.dom.replaceChildren();
    const added = update.transactions.flatMap((tr) => tr.effects.filter((e) => e.is(addPendingTag)).map((e) => e.value));
    const onlyAdded = !update.docChanged && !update.viewportChanged && !update.geometryChanged && added.length === tags.length - before.length && update.transactions.every((tr) => tr.effects.every((e) => e.is(addPendingTag)));
    if (onlyAdded && added.every((a) => a.pieces && a.frame)) {
      placeLayer(this.dom, added[added.length - 1]!.frame!);
      this.dom.append(...this.draw(update.state, added.map((a) => [a, a.pieces ?? []])));
    } else update.view.requestMeasure(this.measure);
  }

  private draw(state: EditorState, pieces: ReadonlyArray<readonly [PendingTag, readonly PendingPieceAt[]]>): HTMLElement[] {
    const looks = this.appearance(state);
    return pieces.flatMap(([tag, at]) => at.map((p) => drawPiece(p, tag, looks.get(tag.labelId) ?? FALLBACK_LOOK)));
  }

  destroy(): void {
    this.view.scrollDOM.removeEventListener('scroll', this.onScroll);
    layers.delete(this.view);
    this.dom.remove();
  }
}

/** The pending tags' field and the layer drawing them; `appearance` gives each label's look. */
export function pendingTagsLayer(appearance: (state: EditorState) => ReadonlyMap<string, MarkLabel>): Extension {
  return [pendingTags, ViewPlugin.define((view) => new PendingTagsView(view, appearance)), pendingTheme];
}

const pendingTheme = EditorView.baseTheme({
  // Over the scroller's visible area (placed by `placeLayer`), below the editor's tooltips; its
  // contents are clipped to it and laid out and painted apart from the text.
  '.cm-parley-pending-layer': { position: 'fixed', left: 0, top: 0, width: 0, height: 0, contain: 'strict', pointerEvents: 'none', userSelect: 'none', zIndex: 0 },
  '.cm-parley-pending': { position: 'absolute', whiteSpace: 'pre', color: 'transparent', userSelect: 'none' },
});
