import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { LibrarySearchHit, LibrarySearchQuery, LibrarySearchResult } from '../../../annotations/corpus/library-search';
import type { CorpusTabContext } from './corpus-tabs';
import { FilterSelect } from '../ui/filter-select';

/** How long typing pauses before the library is searched. */
const TYPING_PAUSE_MS = 150;

type QueryFields = Omit<LibrarySearchQuery, 'limit'>;

function hitKey(h: LibrarySearchHit): string {
  return `${h.documentId}:${h.where}:${h.annotationId ?? ''}:${h.start}`;
}

/**
 * Search across the library's texts and notes, with filters (label, entity,
 * dates, outlet); each hit in its context with the tags over it. Hits in the
 * text can be chosen and tagged with one label at once, across documents, as
 * one step that the corpus view's Undo (Ctrl+Z) takes back whole.
 */
export function SearchTab({ statements, labels, entities, onOpen, onError, onChanged }: CorpusTabContext) {
  const [fields, setFields] = useState<QueryFields>({ text: '' });
  const [result, setResult] = useState<LibrarySearchResult | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [tagLabel, setTagLabel] = useState(labels.labels[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);

  // Searched after a pause in typing, and again when the library changed (the statements are reloaded then).
  useEffect(() => {
    if (fields.text.trim() === '') {
      setResult(null);
      return;
    }
    const ask = ++asked.current;
    const timer = setTimeout(() => {
      const query: LibrarySearchQuery = { text: fields.text };
      for (const key of ['labelId', 'entityId', 'from', 'to', 'outlet'] as const) if (fields[key]) query[key] = fields[key];
      void window.parley.api.searchLibrary(query).then((found) => {
        if (ask !== asked.current) return;
        if (!found.ok) return onError(found.error.message);
        setResult(found.value);
        setChosen((was) => new Set([...was].filter((k) => found.value.hits.some((h) => hitKey(h) === k))));
      });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [fields, statements, onError]);

  const taggable = useMemo(() => (result?.hits ?? []).filter((h) => h.where === 'text'), [result]);
  const appearance = useMemo(() => new Map(labels.labels.map((l) => [l.id, l])), [labels]);
  const set = (change: Partial<QueryFields>) => setFields((f) => ({ ...f, ...change }));
  const toggle = (key: string) => setChosen((was) => {
    const next = new Set(was);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  });
  const allChosen = taggable.length > 0 && taggable.every((h) => chosen.has(hitKey(h)));

  const tagChosen = async () => {
    const hits = taggable.filter((h) => chosen.has(hitKey(h))).map(({ documentId, start, end }) => ({ documentId, start, end }));
    if (hits.length === 0 || !tagLabel) return;
    setBusy(true);
    const tagged = await window.parley.api.tagSearchHits({ labelId: tagLabel, hits });
    setBusy(false);
    if (!tagged.ok) return onError(tagged.error.message);
    setChosen(new Set());
    onChanged(tagged.value.history);
  };

  return (
    <div className="corpus-search">
      <form className="corpus-filters" role="search" aria-label="Search the library" onSubmit={(e) => e.preventDefault()}>
        <label className="corpus-search-words">
          Words <input type="search" value={fields.text} placeholder="joint drills, 합동훈련, 😀" onChange={(e) => set({ text: e.target.value })} />
        </label>
        <FilterSelect label="Label" value={fields.labelId} options={labels.labels.map((l) => [l.id, l.name] as const)} onChange={(v) => set({ labelId: v })} />
        <FilterSelect label="Entity" value={fields.entityId} options={entities.map((e) => [e.id, e.name] as const)} onChange={(v) => set({ entityId: v })} />
        <label>
          From <input type="date" value={fields.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        </label>
        <label>
          To <input type="date" value={fields.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </label>
        <label>
          Outlet <input type="text" value={fields.outlet ?? ''} onChange={(e) => set({ outlet: e.target.value || undefined })} />
        </label>
      </form>
      {result && (
        <div className="corpus-search-actions">
          <span className="corpus-count" role="status">
            {result.total} {result.total === 1 ? 'hit' : 'hits'} in {result.documents} {result.documents === 1 ? 'document' : 'documents'}
            {result.truncated && ` (the first ${result.hits.length} shown)`}
          </span>
          <label>
            <input type="checkbox" checked={allChosen} disabled={taggable.length === 0} onChange={() => setChosen(allChosen ? new Set() : new Set(taggable.map(hitKey)))} /> Choose every hit
          </label>
          <label>
            Tag as
            <select value={tagLabel} onChange={(e) => setTagLabel(e.target.value)}>
              {labels.labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-primary btn-small" disabled={busy || chosen.size === 0} onClick={() => void tagChosen()}>
            Tag {chosen.size} chosen
          </button>
        </div>
      )}
      {result && result.hits.length === 0 && <p className="corpus-empty">Nothing found. Words are found where they begin; try the start of a word.</p>}
      {result && result.hits.length > 0 && (
        <ul className="corpus-hits" aria-label="Hits in context">
          {result.hits.map((h) => {
            const key = hitKey(h);
            return (
              <li key={key} className="corpus-hit" data-document={h.documentId}>
                {h.where === 'text' ? (
                  <input type="checkbox" className="corpus-hit-choose" aria-label={`Choose “${h.context.hit}” in ${h.documentTitle}`} checked={chosen.has(key)} onChange={() => toggle(key)} />
                ) : (
                  <span className="corpus-hit-choose corpus-tag-note">note</span>
                )}
                <span className="corpus-kwic-left">{h.context.left}</span>
                <mark className="corpus-kwic-hit">{h.context.hit}</mark>
                <span className="corpus-kwic-right">{h.context.right}</span>
                <span className="corpus-hit-tags">
                  {h.tags.map((t) => (
                    <span key={t.annotationId} className="corpus-chip" style={{ '--label-color': appearance.get(t.labelId)?.color ?? '#6b7280' } as CSSProperties}>
                      {appearance.get(t.labelId)?.name ?? t.labelId}
                    </span>
                  ))}
                </span>
                <button
                  type="button"
                  className="link-button corpus-open"
                  title="Open in its document"
                  onClick={() => (h.where === 'note' ? onOpen(h.documentId, h.annotationId!) : onOpen(h.documentId, h.tags[0]?.annotationId ?? '', { start: h.start, end: h.end }))}
                >
                  {h.documentTitle}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
