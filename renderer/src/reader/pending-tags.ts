/**
 * Tags on their way to the store, drawn in a layer beside the text until the
 * store answers.
 *
 * A mark added to the text's decorations makes the browser lay out its whole
 * paragraph again, paint every fragment in it, and put the text selection
 * back into the new elements (a forced layout in the key's own task): on a
 * paragraph under thousands of overlapping spans that took two or three
 * frames. A pending tag is drawn instead as a copy of its words in a layer
 * behind the text (as CodeMirror draws its selection), in transparent ink, with the mark's own classes, so
 * its tint and underline fall exactly where the mark's will: the paragraph is
 * not touched, and the key's frame lays out and paints only the copy. When the
 * store answers, the reader session takes the pending tag away and adds the
 * real mark in the same transaction (or, if the store refused, only takes it
 * away).
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

/** Draws a pending tag; with `pieces` (measured by `measurePendingTag` just before), in the same transaction. */
export const addPendingTag = StateEffect.define<PendingTag & { pieces?: readonly PendingPieceAt[] }>();
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

/** Where the scroller's content starts on screen (as CodeMirror's own layers place their markers). */
function layerBase(view: EditorView): { left: number; top: number } {
  const rect = view.scrollDOM.getBoundingClientRect();
  return { left: rect.left - view.scrollDOM.scrollLeft * view.scaleX, top: rect.top - view.scrollDOM.scrollTop * view.scaleY };
}

/**
 * The pieces of one pending tag in the viewport: one per visual line, each
 * placed so that its line box matches the text's, so its fill and underline
 * land where the mark's will (same font, same line height, same classes).
 */
function piecesOf(view: EditorView, tag: Pick<PendingTag, 'start' | 'end'>): PendingPieceAt[] {
  const lineHeight = parseFloat(getComputedStyle(view.scrollDOM).lineHeight);
  const { from: visibleFrom, to: visibleTo } = view.viewport;
  const from = Math.max(tag.start, visibleFrom);
  const to = Math.min(tag.end, visibleTo);
  const base = layerBase(view);
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
    if (text !== '') pieces.push({ left: (at.left - base.left) / view.scaleX, top: (at.top - leading - base.top) / view.scaleY, text });
    pos = end;
  }
  return pieces;
}

/** Longest wait for a frame in `afterNextPaint` (no frames come while the window is hidden). */
const PAINT_WAIT_MS = 100;

/**
 * Settles once the next frame has been rendered (the first task after its
 * animation frame callbacks), or after `PAINT_WAIT_MS` if no frame comes. The
 * session waits for it before settling a tag whose answer came back quickly:
 * drawing the mark in the text before the pending tag's frame would put the
 * paragraph's layout and paint back into that frame.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MS);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      // Then a task of its own, so whatever else was waiting for that frame's end runs first.
      channel.port1.onmessage = () => {
        clearTimeout(timer);
        setTimeout(resolve, 0);
      };
      channel.port2.postMessage(null);
    });
  });
}

/**
 * `tag` with the pieces it is drawn in, read from the view as it is now: call
 * it just before dispatching the tag, when nothing in the text has changed
 * since the last frame, so the reads cost no layout (CodeMirror allows no
 * reads during an update, and waiting for its measure cycle costs the frame
 * a measure of every visible line).
 */
export function measurePendingTag(view: EditorView, tag: PendingTag): PendingTag & { pieces: readonly PendingPieceAt[] } {
  return { ...tag, pieces: piecesOf(view, tag) };
}

/**
 * Draws the pending tags in a layer behind the text. A tag added with its
 * pieces measured (`measurePendingTag`) is drawn in the transaction that adds
 * it, so the key's own frame shows it. Anything else that moves them (a
 * scroll, new line heights, a changed text) redraws them in CodeMirror's
 * measure cycle.
 */
class PendingTagsView implements PluginValue {
  private readonly dom: HTMLElement;
  private drawn: readonly PendingTag[] = NO_PENDING;
  private readonly measure: { read: (view: EditorView) => Array<[PendingTag, PendingPieceAt[]]>; write: (pieces: Array<[PendingTag, PendingPieceAt[]]>, view: EditorView) => void };

  constructor(
    view: EditorView,
    private readonly appearance: (state: EditorState) => ReadonlyMap<string, MarkLabel>,
  ) {
    this.dom = document.createElement('div');
    this.dom.className = 'cm-layer cm-parley-pending-layer';
    this.dom.setAttribute('aria-hidden', 'true');
    view.scrollDOM.insertBefore(this.dom, view.contentDOM);
    this.measure = {
      read: (v) => v.state.field(pendingTags).map((tag) => [tag, piecesOf(v, tag)]),
      write: (pieces, v) => this.dom.replaceChildren(...this.draw(v.state, pieces)),
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
    if (onlyAdded && added.every((a) => a.pieces)) {
      this.dom.append(...this.draw(update.state, added.map((a) => [a, a.pieces ?? []])));
    } else update.view.requestMeasure(this.measure);
  }

  private draw(state: EditorState, pieces: ReadonlyArray<readonly [PendingTag, readonly PendingPieceAt[]]>): HTMLElement[] {
    const looks = this.appearance(state);
    return pieces.flatMap(([tag, at]) => at.map((p) => drawPiece(p, tag, looks.get(tag.labelId) ?? FALLBACK_LOOK)));
  }

  destroy(): void {
    this.dom.remove();
  }
}

/** The pending tags' field and the layer drawing them; `appearance` gives each label's look. */
export function pendingTagsLayer(appearance: (state: EditorState) => ReadonlyMap<string, MarkLabel>): Extension {
  return [pendingTags, ViewPlugin.define((view) => new PendingTagsView(view, appearance)), pendingTheme];
}

const pendingTheme = EditorView.baseTheme({
  // Behind the text, as CodeMirror's own layers below it are.
  '.cm-parley-pending-layer': { pointerEvents: 'none', zIndex: -1 },
  '.cm-parley-pending': { position: 'absolute', whiteSpace: 'pre', color: 'transparent', userSelect: 'none' },
});
