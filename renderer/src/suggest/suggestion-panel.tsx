import { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Label } from '../../../annotations/model';
import type { Result } from '../../../annotations/result';
import type { Suggestion, SuggestionSource } from '../../../annotations/suggest/suggestion';
import { oneLine } from '../../../annotations/text/ellipsis';
import type { DocumentChange } from '../../../shared/library';
import type { AcceptedSuggestions, ImportedGazetteer, SuggestionList } from '../../../shared/suggestions';
import { ensureGhostMarks, focusGhostMark, ghostMarksOf, setGhostMarks } from '../reader/suggestion-marks';
import { suggestionActions, suggestionActionsCompartment } from '../reader/suggestion-commands';
import { focusAfterRemoval, groupSuggestions, panelKeyAction, ROWS_SHOWN_STEP, shownRows, visibleSuggestions } from './suggestion-groups';
import './suggestions.css';

/** The API calls the panel makes (the window's `parley.api` has them). */
export interface SuggestionApi {
  getSuggestions(input: { documentId: string }): Promise<Result<SuggestionList>>;
  acceptSuggestions(input: { documentId: string; ids: string[] }): Promise<Result<AcceptedSuggestions>>;
  rejectSuggestions(input: { documentId: string; ids: string[] }): Promise<Result<SuggestionList>>;
  importGazetteerFromDialog(input: Record<string, never>): Promise<Result<ImportedGazetteer | null>>;
}

interface SuggestionPanelProps {
  api: SuggestionApi;
  /** The reader's view, where the ghost marks are drawn; null until it exists. */
  cm: EditorView | null;
  documentId: string;
  text: string;
  labels: readonly Label[];
  /**
   * The analyst's layer as the reader shows it: suggestions a span of the same
   * label now covers leave the list at once, without asking the store again
   * (one round trip per action). What a new tag teaches the own-tags source
   * appears on Refresh or when the document is opened again.
   */
  own: ReadonlyArray<{ start: number; end: number; labelId: string }>;
  /** Applies an accepted change to the open document (one undoable step in the store). */
  onAccepted(change: DocumentChange): void;
  onError(message: string): void;
}

/**
 * Suggestions beside the text, grouped by source: each is drawn as a ghost
 * mark and enters no layer until accepted. On a focused row `y` accepts, `n`
 * rejects (for good), `Shift+Y` and `Shift+N` do so for every suggestion of
 * that source, arrows or `j`/`k` move, Enter shows it in the text; the
 * buttons do the same.
 */
export function SuggestionPanel({ api, cm, documentId, text, labels, own, onAccepted, onError }: SuggestionPanelProps) {
  const [list, setList] = useState<SuggestionList | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  /** Rows drawn per source, past the first ROWS_SHOWN_STEP ("Show more"). */
  const [shown, setShown] = useState<Record<string, number>>({});
  const rows = useRef(new Map<string, HTMLButtonElement>());
  const focusAfter = useRef<string | null>(null);

  // The app may hand a new onError on every render; the list is asked for once per document, not per render.
  const reportError = useRef(onError);
  reportError.current = onError;
  const refresh = useCallback(async () => {
    const found = await api.getSuggestions({ documentId });
    if (found.ok) setList(found.value);
    else reportError.current(`Suggestions: ${found.error.message}`);
  }, [api, documentId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const suggestions = useMemo(() => visibleSuggestions(list?.suggestions ?? [], own), [list, own]);
  const groups = useMemo(() => groupSuggestions(suggestions), [suggestions]);
  // The rows drawn, in panel order: the keys move through these, and focus after a removal lands on one of them.
  const order = useMemo(() => shownRows(groups, shown), [groups, shown]);

  // Ghost marks follow the list; the focused one is drawn stronger.
  useEffect(() => {
    if (!cm) return;
    ensureGhostMarks(cm);
    cm.dispatch({ effects: setGhostMarks.of(ghostMarksOf(suggestions, labels)) });
  }, [cm, suggestions, labels]);
  useEffect(() => {
    cm?.dispatch({ effects: focusGhostMark.of(focusedId) });
  }, [cm, focusedId]);
  useEffect(
    () => () => {
      if (cm?.dom.isConnected) cm.dispatch({ effects: [setGhostMarks.of([]), focusGhostMark.of(null)] });
    },
    [cm],
  );

  // After accepting or rejecting, focus goes to the next row still listed.
  useEffect(() => {
    const id = focusAfter.current;
    if (id === null) return;
    focusAfter.current = null;
    rows.current.get(id)?.focus();
  }, [order]);

  /** The list after a change; `fromText`: the change came from the text, where focus stays. */
  const settle = (before: readonly Suggestion[], after: SuggestionList, fromText: boolean) => {
    if (fromText) {
      setList(after);
      return;
    }
    const next = focusAfterRemoval(before, focusedId, after.suggestions);
    focusAfter.current = next;
    setFocusedId(next);
    setList(after);
  };

  const accept = async (ids: string[], fromText = false): Promise<boolean> => {
    if (ids.length === 0 || busy) return false;
    setBusy(true);
    const done = await api.acceptSuggestions({ documentId, ids });
    setBusy(false);
    if (!done.ok) {
      onError(`Could not accept: ${done.error.message}`);
      await refresh();
      return false;
    }
    onAccepted(done.value.change);
    setNotice(ids.length === 1 ? 'Accepted 1 suggestion into your layer.' : `Accepted ${ids.length} suggestions into your layer.`);
    settle(order, done.value.list, fromText);
    return true;
  };

  const reject = async (ids: string[], fromText = false): Promise<boolean> => {
    if (ids.length === 0 || busy) return false;
    setBusy(true);
    const done = await api.rejectSuggestions({ documentId, ids });
    setBusy(false);
    if (!done.ok) {
      onError(`Could not reject: ${done.error.message}`);
      await refresh();
      return false;
    }
    setNotice(ids.length === 1 ? 'Rejected 1 suggestion; it will not be suggested again.' : `Rejected ${ids.length} suggestions; they will not be suggested again.`);
    settle(order, done.value, fromText);
    return true;
  };

  // The text's keys and the click menu on a dashed mark accept and reject through the same calls.
  const actions = useRef({ accept, reject });
  actions.current = { accept, reject };
  useEffect(() => {
    if (!cm) return;
    cm.dispatch({ effects: suggestionActionsCompartment.reconfigure(suggestionActions.of({ accept: (id) => actions.current.accept([id], true), reject: (id) => actions.current.reject([id], true) })) });
    return () => {
      if (cm.dom.isConnected) cm.dispatch({ effects: suggestionActionsCompartment.reconfigure([]) });
    };
  }, [cm]);

  /** A gazetteer (CSV or JSON rows of names) or pattern rules (JSON or JSON Lines), told apart by the handler. */
  const importGazetteer = async () => {
    const done = await api.importGazetteerFromDialog({});
    if (!done.ok) {
      onError(`Gazetteer not imported: ${done.error.message}${done.error.problems?.length ? ` (${done.error.problems.map((p) => `${p.line ? `line ${p.line}: ` : p.record ? `${p.record}: ` : ''}${p.message}`).join('; ')})` : ''}`);
      return;
    }
    if (done.value) {
      const what = done.value.kind === 'patterns' ? (done.value.entries === 1 ? 'pattern rule' : 'pattern rules') : done.value.entries === 1 ? 'name' : 'names';
      setNotice(`Imported ${done.value.name}: ${done.value.entries} ${what}.`);
    }
    await refresh();
  };

  const show = (s: Suggestion) => {
    cm?.dispatch({ effects: EditorView.scrollIntoView(s.start, { y: 'center' }) });
  };

  const idsOfSource = (source: SuggestionSource) => suggestions.filter((x) => x.source === source).map((x) => x.id);

  const onRowKey = (event: ReactKeyboardEvent<HTMLButtonElement>, s: Suggestion) => {
    const action = panelKeyAction(event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    const at = order.findIndex((x) => x.id === s.id);
    if (action === 'accept') void accept([s.id]);
    else if (action === 'reject') void reject([s.id]);
    else if (action === 'accept-source') void accept(idsOfSource(s.source));
    else if (action === 'reject-source') void reject(idsOfSource(s.source));
    else if (action === 'show') show(s);
    else {
      const next = order[action === 'next' ? Math.min(order.length - 1, at + 1) : Math.max(0, at - 1)];
      if (next) rows.current.get(next.id)?.focus();
    }
  };

  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;

  return (
    <section className="parley-suggestions" aria-label="Suggestions">
      <h2 className="parley-list-title">
        Suggestions <span className="parley-count">{suggestions.length}</span>
      </h2>
      <p className="parley-hint">
        Dashed marks in the text. On a suggestion: <kbd>y</kbd> accept, <kbd>n</kbd> reject, <kbd>Shift+Y</kbd> / <kbd>Shift+N</kbd> all of its source.
      </p>
      <div className="parley-suggestion-tools">
        <button type="button" onClick={() => void importGazetteer()}>
          Import gazetteer or patterns…
        </button>
        <button type="button" title="Ask the sources again (what your newest tags teach)" onClick={() => void refresh()}>
          Refresh
        </button>
        {list && list.gazetteers.length > 0 && <span className="parley-hint">{list.gazetteers.map((g) => `${g.name} (${g.entries})`).join(', ')}</span>}
      </div>
      <p className="parley-suggestion-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {list && suggestions.length === 0 && <p className="parley-hint">Nothing to suggest here.</p>}
      {list?.omitted ? (
        <p className="parley-hint" data-testid="suggestions-omitted">
          The first {suggestions.length.toLocaleString()} in reading order; {list.omitted.toLocaleString()} more follow once these are accepted or rejected.
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.source} className="parley-suggestion-group" data-source={group.source}>
          <h3>
            {group.title} <span className="parley-count">{group.items.length}</span>
          </h3>
          <div className="parley-suggestion-group-actions">
            <button type="button" disabled={busy} onClick={() => void accept(group.items.map((s) => s.id))}>
              Accept all
            </button>
            <button type="button" disabled={busy} onClick={() => void reject(group.items.map((s) => s.id))}>
              Reject all
            </button>
          </div>
          <ul>
            {group.items.slice(0, shown[group.source] ?? ROWS_SHOWN_STEP).map((s) => {
              const quote = oneLine(text.slice(s.start, s.end), 60);
              const value = s.attributes?.value;
              return (
                <li key={s.id} className={s.id === focusedId ? 'parley-suggestion focused' : 'parley-suggestion'}>
                  <button
                    type="button"
                    className="parley-suggestion-row"
                    data-suggestion-id={s.id}
                    aria-label={`${quote}: ${labelName(s.labelId)}${value ? `, ${value}` : ''}, from ${s.sources.join(' and ')}. y accepts, n rejects.`}
                    title={s.reason}
                    ref={(el) => {
                      if (el) rows.current.set(s.id, el);
                      else rows.current.delete(s.id);
                    }}
                    onFocus={() => {
                      setFocusedId(s.id);
                      show(s);
                    }}
                    onKeyDown={(e) => onRowKey(e, s)}
                    onClick={() => show(s)}
                  >
                    <span className="parley-suggestion-quote">{quote}</span> <span className="parley-suggestion-label">{labelName(s.labelId)}</span>
                    {value && <span className="parley-suggestion-value"> {value}</span>}
                    {s.sources.length > 1 && <span className="parley-suggestion-sources"> +{s.sources.length - 1}</span>}
                  </button>
                  <button type="button" className="parley-suggestion-accept" disabled={busy} aria-label={`Accept “${quote}” as ${labelName(s.labelId)}`} onClick={() => void accept([s.id])}>
                    ✓
                  </button>
                  <button type="button" className="parley-suggestion-reject" disabled={busy} aria-label={`Reject “${quote}” as ${labelName(s.labelId)}`} onClick={() => void reject([s.id])}>
                    ✕
                  </button>
                </li>
              );
            })}
          </ul>
          {group.items.length > (shown[group.source] ?? ROWS_SHOWN_STEP) && (
            <button type="button" className="parley-suggestion-more" onClick={() => setShown((was) => ({ ...was, [group.source]: (was[group.source] ?? ROWS_SHOWN_STEP) + ROWS_SHOWN_STEP }))}>
              Show {Math.min(ROWS_SHOWN_STEP, group.items.length - (shown[group.source] ?? ROWS_SHOWN_STEP)).toLocaleString()} more of {(group.items.length - (shown[group.source] ?? ROWS_SHOWN_STEP)).toLocaleString()}
            </button>
          )}
        </section>
      ))}
    </section>
  );
}
