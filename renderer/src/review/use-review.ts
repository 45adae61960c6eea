import { useCallback, useMemo, useRef, useState } from 'react';
import { OWN_LAYER_ID, type Annotation, type DecisionAction, type DifferenceKind, type LabelSchema, type ReviewDecision } from '../../../annotations/model';
import type { Result } from '../../../annotations/result';
import { countByKind, decidedKeys, findUndecided, stepIndex } from '../../../annotations/review/difference-navigation';
import type { Difference } from '../../../annotations/review/differences';
import { keptLayerIds } from '../../../annotations/review/layer-decisions';
import { findLayerDifferences, type LayerDifference } from '../../../annotations/review/layer-differences';
import { reviewProgress } from '../../../annotations/review/review-progress';
import { reviewedRelations, type ReviewedRelation } from '../../../annotations/review/relation-decisions';
import { sameLayers } from '../../../annotations/review/review-state';
import type { DocumentView, ReviewChange } from '../../../shared/library';
import { applyReviewChange, isDocumentView } from './apply-review-change';
import type { ProgressRow } from './review-queue-row';
import type { ReviewCommand } from './review-keys';
import { actionWords } from './review-words';
import { plural } from '../../../annotations/text/plural';
import { oneLine } from '../../../annotations/text/ellipsis';

/** What a review of one document against one colleague needs. */
export interface ReviewOptions {
  view: DocumentView;
  /** The colleague layer compared with the analyst's own (`colleague:<name>`). */
  theirsLayerId: string;
  /**
   * Every layer compared, in order (the first plays "mine"), to review
   * several layers at once; absent, the analyst's own and `theirsLayerId`.
   */
  layerIds?: readonly string[];
  /** Only the differences that involve this label (click-through from a label's bar); absent, all. */
  onlyLabel?: string | null;
  /** The label schema, whose undirected relation types match links either way round; absent, every type is directed. */
  labels?: LabelSchema;
  /** Receives the document as the store has it after each decision. */
  onViewChange(view: DocumentView): void;
  onError(message: string): void;
  /** Opens the next document with undecided differences (Shift+N). */
  onNextDocument?(): void;
  /** Receives this document's progress row that a decision's answer carried, with the decisions it counts, before the view. */
  onProgress?(row: ProgressRow, decisions: readonly ReviewDecision[]): void;
}

/** A decision as the review shows it: stored, or on its way to the store. */
export interface ShownDecision {
  action: DecisionAction;
  /** The stored record (who decided and when); null while the decision is being saved. */
  record: ReviewDecision | null;
  /** Ids of the difference's spans the decision keeps in the reconciled layer. */
  kept: ReadonlySet<string>;
}

/** The state of a review and what can be done in it. */
export interface ReviewModel {
  documentId: string;
  theirsLayerId: string;
  /** The layers compared, in order; the first plays "mine". */
  layerIds: readonly string[];
  /** Every difference among the layers, in reading order. */
  differences: readonly LayerDifference[];
  counts: Readonly<Record<DifferenceKind, number>>;
  /** Differences with a decision (saved or being saved). */
  decided: number;
  /** Decisions whose difference no longer exists because a layer changed since. */
  stale: readonly ReviewDecision[];
  focusIndex: number | null;
  focused: Difference | null;
  /** The last thing the review did, as a sentence (for the status line and screen readers). */
  status: string;
  decisionOf(difference: Difference): ShownDecision | null;
  focus(index: number): void;
  step(direction: 1 | -1): void;
  nextUndecided(): void;
  /** Decides the focused difference and moves on to the next undecided one. */
  decide(action: DecisionAction): void;
  /** Keeps exactly these spans of the focused difference (a `choose-spans` decision); the focus stays. */
  chooseSpans(keepIds: readonly string[]): void;
  acceptAllAgreed(): void;
  run(command: ReviewCommand): void;
  /** The decision Ctrl+Z would undo in Review, or null. */
  undoLabel: string | null;
  /** The decision Ctrl+Shift+Z would redo in Review, or null. */
  redoLabel: string | null;
  /** Why there is nothing to undo here (said on the button and when Ctrl+Z is pressed). */
  undoEmpty: string;
  /** Undoes or redoes the newest decision, after any still being saved; resolves with what it did, as a sentence. */
  history(direction: 'undo' | 'redo'): Promise<string>;
  /** The link differences between the analyst's layer and the colleague's (a review of two layers only; empty otherwise). */
  links: readonly ReviewedRelation[];
  /** Link differences with a decision (saved or being saved). */
  linksDecided: number;
  /** The decision on a link difference (by its `decisionKey`), saved or being saved, or null. */
  linkDecisionOf(decisionKey: string): DecisionAction | null;
  /** Decides a link difference; a link whose end is not reconciled yet is refused with the span to accept first. */
  decideLink(decisionKey: string, action: DecisionAction): void;
}

interface Focus {
  scope: string;
  key: string | null;
  index: number | null;
}

interface Pending {
  action: DecisionAction;
  ticket: number;
  /** With `choose-spans`: the spans chosen. */
  keepIds?: readonly string[];
}

const NONE: readonly Annotation[] = [];

function layerAnnotations(view: DocumentView, layerId: string): readonly Annotation[] {
  return view.layers.find((l) => l.id === layerId)?.annotations ?? NONE;
}

/** Sends one decision to the store: a pair decision against one colleague, or a decision across several layers. */
function sendDecision(
  s: { documentId: string; theirsLayerId: string; layers: readonly string[]; pair: boolean },
  differenceKey: string,
  action: DecisionAction,
  keepIds?: readonly string[],
): Promise<Result<ReviewChange>> {
  const chosen = keepIds ? { keepIds: [...keepIds] } : {};
  return s.pair
    ? window.parley.api.decide({ documentId: s.documentId, theirsLayerId: s.theirsLayerId, differenceKey, action, ...chosen })
    : window.parley.api.decideAcross({ documentId: s.documentId, layerIds: [...s.layers], differenceKey, action, ...chosen });
}

/** "12 of 30 decided." */
function progressLine(differences: readonly Difference[], decided: ReadonlySet<string>): string {
  const n = differences.filter((d) => decided.has(d.key)).length;
  return n === differences.length ? `All ${plural(n, 'difference', 'differences')} decided.` : `${n} of ${differences.length} decided.`;
}

function withKeys(base: ReadonlySet<string>, more: Iterable<string>): Set<string> {
  const all = new Set(base);
  for (const key of more) all.add(key);
  return all;
}

/**
 * Holds a review: the differences between the analyst's layer and one
 * colleague's on the open document, which one has the focus, and the
 * decisions. Decisions are sent to the store one at a time, in the order they
 * were made, and shown at once; the store's answer replaces them. The review
 * resumes at the first undecided difference whenever the document or the
 * colleague changes, so stopping and coming back needs nothing saved here.
 */
export function useReview({ view, theirsLayerId, layerIds, onlyLabel = null, labels, onViewChange, onError, onNextDocument, onProgress }: ReviewOptions): ReviewModel {
  const documentId = view.document.id;
  const layersKey = (layerIds ?? [OWN_LAYER_ID, theirsLayerId]).join('\u0000');
  const scope = `${documentId}\u0000${layersKey}\u0000${onlyLabel ?? ''}`;
  const layers = useMemo(() => layersKey.split('\u0000'), [layersKey]);
  // A pair review against one colleague keeps its own decisions (api.decide); any other comparison is a review of several layers.
  const pair = layers.length === 2 && layers[0] === OWN_LAYER_ID && layers[1] === theirsLayerId;
  const compared = useMemo(() => layers.map((id) => ({ id, annotations: layerAnnotations(view, id) })), [layers, view]);
  const differences = useMemo(() => {
    const all = findLayerDifferences(view.document.text, compared);
    return onlyLabel === null ? all : all.filter((d) => d.spans.some((s) => s.annotation.labelId === onlyLabel));
  }, [view.document.text, compared, onlyLabel]);
  const counts = useMemo(() => countByKind(differences), [differences]);
  // Links are decided in a review of the analyst's layer against one colleague's.
  const links = useMemo(() => {
    if (!pair) return [];
    const layerOf = (id: string) => view.layers.find((l) => l.id === id) ?? { annotations: [], relations: [] };
    return reviewedRelations(layerOf(OWN_LAYER_ID), layerOf(theirsLayerId), labels);
  }, [pair, view.layers, theirsLayerId, labels]);
  const linkKeys = useMemo(() => links.map((l) => l.decisionKey), [links]);
  const stored = useMemo(() => new Map(view.decisions.filter((d) => sameLayers(d, layers)).map((d) => [d.differenceKey, d])), [view.decisions, layers]);
  const stale = useMemo(() => reviewProgress(differences, view.decisions, layers, 0, linkKeys).stale, [differences, view.decisions, layers, linkKeys]);

  const firstFocus = (): Focus => {
    const index = findUndecided(differences, decidedKeys(view.decisions, layers), 0) ?? (differences.length > 0 ? 0 : null);
    return { scope, key: index === null ? null : differences[index]!.key, index };
  };
  const [focusState, setFocusState] = useState<Focus>(firstFocus);
  const [pendingState, setPendingState] = useState<{ scope: string; map: ReadonlyMap<string, Pending> }>({ scope, map: new Map() });
  const [status, setStatus] = useState('');
  let focus = focusState;
  if (focusState.scope !== scope) {
    // Another document or colleague: start again at the first undecided difference.
    focus = firstFocus();
    setFocusState(focus);
    setStatus('');
  }
  const pending = pendingState.scope === scope ? pendingState.map : new Map<string, Pending>();

  const keyed = focus.key === null ? -1 : differences.findIndex((d) => d.key === focus.key);
  const focusIndex = differences.length === 0 ? null : keyed >= 0 ? keyed : focus.index === null ? null : Math.min(focus.index, differences.length - 1);
  const decidedNow = withKeys(new Set(stored.keys()), pending.keys());
  const decided = differences.filter((d) => decidedNow.has(d.key)).length;
  const linksDecided = linkKeys.filter((k) => decidedNow.has(k)).length;

  const undoLabel = view.reviewUndoLabel ?? null;
  const redoLabel = view.reviewRedoLabel ?? null;
  const undoEmpty = view.undoLabel
    ? `No decision to undo. Tag edits (the last: ${view.undoLabel}) are undone in Read mode, not here.`
    : 'No decision to undo.';

  // What the handlers read: the latest values, updated at once by the handlers themselves so that two quick keys see each other.
  const latest = useRef({ scope, documentId, theirsLayerId, layers, pair, differences, links, stored, pending, focusIndex, onViewChange, onError, onProgress, undoLabel, redoLabel, undoEmpty });
  latest.current = { scope, documentId, theirsLayerId, layers, pair, differences, links, stored, pending, focusIndex, onViewChange, onError, onProgress, undoLabel, redoLabel, undoEmpty };
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Undo and redo steps queued or on their way to the store: while any is, a label shown may be out of date. */
  const historyInFlight = useRef(0);
  const nextDocument = useRef(onNextDocument);
  nextDocument.current = onNextDocument;
  const tickets = useRef(0);

  const setFocus = useCallback((index: number | null) => {
    const s = latest.current;
    s.focusIndex = index;
    setFocusState({ scope: s.scope, key: index === null ? null : (s.differences[index]?.key ?? null), index });
  }, []);

  const updatePending = useCallback((update: (map: Map<string, Pending>) => void, forScope = latest.current.scope) => {
    setPendingState((old) => {
      const map = new Map(old.scope === forScope ? old.map : []);
      update(map);
      return { scope: forScope, map };
    });
  }, []);

  /** Sends one change to the store after those before it; clears its pending marks when the answer comes. */
  // The view with every answer taken so far: answers arrive in order, before React has passed the last one back.
  const committed = useRef(view);
  if (committed.current.document.id !== view.document.id || view.updatedAt >= committed.current.updatedAt) committed.current = view;

  /** Puts the store's answer in the open view: a change is applied (one round trip); a view that does not take it is fetched again. */
  const takeAnswer = useCallback(async (answer: DocumentView | ReviewChange) => {
    let next = isDocumentView(answer) ? answer : applyReviewChange(committed.current, answer);
    if (next === null) {
      const fresh = await window.parley.api.getDocument({ documentId: (answer as ReviewChange).documentId });
      if (!fresh.ok) {
        latest.current.onError(`Could not refresh the document: ${fresh.error.message}`);
        return;
      }
      next = fresh.value;
    }
    committed.current = next;
    if (!isDocumentView(answer) && answer.progress) latest.current.onProgress?.(answer.progress, next.decisions);
    latest.current.onViewChange(next);
  }, []);

  const send = useCallback(
    (call: () => Promise<Result<DocumentView | ReviewChange>>, keys: readonly string[], ticket: number, failure: string) => {
      const forScope = latest.current.scope;
      const run = async () => {
        const result = await call();
        if (latest.current.scope === forScope) {
          updatePending((map) => {
            for (const key of keys) if (map.get(key)?.ticket === ticket) map.delete(key);
          }, forScope);
        }
        if (!result.ok) {
          latest.current.onError(`${failure}: ${result.error.message}`);
          return;
        }
        await takeAnswer(result.value);
      };
      queue.current = queue.current.then(run, run);
    },
    [updatePending, takeAnswer],
  );

  const markPending = useCallback(
    (keys: readonly string[], action: DecisionAction, keepIds?: readonly string[]): { ticket: number; decided: Set<string> } => {
      const s = latest.current;
      const ticket = ++tickets.current;
      const map = new Map(s.pending);
      for (const key of keys) map.set(key, { action, ticket, keepIds });
      s.pending = map;
      updatePending((m) => {
        for (const key of keys) m.set(key, { action, ticket, keepIds });
      });
      return { ticket, decided: withKeys(new Set(s.stored.keys()), map.keys()) };
    },
    [updatePending],
  );

  const decide = useCallback(
    (action: DecisionAction) => {
      const s = latest.current;
      const index = s.focusIndex;
      const difference = index === null ? undefined : s.differences[index];
      if (index === null || !difference) {
        setStatus('There is no difference to decide.');
        return;
      }
      const { ticket, decided: nowDecided } = markPending([difference.key], action);
      const next = findUndecided(s.differences, nowDecided, index + 1);
      if (next !== null) setFocus(next);
      setStatus(`${actionWords(action).done}: “${oneLine(difference.quote, 40)}”. ${progressLine(s.differences, nowDecided)}`);
      send(() => sendDecision(s, difference.key, action), [difference.key], ticket, 'The decision was not saved');
    },
    [markPending, send, setFocus],
  );

  const chooseSpans = useCallback(
    (keepIds: readonly string[]) => {
      const s = latest.current;
      const difference = s.focusIndex === null ? undefined : s.differences[s.focusIndex];
      if (!difference) return;
      const { ticket, decided: nowDecided } = markPending([difference.key], 'choose-spans', keepIds);
      const kept = keepIds.length;
      const total = difference.mineIds.length + difference.theirsIds.length;
      setStatus(`Kept ${kept} of ${plural(total, 'span', 'spans')} of “${oneLine(difference.quote, 40)}”. ${progressLine(s.differences, nowDecided)}`);
      send(
        () => sendDecision(s, difference.key, 'choose-spans', keepIds),
        [difference.key],
        ticket,
        'The choice was not saved',
      );
    },
    [markPending, send],
  );

  const acceptAllAgreed = useCallback(() => {
    const s = latest.current;
    const before = withKeys(new Set(s.stored.keys()), s.pending.keys());
    const agreedSpans = s.differences.filter((d) => d.kind === 'agreed' && !before.has(d.key)).map((d) => d.key);
    // Agreed links go with them (the store keeps those whose spans are reconciled).
    const agreed = [...agreedSpans, ...(s.pair ? s.links.filter((l) => l.kind === 'agreed' && !before.has(l.decisionKey)).map((l) => l.decisionKey) : [])];
    if (agreed.length === 0) {
      setStatus('Every agreed difference is already decided.');
      return;
    }
    const { ticket, decided: nowDecided } = markPending(agreed, 'keep-mine');
    const index = s.focusIndex;
    if (index !== null && nowDecided.has(s.differences[index]!.key) && !before.has(s.differences[index]!.key)) {
      const next = findUndecided(s.differences, nowDecided, index);
      if (next !== null) setFocus(next);
    }
    setStatus(`Kept ${s.pair ? 'your' : 'one'} copy of ${plural(agreedSpans.length, 'agreed difference', 'agreed differences')}${agreed.length > agreedSpans.length ? ` and of ${plural(agreed.length - agreedSpans.length, 'agreed link', 'agreed links')}` : ''}. ${progressLine(s.differences, nowDecided)}`);
    const { documentId: id, theirsLayerId: layerId, layers: all } = s;
    send(
      async () => {
        if (s.pair) return window.parley.api.acceptAllAgreed({ documentId: id, theirsLayerId: layerId });
        // Across several layers, "agreed" is every layer holding the span: the k-of-n rule with k = n, on this document.
        const accepted = await window.parley.api.preAcceptAgreed({ layerIds: [...all], k: all.length, documentIds: [id] });
        return accepted.ok ? window.parley.api.getDocument({ documentId: id }) : accepted;
      },
      agreed,
      ticket,
      'Accepting the agreed differences failed',
    );
  }, [markPending, send, setFocus]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const s = latest.current;
      const next = stepIndex(s.focusIndex, direction, s.differences.length);
      if (next === null) setStatus('There are no differences.');
      else setFocus(next);
    },
    [setFocus],
  );

  const nextUndecided = useCallback(() => {
    const s = latest.current;
    const all = withKeys(new Set(s.stored.keys()), s.pending.keys());
    const next = findUndecided(s.differences, all, s.focusIndex === null ? 0 : s.focusIndex + 1);
    if (next === null) setStatus(s.differences.length === 0 ? 'There are no differences.' : 'Every difference is decided.');
    else setFocus(next);
  }, [setFocus]);

  const focusAt = useCallback((index: number) => setFocus(index), [setFocus]);

  const decideLink = useCallback(
    (decisionKey: string, action: DecisionAction) => {
      const s = latest.current;
      if (!s.pair) {
        setStatus('Links are decided in a review of your layer against one colleague’s.');
        return;
      }
      const { ticket } = markPending([decisionKey], action);
      setStatus(`${actionWords(action).done} on a link.`);
      send(() => sendDecision(s, decisionKey, action), [decisionKey], ticket, 'The link decision was not saved');
    },
    [markPending, send],
  );

  const linkDecisionOf = useCallback((decisionKey: string): DecisionAction | null => pending.get(decisionKey)?.action ?? stored.get(decisionKey)?.action ?? null, [pending, stored]);

  const history = useCallback(
    (direction: 'undo' | 'redo') =>
      new Promise<string>((resolve) => {
        const s = latest.current;
        const empty = direction === 'undo' ? s.undoEmpty : 'No decision to redo.';
        // With decisions or history steps still on their way to the store, the store decides whether
        // there is anything to undo: a redo pressed right after an undo must not be refused for a label
        // the window has not received yet.
        if (!(direction === 'undo' ? s.undoLabel : s.redoLabel) && s.pending.size === 0 && historyInFlight.current === 0) {
          resolve(empty);
          return;
        }
        const { documentId: id, scope: forScope } = s;
        const run = async () => {
          const result = await (direction === 'undo' ? window.parley.api.undoReview({ documentId: id }) : window.parley.api.redoReview({ documentId: id }));
          if (!result.ok) {
            resolve(result.error.code === 'not-found' ? empty : `Not ${direction === 'undo' ? 'undone' : 'redone'}: ${result.error.message}`);
            return;
          }
          const now = latest.current;
          if (now.scope === forScope) {
            // Bring up the difference whose decision changed.
            const before = [...now.stored.values()];
            const after = result.value.decisions;
            const ids = new Set(after.map((d) => d.id));
            const was = new Set(before.map((d) => d.id));
            const changed = [...before.filter((d) => !ids.has(d.id)), ...after.filter((d) => !was.has(d.id))][0];
            const at = changed ? now.differences.findIndex((d) => d.key === changed.differenceKey) : -1;
            if (at >= 0) setFocus(at);
          }
          await takeAnswer(result.value);
          const label = direction === 'undo' ? result.value.reviewRedoLabel : result.value.reviewUndoLabel;
          resolve(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${label ?? 'a decision'}`);
        };
        historyInFlight.current++;
        const settle = () => {
          historyInFlight.current--;
        };
        queue.current = queue.current.then(run, run).then(settle, settle);
      }),
    [setFocus, takeAnswer],
  );

  const run = useCallback(
    (command: ReviewCommand) => {
      switch (command.type) {
        case 'step':
          return step(command.direction);
        case 'next-undecided':
          return nextUndecided();
        case 'decide':
          return decide(command.action);
        case 'accept-all-agreed':
          return acceptAllAgreed();
        case 'next-document':
          if (nextDocument.current) nextDocument.current();
          else setStatus('No other document has undecided differences.');
          return;
      }
    },
    [step, nextUndecided, decide, acceptAllAgreed],
  );

  const decisionOf = useCallback(
    (difference: Difference): ShownDecision | null => {
      const waiting = pending.get(difference.key);
      const d = difference as LayerDifference;
      if (waiting) return { action: waiting.action, record: null, kept: keptLayerIds(d, waiting.action, waiting.keepIds) };
      const record = stored.get(difference.key);
      if (!record) return null;
      // The sources the store recorded; older decisions without them are read from their action.
      const kept = record.sourceIds ? new Set(record.sourceIds) : keptLayerIds(d, record.action);
      // A copy identical to a kept one of an earlier layer is not stored twice; it still counts as kept.
      for (const y of d.spans) {
        if (d.spans.some((x) => x.layerId !== y.layerId && kept.has(x.annotation.id) && x.annotation.start === y.annotation.start && x.annotation.end === y.annotation.end && x.annotation.labelId === y.annotation.labelId)) kept.add(y.annotation.id);
      }
      return { action: record.action, record, kept };
    },
    [pending, stored],
  );

  return {
    documentId,
    theirsLayerId,
    layerIds: layers,
    differences,
    counts,
    decided,
    stale,
    focusIndex,
    focused: focusIndex === null ? null : (differences[focusIndex] ?? null),
    status,
    decisionOf,
    focus: focusAt,
    step,
    nextUndecided,
    decide,
    chooseSpans,
    acceptAllAgreed,
    run,
    undoLabel,
    redoLabel,
    undoEmpty,
    history,
    links,
    linksDecided,
    linkDecisionOf,
    decideLink,
  };
}
