/**
 * The reader session: the framework-free part of the reader that talks to
 * the store. It queues each change (tag, delete, relabel, note, undo, redo)
 * so they reach the store in order, draws a tag or a deletion at once
 * (optimistically), and when the store answers, settles the marks against
 * the change it made, or takes them back with a message if it refused.
 * It also knows whether a pointer drag is in progress, so a store answer
 * never moves the selection under the analyst's mouse.
 *
 * It needs no DOM and no React: it works on anything with an `EditorState`
 * and a `dispatch` (an `EditorView`, or a plain holder in tests).
 */
import { Facet, type EditorState, type TransactionSpec } from '@codemirror/state';
import { OWN_LAYER_ID, type Annotation, type Relation } from '../../../annotations/model';
import type { Result } from '../../../annotations/result';
import { diffAnnotations } from '../../../annotations/text/annotation-diff';
import { oneLine } from '../../../annotations/text/ellipsis';
import type { TextSpan } from '../../../annotations/text/word-boundaries';
import type { ParleyApi } from '../../../shared/api';
import type { DocumentChange, DocumentView } from '../../../shared/library';
import type { MarkLabel, MarksChange } from './annotation-marks';
import { applyDocumentChange, marksOf, NO_MARKS_CHANGE, revertMarks, settleMarks } from './document-change';
import { EditorView } from '@codemirror/view';
import { afterNextPaint } from '../ui/after-next-paint';
import { addPendingTag, measurePendingTag, removePendingTag, type PendingTag } from './pending-tags';
import { hasTag, ownMark, ownMarks } from './reader-marks';
import { ownAnnotations, readerConfig, readerUi, selectAnnotationEffect, setOwnAnnotations, setReaderUi, statusEffect } from './reader-state';
import { spanForSelection } from './selection-snap';
import { linkSession, ownRelations, setOwnRelations } from './statement-state';

/** What the session dispatches to: an `EditorView`, or a holder of an `EditorState` in tests. */
export interface EditorTarget {
  readonly state: EditorState;
  dispatch(...specs: TransactionSpec[]): void;
}

/** The store calls the reader makes. */
export type ReaderTransport = Pick<ParleyApi, 'addAnnotations' | 'deleteAnnotations' | 'updateAnnotation' | 'undo' | 'redo' | 'getDocument' | 'addRelation' | 'deleteRelations'>;

/** What a session is made with. */
export interface ReaderSessionOptions {
  api: ReaderTransport;
  /** The document as the app has it when the reader opens. */
  view: DocumentView;
  /** Called with the newest view after each change the store confirmed. */
  onViewChange(view: DocumentView): void;
  onError(message: string): void;
}

const NO_ANNOTATIONS: readonly Annotation[] = [];

function ownOf(view: DocumentView): readonly Annotation[] {
  return view.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? NO_ANNOTATIONS;
}

const NO_RELATIONS: readonly Relation[] = [];

function ownRelationsOf(view: DocumentView): readonly Relation[] {
  return view.layers.find((l) => l.id === OWN_LAYER_ID)?.relations ?? NO_RELATIONS;
}

/** The session of one reader. */
export class ReaderSession {
  private options: ReaderSessionOptions;
  private target: EditorTarget | null = null;
  /** The newest view: the app's, patched with each confirmed change. */
  private committed: DocumentView;
  /** The last view the app handed in, so the same one handed in again costs nothing. */
  private received: DocumentView;
  /** The own annotations the marks currently show; the next view is diffed against them. */
  private drawn: { documentId: string; annotations: readonly Annotation[] };
  private queue: Promise<unknown> = Promise.resolve();
  /** Changes sent to the store and not yet answered. */
  private pending = 0;
  /** Changes sent and not yet drawn (answered, and the answer applied or taken back). */
  private unsettled = 0;
  /** Annotations already taken off the text while their deletion is on its way to the store. */
  private readonly deleting = new Set<string>();
  /** Tags drawn and on their way to the store, so a key pressed again before the answer is not a second tag. */
  private readonly tagging: Array<{ start: number; end: number; labelId: string }> = [];
  private pointerDown = false;

  constructor(options: ReaderSessionOptions) {
    this.options = options;
    this.committed = options.view;
    this.received = options.view;
    this.drawn = { documentId: options.view.document.id, annotations: ownOf(options.view) };
  }

  /** The newest view the session knows. */
  get view(): DocumentView {
    return this.committed;
  }

  /** True while a change is on its way to the store or its answer is not yet drawn. */
  get busy(): boolean {
    return this.unsettled > 0;
  }

  /** True between a pointer press in the text and its release. */
  get dragging(): boolean {
    return this.pointerDown;
  }

  /** The effects that set up a new editor state for the session's document. */
  initialEffects(appearance: ReadonlyMap<string, MarkLabel>): TransactionSpec {
    const annotations = ownOf(this.committed);
    this.drawn = { documentId: this.committed.document.id, annotations };
    return { effects: [ownMarks.replace.of({ spans: annotations.map(ownMark), labels: appearance }), setOwnAnnotations.of(annotations), setOwnRelations.of(ownRelationsOf(this.committed))] };
  }

  /** Replaces the callbacks (the app may hand new ones on each render). */
  setListeners(listeners: Pick<ReaderSessionOptions, 'onViewChange' | 'onError'>): void {
    this.options = { ...this.options, ...listeners };
  }

  /** Starts dispatching to `target` (the view, once it exists); null stops. */
  attach(target: EditorTarget | null): void {
    this.target = target;
  }

  /** A pointer was pressed in the text (`true`) or released anywhere (`false`). */
  setPointerDown(down: boolean): void {
    this.pointerDown = down;
  }

  /** Resolves once every change queued so far has been answered. */
  settled(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * Runs `command` on the reader once every change sent so far is drawn; at once when none is on its
   * way. A command that reads the annotations (stepping between them) would otherwise act on the list
   * from before the tag the analyst has just made.
   */
  whenSettled(command: (target: EditorTarget) => void): void {
    if (this.unsettled === 0) {
      if (this.target) command(this.target);
      return;
    }
    void this.settled().then(() => this.whenSettled(command));
  }

  /** A view handed in by the app: only what changed is drawn; another document replaces the text. */
  receive(view: DocumentView): void {
    if (view === this.received) return;
    this.received = view;
    this.committed = view;
    this.draw(view);
  }

  private draw(next: DocumentView): void {
    const target = this.target;
    if (!target) return;
    const annotations = ownOf(next);
    if (this.drawn.documentId !== next.document.id) {
      target.dispatch({
        changes: { from: 0, to: target.state.doc.length, insert: next.document.text },
        selection: { anchor: 0 },
        effects: [ownMarks.replace.of({ spans: annotations.map(ownMark), labels: target.state.field(readerConfig).appearance }), setOwnAnnotations.of(this.visible(annotations)), setOwnRelations.of(ownRelationsOf(next))],
      });
    } else if (annotations !== this.drawn.annotations || ownRelationsOf(next) !== target.state.field(ownRelations, false)) {
      const { added, removed } = diffAnnotations(this.drawn.annotations, annotations);
      const effects = [setOwnAnnotations.of(this.visible(annotations)), setOwnRelations.of(ownRelationsOf(next))];
      target.dispatch({ effects: added.length > 0 || removed.length > 0 ? [ownMarks.change.of({ add: added.map(ownMark), remove: removed.map(ownMark) }), ...effects] : effects });
    }
    this.drawn = { documentId: next.document.id, annotations };
  }

  /** The own annotations as the analyst sees them: without those being deleted. */
  private visible(all: readonly Annotation[]): readonly Annotation[] {
    return this.deleting.size === 0 ? all : all.filter((a) => !this.deleting.has(a.id));
  }

  private publish(): void {
    this.target?.dispatch({ effects: setOwnAnnotations.of(this.visible(ownOf(this.committed))) });
  }

  /**
   * True while the status line asks the analyst for a key (a label change, a link under way). A store
   * answer arriving then must not replace the question, nor select another annotation under it.
   */
  private asking(): boolean {
    const state = this.target?.state;
    return !!state && (state.field(readerUi).relabelling || !!state.field(linkSession, false));
  }

  /** Puts a sentence in the status line, unless it is asking for a key (see `asking`). */
  announce(status: string): void {
    if (this.asking()) return;
    this.target?.dispatch({ effects: statusEffect(status) });
  }

  /**
   * Sends one change to the store, in order with the others. `early` is what
   * the caller already drew (a deleted mark taken off) so the analyst sees it
   * at once, and `pending` a tag drawn in the pending layer; both are settled
   * against the change the store confirms (the pending tag gives way to its
   * mark in the same transaction), or taken back, with a message, if the
   * store refuses or cannot save it. The view is patched with the change, and
   * fetched whole only if it turns out to be out of step.
   */
  private mutate(call: () => Promise<Result<DocumentChange>>, then?: (change: DocumentChange) => void, early: MarksChange = NO_MARKS_CHANGE, pending: { tag: PendingTag; shown: Promise<void> } | null = null): void {
    this.pending += 1;
    this.unsettled += 1;
    const run = async () => {
      const sent = performance.now();
      const result = await call().finally(() => (this.pending -= 1));
      const drewEarly = early.add.length > 0 || early.remove.length > 0 || pending !== null;
      const takeBack = () => [...(early.add.length > 0 || early.remove.length > 0 ? [ownMarks.change.of(revertMarks(early))] : []), ...(pending ? [removePendingTag.of(pending.tag)] : [])];
      if (!result.ok) {
        if (drewEarly) {
          this.target?.dispatch({ effects: takeBack() });
          this.options.onError(`Not saved, so it was taken back: ${result.error.message}`);
        } else this.options.onError(result.error.message);
        this.publish();
        return;
      }
      const received = performance.now();
      // An answer that came before the pending tag's frame waits for it, so that frame stays cheap.
      if (pending) await pending.shown;
      const settling = performance.now();
      const change = result.value;
      const next = applyDocumentChange(this.committed, change);
      if (!next) {
        if (drewEarly) this.target?.dispatch({ effects: takeBack() });
        const fresh = await this.options.api.getDocument({ documentId: change.documentId });
        if (!fresh.ok) return this.options.onError(fresh.error.message);
        this.committed = fresh.value;
        this.draw(fresh.value);
        this.options.onViewChange(fresh.value);
        then?.(change);
        return;
      }
      if (change.layerId === OWN_LAYER_ID) {
        const rest = settleMarks({ add: marksOf(change.added, OWN_LAYER_ID), remove: marksOf(change.removed, OWN_LAYER_ID) }, early);
        const annotations = ownOf(next);
        this.target?.dispatch({
          effects: [
            ...(pending ? [removePendingTag.of(pending.tag)] : []),
            ...(rest.add.length > 0 || rest.remove.length > 0 ? [ownMarks.change.of(rest)] : []),
            setOwnAnnotations.of(this.visible(annotations)),
            setOwnRelations.of(ownRelationsOf(next)),
          ],
        });
        this.drawn = { documentId: next.document.id, annotations };
      } else if (pending) this.target?.dispatch({ effects: removePendingTag.of(pending.tag) });
      this.committed = next;
      this.received = next;
      performance.measure('parley:change-saved', { start: sent, end: received });
      performance.measure('parley:apply-change', { start: settling, end: performance.now() });
      this.options.onViewChange(next);
      then?.(change);
    };
    const settle = () => void (this.unsettled -= 1);
    this.queue = this.queue.then(run, run).then(settle, settle);
  }

  /** Tags the text selection with a label: drawn now, saved next. */
  tag(labelId: string): void {
    const target = this.target;
    if (!target) return;
    const pressed = performance.now();
    const { state } = target;
    const { appearance, snapMode } = state.field(readerConfig);
    const selection = state.selection.main;
    const name = appearance.get(labelId)?.name ?? labelId;
    if (selection.empty) return this.announce(`Select some text first, then press a label key to tag it as ${name}.`);
    const span = spanForSelection(state.doc, selection.from, selection.to, snapMode);
    if (!span) return this.announce('The selection holds no words. Tick “Exact characters” to tag punctuation or spaces.');
    const same = (a: { start: number; end: number; labelId: string }) => a.start === span.start && a.end === span.end && a.labelId === labelId;
    if (hasTag(state.field(ownAnnotations), span.start, span.end, labelId) || this.tagging.some(same)) {
      return this.announce(`“${oneLine(state.sliceDoc(span.start, span.end), 50)}” is already tagged as ${name}.`);
    }
    const documentId = this.committed.document.id;
    // Drawn in the pending layer, not as a mark in the text, so the key's frame neither lays out the
    // paragraph again nor moves the text selection (see pending-tags.ts); the selection stays until
    // the store confirms, so a refused tag leaves it ready to try again.
    const pending: PendingTag = { start: span.start, end: span.end, labelId, lane: ownMarks.laneFor(state, span) };
    const inView = target instanceof EditorView;
    target.dispatch({ effects: addPendingTag.of(inView ? measurePendingTag(target, pending) : pending) });
    const shown = inView ? afterNextPaint() : Promise.resolve();
    performance.measure('parley:tag-drawn', { start: pressed });
    const inFlight = { start: span.start, end: span.end, labelId };
    this.tagging.push(inFlight);
    this.mutate(
      () => this.options.api.addAnnotations({ documentId, spans: [{ start: span.start, end: span.end, labelId }] }),
      (change) => {
        performance.measure('parley:tag-saved', { start: pressed });
        const created = change.added[0];
        const status = statusEffect(`Tagged “${oneLine(created?.quote.exact ?? '', 50)}” as ${name}.`);
        const now = this.target?.state.selection.main;
        // Unless the analyst has moved on (a drag in progress, a new selection made while this one was
        // saving, or a label change or link begun meanwhile), put the cursor after the new mark and select it.
        if (this.asking()) return;
        const movedOn = this.pointerDown || !now || now.from !== selection.from || now.to !== selection.to;
        this.target?.dispatch(movedOn || !created ? { effects: status } : { selection: { anchor: span.end }, effects: [selectAnnotationEffect.of(created.id), status] });
      },
      NO_MARKS_CHANGE,
      { tag: pending, shown },
    );
    // Once the store has answered (and the answer is drawn, or the tag taken back), the annotations say it.
    const forget = () => void this.tagging.splice(this.tagging.indexOf(inFlight), 1);
    this.queue.then(forget, forget);
  }

  /** Tags every span with one label, as one undoable step. */
  tagAll(labelId: string, spans: readonly TextSpan[]): void {
    const documentId = this.committed.document.id;
    const name = this.target?.state.field(readerConfig).appearance.get(labelId)?.name ?? labelId;
    this.mutate(
      () => this.options.api.addAnnotations({ documentId, spans: spans.map((s) => ({ start: s.start, end: s.end, labelId })), historyLabel: `Tag ${spans.length} matches as ${name}` }),
      () => this.announce(`Tagged ${spans.length} matches as ${name}. One undo removes them all.`),
    );
  }

  /** Deletes an own annotation: taken off the text at once, then deleted in the store. */
  deleteAnnotation(id: string): void {
    const documentId = this.committed.document.id;
    const annotation = ownOf(this.committed).find((a) => a.id === id);
    const early: MarksChange = { add: [], remove: annotation ? [ownMark(annotation)] : [] };
    this.deleting.add(id);
    this.target?.dispatch({ effects: [selectAnnotationEffect.of(null), ...(annotation ? [ownMarks.change.of(early)] : [])] });
    this.publish();
    this.mutate(
      () => this.options.api.deleteAnnotations({ documentId, annotationIds: [id] }).finally(() => this.deleting.delete(id)),
      () => this.announce('Annotation deleted. Ctrl+Z brings it back.'),
      early,
    );
  }

  /** Gives an own annotation another label. */
  relabel(id: string, labelId: string): void {
    const documentId = this.committed.document.id;
    const annotation = ownOf(this.committed).find((a) => a.id === id);
    const name = this.target?.state.field(readerConfig).appearance.get(labelId)?.name ?? labelId;
    if (!annotation || annotation.labelId === labelId) return this.announce(`Already labelled ${name}.`);
    this.mutate(
      () => this.options.api.updateAnnotation({ documentId, annotationId: id, labelId }),
      () => this.announce(`Changed the label to ${name}.`),
    );
  }

  /** Saves (or, empty, removes) an annotation's note. */
  saveNote(id: string, note: string): void {
    const documentId = this.committed.document.id;
    this.target?.dispatch({ effects: setReaderUi.of({ noteFor: null }) });
    this.mutate(
      () => this.options.api.updateAnnotation({ documentId, annotationId: id, note: note === '' ? null : note }),
      () => this.announce(note === '' ? 'Note removed.' : 'Note saved.'),
    );
  }

  /** Links two own annotations by a relation type; `done` is the status once saved. */
  addRelation(link: { typeId: string; sourceId: string; targetId: string }, done: string): void {
    const documentId = this.committed.document.id;
    this.mutate(
      () => this.options.api.addRelation({ documentId, ...link }),
      () => this.announce(done),
    );
  }

  /** Deletes relations of the own layer. */
  deleteRelations(relationIds: readonly string[]): void {
    const documentId = this.committed.document.id;
    this.mutate(
      () => this.options.api.deleteRelations({ documentId, relationIds: [...relationIds] }),
      () => this.announce(`${relationIds.length === 1 ? 'Link' : `${relationIds.length} links`} deleted. Ctrl+Z brings ${relationIds.length === 1 ? 'it' : 'them'} back.`),
    );
  }

  /** Sets (or, with null, clears) one attribute of an own annotation; `done` is the status once saved. */
  setAttribute(annotationId: string, attributeId: string, value: string | null, done: string): void {
    const documentId = this.committed.document.id;
    this.mutate(
      () => this.options.api.updateAnnotation({ documentId, annotationId, attributes: { [attributeId]: value } }),
      () => this.announce(done),
    );
  }

  /** Links an own annotation to an entity (null: unlinks it); `done` is the status once saved. */
  setEntity(annotationId: string, entityId: string | null, done: string): void {
    const documentId = this.committed.document.id;
    this.mutate(
      () => this.options.api.updateAnnotation({ documentId, annotationId, entityId }),
      () => this.announce(done),
    );
  }

  /** Undoes or redoes the last change to the document in Read mode. */
  history(direction: 'undo' | 'redo'): void {
    const { document: open, undoLabel, redoLabel } = this.committed;
    // With changes still on their way to the store, the store decides whether there is anything to undo.
    if (!(direction === 'undo' ? undoLabel : redoLabel) && this.pending === 0) return this.announce(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    const documentId = open.id;
    this.mutate(
      () => (direction === 'undo' ? this.options.api.undo({ documentId }) : this.options.api.redo({ documentId })),
      (change) => this.announce(direction === 'undo' ? `Undid: ${change.redoLabel ?? ''}` : `Redid: ${change.undoLabel ?? ''}`),
    );
  }
}

/** The session a reader's commands talk to. */
export const readerSession = Facet.define<ReaderSession, ReaderSession | null>({
  combine: (values) => values[0] ?? null,
});
