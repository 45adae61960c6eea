import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Entity, LabelSchema } from '../../../annotations/model';
import type { Statement } from '../../../annotations/statements/build-statements';
import type { DocumentSummary } from '../../../shared/library';
import { CORPUS_TABS, type CorpusTabContext } from './corpus-tabs';
import './corpus.css';

interface CorpusViewProps {
  documents: readonly DocumentSummary[];
  labels: LabelSchema;
  /** Opens a span in Read mode, selected and scrolled to. */
  onOpen(documentId: string, annotationId: string): void;
  onError(message: string): void;
}

interface Loaded {
  statements: Statement[];
  entities: Entity[];
}

const EMPTY: Loaded = { statements: [], entities: [] };

/**
 * The fourth mode: the library as a whole. Loads the statements and entities
 * once (again when the library changes or a tab changed them) and shows them
 * through the tabs of `CORPUS_TABS`, switched with the arrow keys as WAI-ARIA
 * tabs are.
 */
export function CorpusView({ documents, labels, onOpen, onError }: CorpusViewProps) {
  const [tabId, setTabId] = useState(CORPUS_TABS[0]!.id);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    let live = true;
    const started = performance.now();
    void Promise.all([window.parley.api.listStatements({}), window.parley.api.listEntities({})]).then(([statements, entities]) => {
      if (!live) return;
      if (!statements.ok) onError(statements.error.message);
      if (!entities.ok) onError(entities.error.message);
      setLoaded({ statements: statements.ok ? statements.value : [], entities: entities.ok ? entities.value : [] });
      requestAnimationFrame(() => performance.measure('parley:corpus-open', { start: started }));
    });
    return () => {
      live = false;
    };
  }, [documents, generation, onError]);

  const onChanged = useCallback(() => setGeneration((g) => g + 1), []);

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

  const data = loaded ?? EMPTY;
  const context: CorpusTabContext = { statements: data.statements, entities: data.entities, documents, labels, onOpen, onError, onChanged };
  const tab = CORPUS_TABS.find((t) => t.id === tabId) ?? CORPUS_TABS[0]!;
  return (
    <section className="corpus-view" aria-label="Corpus">
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
      <div className="corpus-panel" role="tabpanel" id={`corpus-panel-${tab.id}`} aria-labelledby={`corpus-tab-${tab.id}`} aria-busy={loaded === null}>
        {loaded === null ? <p className="corpus-empty">Loading the library…</p> : tab.render(context)}
      </div>
    </section>
  );
}
