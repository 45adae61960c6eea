import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Entity, LabelSchema } from '../../../annotations/model';
import type { Statement } from '../../../annotations/statements/build-statements';
import type { CorpusHistoryState } from '../../../shared/corpus';
import type { DocumentSummary } from '../../../shared/library';
import { CORPUS_TABS, type CorpusTabContext } from './corpus-tabs';
import './corpus.css';

interface CorpusViewProps {
  documents: readonly DocumentSummary[];
  labels: LabelSchema;
  /** Opens a span in Read mode, selected and scrolled to (or the text at `at`). */
  onOpen(documentId: string, annotationId: string, at?: { start: number; end: number }): void;
  onError(message: string): void;
  /** The corpus view changed documents (tagged, undid, redid): the app reads the library again. */
  onStoreChanged(): void;
}

interface Loaded {
  statements: Statement[];
  entities: Entity[];
}

const EMPTY: Loaded = { statements: [], entities: [] };
const NO_HISTORY: CorpusHistoryState = { undoLabel: null, redoLabel: null };

/**
 * The fourth mode: the library as a whole. Loads the statements and entities
 * once (again when the library changes) and shows them through the tabs of
 * `CORPUS_TABS`, switched with the arrow keys as WAI-ARIA tabs are. Its Undo
 * and Redo (Ctrl+Z, Ctrl+Shift+Z) take back a step across documents whole.
 */
export function CorpusView({ documents, labels, onOpen, onError, onStoreChanged }: CorpusViewProps) {
  const [tabId, setTabId] = useState(CORPUS_TABS[0]!.id);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [history, setHistory] = useState<CorpusHistoryState>(NO_HISTORY);
  const [said, setSaid] = useState('');
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    let live = true;
    const started = performance.now();
    void Promise.all([window.parley.api.listStatements({}), window.parley.api.listEntities({}), window.parley.api.corpusHistory({})]).then(([statements, entities, steps]) => {
      if (!live) return;
      if (!statements.ok) onError(statements.error.message);
      if (!entities.ok) onError(entities.error.message);
      if (steps.ok) setHistory(steps.value);
      setLoaded({ statements: statements.ok ? statements.value : [], entities: entities.ok ? entities.value : [] });
      requestAnimationFrame(() => performance.measure('parley:corpus-open', { start: started }));
      // The search index is built in the main process on its first use; ask for nothing now so it is ready when the Search tab is.
      void window.parley.api.searchLibrary({ text: '' });
    });
    return () => {
      live = false;
    };
  }, [documents, onError]);

  const onChanged = useCallback(
    (next?: CorpusHistoryState) => {
      if (next) setHistory(next);
      onStoreChanged();
    },
    [onStoreChanged],
  );

  const move = async (how: 'undo' | 'redo') => {
    const moved = how === 'undo' ? await window.parley.api.undoCorpusStep({}) : await window.parley.api.redoCorpusStep({});
    if (!moved.ok) return onError(moved.error.message);
    setSaid(`${how === 'undo' ? 'Undone' : 'Redone'}: ${moved.value.label}`);
    onChanged(moved.value.history);
  };

  const choose = (index: number) => {
    const tab = CORPUS_TABS[(index + CORPUS_TABS.length) % CORPUS_TABS.length]!;
    setTabId(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const to = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? CORPUS_TABS.length - 1 : null;
    if (to === null) return;
    event.preventDefault();
    choose(to);
  };
  const onViewKey = (event: KeyboardEvent<HTMLElement>) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'z') return;
    // Typing fields keep their own undo.
    if (event.target instanceof HTMLInputElement && event.target.type !== 'checkbox') return;
    event.preventDefault();
    const how = event.shiftKey ? 'redo' : 'undo';
    if ((how === 'undo' ? history.undoLabel : history.redoLabel) !== null) void move(how);
  };

  const data = loaded ?? EMPTY;
  const context: CorpusTabContext = { statements: data.statements, entities: data.entities, documents, labels, onOpen, onError, onChanged };
  const tab = CORPUS_TABS.find((t) => t.id === tabId) ?? CORPUS_TABS[0]!;
  return (
    <section className="corpus-view" aria-label="Corpus" onKeyDown={onViewKey}>
      <div className="corpus-bar">
        <div className="corpus-tabs" role="tablist" aria-label="Corpus views">
          {CORPUS_TABS.map((t, index) => (
            <button
              key={t.id}
              ref={(el) => {
                if (el) tabRefs.current.set(t.id, el);
                else tabRefs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={`corpus-tab-${t.id}`}
              className="corpus-tab"
              aria-selected={t.id === tab.id}
              aria-controls={`corpus-panel-${t.id}`}
              tabIndex={t.id === tab.id ? 0 : -1}
              onClick={() => setTabId(t.id)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {t.name}
            </button>
          ))}
        </div>
        <div className="corpus-history">
          <button type="button" className="btn btn-secondary btn-small" disabled={history.undoLabel === null} title={history.undoLabel ? `Undo: ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo in the corpus view'} onClick={() => void move('undo')}>
            Undo
          </button>
          <button type="button" className="btn btn-secondary btn-small" disabled={history.redoLabel === null} title={history.redoLabel ? `Redo: ${history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo in the corpus view'} onClick={() => void move('redo')}>
            Redo
          </button>
          <span className="visually-hidden" role="status">
            {said}
          </span>
        </div>
      </div>
      <div className="corpus-panel" role="tabpanel" id={`corpus-panel-${tab.id}`} aria-labelledby={`corpus-tab-${tab.id}`} aria-busy={loaded === null}>
        {loaded === null ? <p className="corpus-empty">Loading the library…</p> : tab.render(context)}
      </div>
    </section>
  );
}
