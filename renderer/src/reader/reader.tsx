import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { OWN_LAYER_ID, type Annotation, type AnnotationLayer, type LabelSchema } from '../../../annotations/model';
import type { Result } from '../../../annotations/result';
import type { TextSpan } from '../../../annotations/text/word-boundaries';
import type { DocumentChange, DocumentView } from '../../../shared/library';
import { annotationMarks, diffAnnotations, markLabels, type MarkSpan, type MarksChange } from './annotation-marks';
import { applyDocumentChange, marksOf, NO_MARKS_CHANGE, revertMarks, settleMarks } from './document-change';
import { AnnotationList } from './annotation-list';
import { LabelPalette } from './label-palette';
import { NoteEditor } from './note-editor';
import { noteTooltip, type TooltipEntry } from './note-tooltip';
import { OverlapChooser, type ChooserEntry } from './overlap-chooser';
import { readerKeymap, type ReaderCommands } from './reader-keymap';
import { SearchPanel } from './search-panel';
import { spanForSelection, type SnapMode } from './selection-snap';
import { ShortcutSheet } from './shortcut-sheet';
import { spanHighlight } from './span-highlight';
import { outlineStyles, outlineStyleSheet } from './layer-outlines';
import './reader.css';
import { oneLine } from '../../../annotations/text/ellipsis';

/**
 * Undo and redo supplied by the mode around the reader, in place of the
 * reader's own (Review undoes decisions, never the tags made in Read mode).
 */
export interface ReaderHistory {
  undoLabel: string | null;
  redoLabel: string | null;
  /** Why there is nothing to undo: the disabled button's title and the status when Ctrl+Z is pressed. */
  undoEmpty: string;
  /** Undoes or redoes; resolves with the sentence for the status line. */
  run(direction: 'undo' | 'redo'): Promise<string>;
}

/** What the app hands the reader. */
export interface ReaderProps {
  view: DocumentView;
  labels: LabelSchema;
  author: string;
  onViewChange(view: DocumentView): void;
  onError(message: string): void;
  /** Other layers drawn beside the analyst's own, as dashed outlines with underlines (a colleague's, the reconciled one). */
  overlayLayers?: readonly AnnotationLayer[];
  /** Whether the analyst's own marks are drawn (default true). */
  showOwn?: boolean;
  /** A region outlined and brought into view: the difference under review. */
  focusRegion?: TextSpan | null;
  /** Takes the place of the annotation list beside the text (review mode puts its panel here). */
  side?: ReactNode;
  /** Keys of the mode around the reader (review), listed in the shortcut sheet after the reader's own. */
  moreShortcuts?: ReadonlyArray<readonly [keys: string, action: string]>;
  /** Undo and redo of the mode around the reader, replacing the reader's own. */
  historyOverride?: ReaderHistory;
}

const SNAP_MODE_KEY = 'parley.reader.snapMode';
/** Inputs that take no typing. */
const CLICKABLE_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);
const NO_ANNOTATIONS: readonly Annotation[] = [];
const NO_LAYERS: readonly AnnotationLayer[] = [];

function overlayMarks(layers: readonly AnnotationLayer[]): MarkSpan[] {
  return layers.flatMap((l) => l.annotations.map((a) => ({ start: a.start, end: a.end, labelId: a.labelId, layer: l.id })));
}

/** True when two lists of marks draw the same thing (every view arrives as new objects, so identity says nothing). */
function sameMarks(a: readonly MarkSpan[], b: readonly MarkSpan[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.start !== y.start || x.end !== y.end || x.labelId !== y.labelId || x.layer !== y.layer) return false;
  }
  return true;
}

function ownAnnotations(view: DocumentView): readonly Annotation[] {
  return view.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? NO_ANNOTATIONS;
}

function toMark(a: Annotation): MarkSpan {
  return { start: a.start, end: a.end, labelId: a.labelId, layer: OWN_LAYER_ID };
}

/** Annotations covering the character at `index`, innermost first. O(n), only on clicks and hovers. */
function annotationsAt(annotations: readonly Annotation[], index: number): Annotation[] {
  const found: Annotation[] = [];
  for (const a of annotations) {
    if (a.start > index) break;
    if (a.end > index) found.push(a);
  }
  return found.sort((a, b) => a.end - a.start - (b.end - b.start));
}

function lastIndexBefore(annotations: readonly Annotation[], offset: number): number {
  let at = -1;
  for (let i = 0; i < annotations.length && annotations[i]!.start < offset; i++) at = i;
  return at;
}

/** An id lookup over a list, built on first use (most views never need it). */
function lazyIndex(annotations: readonly Annotation[]): { get(id: string): Annotation | undefined } {
  let index: Map<string, Annotation> | undefined;
  return {
    get(id) {
      index ??= new Map(annotations.map((a) => [a.id, a]));
      return index.get(id);
    },
  };
}

function readSnapMode(): SnapMode {
  try {
    return localStorage.getItem(SNAP_MODE_KEY) === 'exact' ? 'exact' : 'words';
  } catch {
    return 'words';
  }
}

/**
 * The article in a read-only CodeMirror view, its annotations as marks, and
 * the tools around it: label palette, annotation list, search, hover notes,
 * overlap chooser, shortcut sheet. A tag or a deletion is drawn at once and
 * sent to the store; the store answers with the change it saved, which
 * settles the marks and patches the view (see `document-change.ts`). Marks
 * are only ever added and removed one by one, never rebuilt for a change.
 */
export function Reader({ view, labels, author, onViewChange, onError, overlayLayers = NO_LAYERS, showOwn = true, focusRegion = null, side, moreShortcuts, historyOverride }: ReaderProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const cmRef = useRef<EditorView | null>(null);
  const [parts] = useState(() => ({
    marks: annotationMarks({ layerStyles: { [OWN_LAYER_ID]: 'fill' } }),
    selected: spanHighlight('cm-parley-selected'),
    matches: spanHighlight('cm-parley-match'),
    currentMatch: spanHighlight('cm-parley-match-current'),
    overlay: annotationMarks({ defaultStyle: 'outline' }),
    region: spanHighlight('cm-parley-region'),
    keys: new Compartment(),
  }));

  const own = ownAnnotations(view);
  const appearance = useMemo(() => markLabels(labels.labels), [labels]);
  const byId = useMemo(() => lazyIndex(own), [own]);
  const overlay = useMemo(() => overlayMarks(overlayLayers), [overlayLayers]);
  const overlayIds = overlayLayers.map((l) => l.id).join('\u0000');
  const outlines = useMemo(() => outlineStyles(overlayIds === '' ? [] : overlayIds.split('\u0000')), [overlayIds]);

  const [selectedId, setSelectedIdState] = useState<string | null>(null);
  const [snapMode, setSnapModeState] = useState<SnapMode>(readSnapMode);
  const [relabelling, setRelabelling] = useState(false);
  const [status, setStatus] = useState('');
  const [chooser, setChooser] = useState<{ x: number; y: number; entries: ChooserEntry[] } | null>(null);
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);

  // What the CodeMirror commands read: always the latest props and state, without recreating the view.
  const latest = useRef({ view, own, byId, labels, appearance, snapMode, selectedId, relabelling, author, onViewChange, onError, overlay, overlayLayers, historyOverride });
  latest.current = { ...latest.current, view, own, byId, labels, appearance, snapMode, author, onViewChange, onError, overlay, overlayLayers, historyOverride };
  /** The annotations the marks currently show; the next view is diffed against it. */
  const drawn = useRef<{ documentId: string; annotations: readonly Annotation[] }>({ documentId: view.document.id, annotations: own });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Changes sent to the store and not yet answered. */
  const pending = useRef(0);
  /** Annotations already taken off the text while their deletion is on its way to the store. */
  const deleting = useRef(new Set<string>());
  /** The own annotations as the analyst sees them: without those being deleted. */
  const visibleOwn = useCallback((): readonly Annotation[] => {
    const all = latest.current.own;
    return deleting.current.size === 0 ? all : all.filter((a) => !deleting.current.has(a.id));
  }, []);
  /** The newest view: the app's, patched with each confirmed change before React renders it. */
  const committed = useRef(view);
  const propView = useRef(view);
  if (propView.current !== view) {
    propView.current = view;
    committed.current = view;
  }
  const mounted = useRef(performance.now());

  const setSelectedId = useCallback((id: string | null) => {
    latest.current.selectedId = id;
    setSelectedIdState(id);
  }, []);

  const setRelabel = useCallback((on: boolean) => {
    latest.current.relabelling = on;
    setRelabelling(on);
  }, []);

  /** Brings the marks up to date with a view: a diff when the document is the same, a rebuild otherwise. */
  const drawView = useCallback(
    (next: DocumentView) => {
      const cm = cmRef.current;
      const annotations = ownAnnotations(next);
      if (!cm) return;
      if (drawn.current.documentId !== next.document.id) {
        cm.dispatch({
          changes: { from: 0, to: cm.state.doc.length, insert: next.document.text },
          selection: { anchor: 0 },
          effects: parts.marks.replace.of({ spans: annotations.map(toMark), labels: markLabels(latest.current.labels.labels) }),
        });
      } else {
        const { added, removed } = diffAnnotations(drawn.current.annotations, annotations);
        if (added.length > 0 || removed.length > 0) cm.dispatch({ effects: parts.marks.change.of({ add: added.map(toMark), remove: removed.map(toMark) }) });
      }
      drawn.current = { documentId: next.document.id, annotations };
    },
    [parts],
  );

  /**
   * Sends one change to the store, in order with the others. `early` is what
   * the caller already drew (a tag's mark, a deleted mark) so the analyst sees
   * it at once; it is settled against the change the store confirms, or taken
   * back, with a message, if the store refuses or cannot save it. The store
   * answers with the change alone; the view is patched with it, and fetched
   * whole only if it turns out to be out of step.
   */
  const mutate = useCallback(
    (call: () => Promise<Result<DocumentChange>>, then?: (change: DocumentChange) => void, early: MarksChange = NO_MARKS_CHANGE) => {
      pending.current += 1;
      const run = async () => {
        const sent = performance.now();
        const result = await call().finally(() => (pending.current -= 1));
        const cm = cmRef.current;
        if (!result.ok) {
          if (cm && (early.add.length > 0 || early.remove.length > 0)) {
            cm.dispatch({ effects: parts.marks.change.of(revertMarks(early)) });
            latest.current.onError(`Not saved, so it was taken back: ${result.error.message}`);
          } else latest.current.onError(result.error.message);
          return;
        }
        const received = performance.now();
        const change = result.value;
        const next = applyDocumentChange(committed.current, change);
        if (!next) {
          if (cm) cm.dispatch({ effects: parts.marks.change.of(revertMarks(early)) });
          const fresh = await window.parley.api.getDocument({ documentId: change.documentId });
          if (!fresh.ok) return latest.current.onError(fresh.error.message);
          committed.current = fresh.value;
          drawView(fresh.value);
          latest.current.onViewChange(fresh.value);
          then?.(change);
          return;
        }
        if (cm && change.layerId === OWN_LAYER_ID) {
          const rest = settleMarks({ add: marksOf(change.added, OWN_LAYER_ID), remove: marksOf(change.removed, OWN_LAYER_ID) }, early);
          if (rest.add.length > 0 || rest.remove.length > 0) cm.dispatch({ effects: parts.marks.change.of(rest) });
          drawn.current = { documentId: next.document.id, annotations: ownAnnotations(next) };
        }
        committed.current = next;
        const applied = performance.now();
        // User Timing entries (visible in DevTools and to the bench).
        performance.measure('parley:change-saved', { start: sent, end: received });
        performance.measure('parley:apply-change', { start: received, end: applied });
        latest.current.onViewChange(next);
        then?.(change);
      };
      queue.current = queue.current.then(run, run);
    },
    [drawView, parts],
  );

  const focusText = useCallback(() => cmRef.current?.focus(), []);

  const selectAnnotation = useCallback(
    (id: string | null, scroll = false) => {
      setSelectedId(id);
      setChooser(null);
      const cm = cmRef.current;
      const annotation = id ? latest.current.byId.get(id) : undefined;
      if (!cm || !annotation) return;
      cm.dispatch({ selection: { anchor: annotation.start }, effects: scroll ? EditorView.scrollIntoView(annotation.start, { y: 'center' }) : [] });
      const label = latest.current.appearance.get(annotation.labelId);
      setStatus(`Selected ${label?.name ?? annotation.labelId}: “${oneLine(annotation.quote.exact, 50)}”. Delete removes it, l changes its label, Enter edits its note.`);
    },
    [setSelectedId],
  );

  const tag = useCallback(
    (labelId: string) => {
      const cm = cmRef.current;
      if (!cm) return;
      const pressed = performance.now();
      const { view: current, own: annotations, snapMode: mode, appearance: looks } = latest.current;
      const selection = cm.state.selection.main;
      const name = looks.get(labelId)?.name ?? labelId;
      if (selection.empty) {
        setStatus(`Select some text first, then press a label key to tag it as ${name}.`);
        return;
      }
      const span = spanForSelection(cm.state.doc, selection.from, selection.to, mode);
      if (!span) {
        setStatus('The selection holds no words. Tick “Exact characters” to tag punctuation or spaces.');
        return;
      }
      if (annotations.some((a) => a.start === span.start && a.end === span.end && a.labelId === labelId)) {
        setStatus(`“${oneLine(cm.state.sliceDoc(span.start, span.end), 50)}” is already tagged as ${name}.`);
        return;
      }
      const documentId = current.document.id;
      // Drawn now, saved next: the mark must not wait for the disk. The text selection stays until
      // the store confirms (moving the DOM selection costs a layout in this frame), so a refused tag
      // leaves it ready to try again.
      const early: MarksChange = { add: [{ start: span.start, end: span.end, labelId, layer: OWN_LAYER_ID }], remove: [] };
      cm.dispatch({ effects: parts.marks.change.of(early) });
      performance.measure('parley:tag-drawn', { start: pressed });
      mutate(
        () => window.parley.api.addAnnotations({ documentId, spans: [{ start: span.start, end: span.end, labelId }] }),
        (change) => {
          performance.measure('parley:tag-saved', { start: pressed });
          const now = cmRef.current;
          const created = change.added[0];
          // Unless the analyst has moved on (a new selection made while this one was saving),
          // put the cursor after the new mark and select it.
          if (now && now.state.selection.main.from === selection.from && now.state.selection.main.to === selection.to) {
            now.dispatch({ selection: { anchor: span.end } });
            if (created) selectAnnotation(created.id);
          }
          setStatus(`Tagged “${oneLine(created?.quote.exact ?? '', 50)}” as ${name}.`);
        },
        early,
      );
    },
    [mutate, selectAnnotation, parts],
  );

  const history = useCallback(
    (direction: 'undo' | 'redo') => {
      const override = latest.current.historyOverride;
      if (override) {
        void override.run(direction).then(setStatus);
        return;
      }
      const { document: open, undoLabel, redoLabel } = committed.current;
      // With changes still on their way to the store, the store decides whether there is anything to undo.
      if (!(direction === 'undo' ? undoLabel : redoLabel) && pending.current === 0) {
        setStatus(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      const documentId = open.id;
      mutate(
        () => (direction === 'undo' ? window.parley.api.undo({ documentId }) : window.parley.api.redo({ documentId })),
        (change) => setStatus(direction === 'undo' ? `Undid: ${change.redoLabel ?? ''}` : `Redid: ${change.undoLabel ?? ''}`),
      );
    },
    [mutate],
  );

  const deleteAnnotation = useCallback(
    (id: string) => {
      const documentId = latest.current.view.document.id;
      const annotation = latest.current.byId.get(id);
      setSelectedId(null);
      const early: MarksChange = { add: [], remove: annotation ? [toMark(annotation)] : [] };
      if (annotation) cmRef.current?.dispatch({ effects: parts.marks.change.of(early) });
      deleting.current.add(id);
      mutate(
        () => window.parley.api.deleteAnnotations({ documentId, annotationIds: [id] }).finally(() => deleting.current.delete(id)),
        () => setStatus('Annotation deleted. Ctrl+Z brings it back.'),
        early,
      );
    },
    [mutate, setSelectedId, parts],
  );

  const relabel = useCallback(
    (id: string, labelId: string) => {
      const documentId = latest.current.view.document.id;
      const annotation = latest.current.byId.get(id);
      const name = latest.current.appearance.get(labelId)?.name ?? labelId;
      if (!annotation || annotation.labelId === labelId) {
        setStatus(`Already labelled ${name}.`);
        return;
      }
      mutate(
        () => window.parley.api.updateAnnotation({ documentId, annotationId: id, labelId }),
        () => setStatus(`Changed the label to ${name}.`),
      );
    },
    [mutate],
  );

  const saveNote = useCallback(
    (id: string, note: string) => {
      const documentId = latest.current.view.document.id;
      setNoteFor(null);
      mutate(
        () => window.parley.api.updateAnnotation({ documentId, annotationId: id, note: note === '' ? null : note }),
        () => setStatus(note === '' ? 'Note removed.' : 'Note saved.'),
      );
      focusText();
    },
    [mutate, focusText],
  );

  const tagAll = useCallback(
    (labelId: string, spans: TextSpan[]) => {
      const documentId = latest.current.view.document.id;
      const name = latest.current.appearance.get(labelId)?.name ?? labelId;
      mutate(
        () =>
          window.parley.api.addAnnotations({
            documentId,
            spans: spans.map((s) => ({ start: s.start, end: s.end, labelId })),
            historyLabel: `Tag ${spans.length} matches as ${name}`,
          }),
        () => setStatus(`Tagged ${spans.length} matches as ${name}. One undo removes them all.`),
      );
    },
    [mutate],
  );

  const commands = useMemo<ReaderCommands>(
    () => ({
      tag(labelId) {
        tag(labelId);
        return true;
      },
      step(direction) {
        const { selectedId: current, byId: index } = latest.current;
        const annotations = visibleOwn();
        const cm = cmRef.current;
        if (annotations.length === 0 || !cm) return false;
        const selected = current ? index.get(current) : undefined;
        let at: number;
        if (selected) {
          at = annotations.indexOf(selected) + direction;
        } else {
          const head = cm.state.selection.main.head;
          at = direction === 1 ? annotations.findIndex((a) => a.start >= head) : lastIndexBefore(annotations, head);
        }
        at = (at + annotations.length) % annotations.length;
        selectAnnotation(annotations[at]!.id, true);
        return true;
      },
      deleteSelected() {
        const id = latest.current.selectedId;
        if (!id) return false;
        deleteAnnotation(id);
        return true;
      },
      beginRelabel() {
        if (!latest.current.selectedId) {
          setStatus('Select an annotation first (click it or press Tab), then press l and a label key.');
          return true;
        }
        setRelabel(true);
        const keys = latest.current.labels.labels.filter((l) => l.shortcut).map((l) => `${l.shortcut} ${l.name}`);
        setStatus(`Change label: press ${keys.join(', ')} (any other key cancels).`);
        return true;
      },
      relabelPending: () => latest.current.relabelling,
      finishRelabel(key) {
        setRelabel(false);
        const label = latest.current.labels.labels.find((l) => l.shortcut === key);
        const id = latest.current.selectedId;
        if (!label || !id) {
          setStatus('Label change cancelled.');
          return;
        }
        relabel(id, label.id);
      },
      openNote() {
        const id = latest.current.selectedId;
        if (!id) return false;
        setNoteFor(id);
        return true;
      },
      clear() {
        const cm = cmRef.current;
        const hadSomething = latest.current.selectedId !== null || (cm !== null && !cm.state.selection.main.empty);
        setSelectedId(null);
        setChooser(null);
        setStatus('');
        if (cm && !cm.state.selection.main.empty) cm.dispatch({ selection: { anchor: cm.state.selection.main.head } });
        return hadSomething;
      },
      showShortcuts() {
        setSheetOpen(true);
        return true;
      },
      undo() {
        history('undo');
        return true;
      },
      redo() {
        history('redo');
        return true;
      },
      openSearch() {
        setSearchOpen(true);
        // Focus an already open search box too.
        requestAnimationFrame(() => hostRef.current?.closest('.parley-reader')?.querySelector<HTMLInputElement>('.parley-search-input')?.select());
        return true;
      },
    }),
    [tag, selectAnnotation, deleteAnnotation, relabel, history, setSelectedId, setRelabel, visibleOwn],
  );

  const tooltipEntries = useCallback((index: number): TooltipEntry[] => {
    const { appearance: looks, overlayLayers: others, author: me } = latest.current;
    const annotations = visibleOwn();
    const entry = (a: Annotation, layerName?: string): TooltipEntry => {
      const look = looks.get(a.labelId);
      return { start: a.start, end: a.end, labelName: look?.name ?? a.labelId, color: look?.color ?? '#6b7280', author: a.author, time: a.createdAt, note: a.note, layerName };
    };
    const mine = annotationsAt(annotations, index);
    if (others.length === 0) return mine.map((a) => entry(a));
    return [...mine.map((a) => entry(a, me)), ...others.flatMap((l) => annotationsAt(l.annotations, index).map((a) => entry(a, l.kind === 'reconciled' ? 'Reconciled' : l.author)))];
  }, [visibleOwn]);

  // Create the editor once; React owns its life.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const initial = latest.current;
    const base = EditorState.create({
      doc: initial.view.document.text,
      extensions: [
        // Only "\n" splits lines, so a CRLF keeps its "\r" in the text and offsets stay those of the stored text.
        EditorState.lineSeparator.of('\n'),
        EditorState.readOnly.of(true),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': `Text of ${initial.view.document.title}`, spellcheck: 'false' }),
        // Search highlights nest inside the annotation marks; the selected annotation's outline wraps them.
        parts.currentMatch.extension,
        parts.matches.extension,
        parts.marks.extension,
        parts.overlay.extension,
        parts.selected.extension,
        parts.region.extension,
        parts.keys.of(readerKeymap(commands, initial.labels.labels)),
        noteTooltip(tooltipEntries),
        EditorView.domEventHandlers({
          // Nothing may be typed into the article.
          beforeinput: (event) => {
            event.preventDefault();
            return true;
          },
          click(event, cm) {
            if (event.button !== 0 || event.detail > 1 || !cm.state.selection.main.empty) return false;
            const hit = cm.posAndSideAtCoords({ x: event.clientX, y: event.clientY });
            const index = hit ? (hit.assoc === 1 ? hit.pos : hit.pos - 1) : -1;
            const here = index >= 0 ? annotationsAt(visibleOwn(), index) : [];
            if (here.length === 0) {
              if (latest.current.selectedId) setSelectedId(null);
              setChooser(null);
            } else if (here.length === 1) {
              selectAnnotation(here[0]!.id);
            } else {
              const looks = latest.current.appearance;
              setChooser({
                x: event.clientX,
                y: event.clientY,
                entries: here.map((a) => ({ id: a.id, label: looks.get(a.labelId) ?? { name: a.labelId, color: '#6b7280', underline: 'solid' }, quote: oneLine(a.quote.exact, 50) })),
              });
            }
            return false;
          },
        }),
        EditorView.updateListener.of((update) => {
          // A new text selection made by the user replaces the selected annotation.
          if (update.selectionSet && !update.state.selection.main.empty && latest.current.selectedId && update.transactions.some((tr) => tr.isUserEvent('select'))) {
            setSelectedId(null);
          }
        }),
      ],
    });
    const state = base.update({
      effects: [parts.marks.replace.of({ spans: initial.own.map(toMark), labels: initial.appearance }), parts.overlay.replace.of({ spans: initial.overlay, labels: initial.appearance })],
    }).state;
    const cm = new EditorView({ state, parent: host });
    cmRef.current = cm;
    requestAnimationFrame(() => performance.measure('parley:reader-open', { start: mounted.current }));
    drawn.current = { documentId: initial.view.document.id, annotations: initial.own };
    return () => {
      cm.destroy();
      cmRef.current = null;
    };
  }, [parts, commands, tooltipEntries, selectAnnotation, setSelectedId, visibleOwn]);

  // A new view from the store (or from the app): apply only what changed.
  useEffect(() => drawView(view), [view, drawView]);

  // Other layers change rarely (shown, hidden, loaded), so they are redrawn whole.
  const drawnOverlay = useRef(overlay);
  useEffect(() => {
    if (sameMarks(drawnOverlay.current, overlay)) return;
    drawnOverlay.current = overlay;
    cmRef.current?.dispatch({ effects: parts.overlay.replace.of({ spans: overlay, labels: latest.current.appearance }) });
  }, [overlay, parts]);

  // The region under review: outlined and scrolled to the middle of the view.
  const regionStart = focusRegion?.start ?? -1;
  const regionEnd = focusRegion?.end ?? -1;
  useEffect(() => {
    const cm = cmRef.current;
    if (!cm) return;
    const region = regionStart >= 0 && regionEnd <= cm.state.doc.length ? { start: regionStart, end: regionEnd } : null;
    cm.dispatch({ effects: [parts.region.set.of(region ? [region] : []), ...(region ? [EditorView.scrollIntoView(region.start, { y: 'center' })] : [])] });
  }, [regionStart, regionEnd, parts]);

  // New labels: redraw every mark with the new appearances and rebind the label keys.
  const firstLabels = useRef(labels);
  useEffect(() => {
    const cm = cmRef.current;
    if (!cm || firstLabels.current === labels) return;
    firstLabels.current = labels;
    cm.dispatch({
      effects: [
        parts.marks.replace.of({ spans: drawn.current.annotations.map(toMark), labels: markLabels(labels.labels) }),
        parts.overlay.replace.of({ spans: drawnOverlay.current, labels: markLabels(labels.labels) }),
        parts.keys.reconfigure(readerKeymap(commands, labels.labels)),
      ],
    });
  }, [labels, parts, commands]);

  // The selected annotation's outline; forget it once it is gone (deleted, undone).
  useEffect(() => {
    const annotation = selectedId ? byId.get(selectedId) : undefined;
    if (selectedId && !annotation) setSelectedId(null);
    cmRef.current?.dispatch({ effects: parts.selected.set.of(annotation ? [annotation] : []) });
  }, [selectedId, byId, parts, setSelectedId]);

  const showMatches = useCallback(
    (ranges: readonly TextSpan[], current: number) => {
      const cm = cmRef.current;
      if (!cm) return;
      const match = ranges[current];
      cm.dispatch({
        effects: [parts.matches.set.of(ranges), parts.currentMatch.set.of(match ? [match] : []), ...(match ? [EditorView.scrollIntoView(match.start, { y: 'center' })] : [])],
      });
    },
    [parts],
  );

  const closeSearch = useCallback(() => {
    setSearchOpen(false);
    cmRef.current?.dispatch({ effects: [parts.matches.set.of([]), parts.currentMatch.set.of([])] });
    focusText();
  }, [parts, focusText]);

  const setSnapMode = (mode: SnapMode) => {
    setSnapModeState(mode);
    latest.current.snapMode = mode;
    try {
      localStorage.setItem(SNAP_MODE_KEY, mode);
    } catch {
      // Private storage may be unavailable; the choice then lasts for this session.
    }
  };

  // Keys that also work while focus is in the side list or toolbar rather than the text.
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (cmRef.current?.contentDOM.contains(target) || target.closest('dialog')) return;
    // A box just ticked (a span kept in Review) takes no typing, so Ctrl+Z there still undoes.
    const typing = (target instanceof HTMLInputElement && !CLICKABLE_INPUTS.has(target.type)) || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (mod && key === 'f') {
      event.preventDefault();
      commands.openSearch();
    } else if (typing) {
      return;
    } else if (mod && key === 'z') {
      event.preventDefault();
      history(event.shiftKey ? 'redo' : 'undo');
    } else if (mod && key === 'y') {
      event.preventDefault();
      history('redo');
    } else if (event.key === '?') {
      event.preventDefault();
      setSheetOpen(true);
    }
  };

  const selected = selectedId ? byId.get(selectedId) : undefined;
  const undoLabel = historyOverride ? historyOverride.undoLabel : view.undoLabel;
  const redoLabel = historyOverride ? historyOverride.redoLabel : view.redoLabel;
  const undoEmpty = historyOverride ? historyOverride.undoEmpty : 'Nothing to undo';
  const noteTarget = noteFor ? byId.get(noteFor) : undefined;

  return (
    <div className={`parley-reader${showOwn ? '' : ' parley-hide-own'}`} onKeyDown={onKeyDown}>
      <div className="parley-reader-toolbar">
        <LabelPalette labels={labels.labels} appearance={appearance} snapMode={snapMode} onSnapModeChange={setSnapMode} onTag={(id) => tag(id)} />
        <div className="parley-tools">
          <button type="button" className="parley-search-open" title="Search (Ctrl+F)" onClick={() => commands.openSearch()}>
            Search
          </button>
          <button type="button" className="parley-help" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" onClick={() => setSheetOpen(true)}>
            ?
          </button>
        </div>
      </div>
      {overlayLayers.length > 0 && <style>{outlineStyleSheet(outlines)}</style>}
      {searchOpen && <SearchPanel text={view.document.text} labels={labels.labels} annotations={own} onMatches={showMatches} onTagAll={tagAll} onClose={closeSearch} />}
      <div className="parley-reader-body">
        <div className="parley-reader-text" ref={hostRef} />
        <aside className="parley-reader-side">
          {side}
          {!side && selected && (
            <div className="parley-selected" aria-label="Selected annotation">
              <div className="parley-selected-quote">“{oneLine(selected.quote.exact, 50)}”</div>
              <div className="parley-selected-actions">
                {labels.labels.map((l) => (
                  <button
                    key={l.id}
                    type="button"
                    aria-pressed={l.id === selected.labelId}
                    className="parley-relabel"
                    data-label={l.id}
                    onClick={() => relabel(selected.id, l.id)}
                  >
                    {l.name}
                  </button>
                ))}
              </div>
              <div className="parley-selected-actions">
                <button type="button" onClick={() => setNoteFor(selected.id)}>
                  {selected.note ? 'Edit note' : 'Add note'}
                </button>
                <button type="button" className="parley-delete" onClick={() => deleteAnnotation(selected.id)}>
                  Delete
                </button>
              </div>
            </div>
          )}
          {!side && <AnnotationList
            annotations={own}
            labels={labels.labels}
            appearance={appearance}
            selectedId={selectedId}
            onSelect={(id) => {
              selectAnnotation(id, true);
              focusText();
            }}
          />}
        </aside>
      </div>
      <div className="parley-reader-footer">
        {overlayLayers.length > 0 && !side && (
          <p className="parley-layer-legend" aria-label="Layers shown" data-testid="layer-legend">
            {showOwn && (
              <span className="parley-legend-entry" data-layer={OWN_LAYER_ID}>
                <span className="parley-legend-sample parley-legend-fill" aria-hidden="true">
                  Ab
                </span>{' '}
                {author}
              </span>
            )}
            {overlayLayers.map((l) => (
              <span key={l.id} className="parley-legend-entry" data-layer={l.id} data-outline={outlines.get(l.id)}>
                <span className="parley-legend-sample" style={{ outlineStyle: outlines.get(l.id), outlineWidth: outlines.get(l.id) === 'double' ? '3px' : undefined }} aria-hidden="true">
                  Ab
                </span>{' '}
                {l.kind === 'reconciled' ? 'Reconciled' : l.author}
              </span>
            ))}
          </p>
        )}
        <div className="parley-reader-status" role="status" aria-live="polite">
          {relabelling ? 'Press a label key…' : status}
        </div>
        <div className="parley-history" role="group" aria-label="History" data-scope={historyOverride ? 'review' : 'read'}>
          <button type="button" className="parley-undo" disabled={!undoLabel} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : undoEmpty} onClick={() => history('undo')}>
            ↶ Undo{undoLabel ? <span className="parley-history-label">: {undoLabel}</span> : historyOverride && <span className="parley-history-label">: no decision yet</span>}
          </button>
          <button type="button" className="parley-redo" disabled={!redoLabel} title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={() => history('redo')}>
            ↷ Redo{redoLabel && <span className="parley-history-label">: {redoLabel}</span>}
          </button>
        </div>
      </div>
      {chooser && (
        <OverlapChooser
          x={chooser.x}
          y={chooser.y}
          entries={chooser.entries}
          onChoose={(id) => {
            selectAnnotation(id);
            focusText();
          }}
          onClose={() => {
            setChooser(null);
            focusText();
          }}
        />
      )}
      <ShortcutSheet
        open={sheetOpen}
        labels={labels.labels}
        more={moreShortcuts}
        onClose={() => {
          setSheetOpen(false);
          focusText();
        }}
      />
      {noteTarget && (
        <NoteEditor
          quote={noteTarget.quote.exact}
          labelName={appearance.get(noteTarget.labelId)?.name ?? noteTarget.labelId}
          note={noteTarget.note ?? ''}
          onSave={(note) => saveNote(noteTarget.id, note)}
          onClose={() => {
            setNoteFor(null);
            focusText();
          }}
        />
      )}
    </div>
  );
}
