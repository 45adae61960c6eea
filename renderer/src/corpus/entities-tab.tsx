import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { EntityFilter, EntityMention, EntityRowSummary } from '../../../annotations/corpus/library-entities';
import { DOCUMENT_STATUSES, OWN_LAYER_ID, type DocumentStatus } from '../../../annotations/model';
import type { CorpusTabContext } from './corpus-tabs';
import { stanceNames } from './stance-names';
import { FilterSelect } from '../ui/filter-select';

const STATUS_NAMES: Record<DocumentStatus, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done' };

/**
 * Every canonical entity of the library with its mentions across documents,
 * and the unlinked mentions grouped by text per label: counts, documents,
 * first and last date. Filters by label, stance, layer and document status;
 * choosing a row lists its mentions, and Enter (or a click) on one opens it
 * in its document.
 */
export function EntitiesTab({ statements, labels, documents, onOpen, onError }: CorpusTabContext) {
  const [table, setTable] = useState<{ rows: EntityRowSummary[]; total: number } | null>(null);
  const [filter, setFilter] = useState<EntityFilter>({ layerId: OWN_LAYER_ID });
  const [chosen, setChosen] = useState<string | null>(null);
  const [mentions, setMentions] = useState<EntityMention[]>([]);

  // The rows are grouped in the main process, which holds the mentions; asked again when the filter or the library changes (the statements are reloaded then).
  useEffect(() => {
    let live = true;
    void window.parley.api.entityRows({ filter }).then((result) => {
      if (!live) return;
      if (result.ok) setTable(result.value);
      else onError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [filter, statements, onError]);

  useEffect(() => {
    if (chosen === null) return setMentions([]);
    let live = true;
    void window.parley.api.entityMentions({ key: chosen, filter }).then((result) => {
      if (!live) return;
      if (result.ok) setMentions(result.value);
      else onError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [chosen, filter, statements, onError]);

  const byId = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const rows = table?.rows ?? [];
  const stances = useMemo(() => stanceNames(labels), [labels]);
  const labelOptions = useMemo(() => labels.labels.map((l) => [l.id, l.name] as const), [labels]);
  const layers = useMemo(() => [...new Set(documents.flatMap((d) => d.layers.map((l) => l.id)))].sort(), [documents]);
  const labelName = (id: string) => labels.labels.find((l) => l.id === id)?.name ?? id;
  const row = rows.find((r) => r.key === chosen) ?? null;

  const set = (change: Partial<Record<keyof EntityFilter, string>>) => {
    setFilter((f) => {
      const next = { ...f } as Record<string, string | undefined>;
      for (const [key, value] of Object.entries(change)) {
        if (value) next[key] = value;
        else delete next[key];
      }
      return next as EntityFilter;
    });
  };

  if (table === null) return <p className="corpus-empty">Reading the mentions…</p>;
  return (
    <div className="corpus-entities">
      <form className="corpus-filters" role="search" aria-label="Filter the entities" onSubmit={(e) => e.preventDefault()}>
        <label>
          Name <input type="search" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value })} />
        </label>
        <FilterSelect label="Label" value={filter.labelId} options={labelOptions} onChange={(v) => set({ labelId: v })} />
        <FilterSelect label="Stance" value={filter.stance} options={[...stances]} onChange={(v) => set({ stance: v })} />
        <FilterSelect label="Layer" value={filter.layerId} options={layers.map((id) => [id, id] as const)} onChange={(v) => set({ layerId: v })} />
        <FilterSelect label="Status" value={filter.status} options={DOCUMENT_STATUSES.map((st) => [st, STATUS_NAMES[st]] as const)} onChange={(v) => set({ status: v })} />
        <span className="corpus-count" role="status">
          {table.total} {table.total === 1 ? 'entry' : 'entries'}
        </span>
      </form>
      <div className="corpus-split">
        <ul className="corpus-entity-list" aria-label="Entities and unlinked mentions">
          {rows.map((r) => (
            <li key={r.key}>
              <button type="button" className="corpus-entity" aria-pressed={r.key === chosen} onClick={() => setChosen(r.key)}>
                <span className="corpus-entity-name">
                  <span className="label-mark" style={{ '--label-color': labels.labels.find((l) => l.id === r.labelId)?.color ?? '#6b7280' } as CSSProperties}>
                    {r.name}
                  </span>
                  {!r.entity && <span className="corpus-tag-note"> not linked</span>}
                </span>
                <span className="corpus-entity-figures">
                  {r.mentionCount} in {r.documentCount} {r.documentCount === 1 ? 'document' : 'documents'}
                  {r.firstDate && ` · ${r.firstDate === r.lastDate ? r.firstDate : `${r.firstDate} – ${r.lastDate}`}`}
                </span>
              </button>
            </li>
          ))}
          {table.total > rows.length && <li className="corpus-empty">{table.total - rows.length} more: narrow the filters to see them.</li>}
          {rows.length === 0 && <li className="corpus-empty">No entity or mention matches.</li>}
        </ul>
        <section className="corpus-mentions" aria-label={row ? `Mentions of ${row.name}` : 'Mentions'}>
          {row ? (
            <>
              <h3 className="corpus-heading">
                {row.name} <span className="corpus-tag-note">{labelName(row.labelId)}</span>
              </h3>
              <ul className="corpus-mention-list">
                {mentions.map((m) => (
                  <li key={`${m.layerId}:${m.annotationId}`}>
                    <button type="button" className="corpus-mention" title="Open in its document (Enter)" onClick={() => onOpen(m.documentId, m.annotationId)}>
                      <span className="corpus-mention-text">“{m.text}”</span>
                      <span className="corpus-mention-where">
                        {byId.get(m.documentId)?.title ?? m.documentId}
                        {m.date && ` · ${m.date}`}
                        {m.layerId !== OWN_LAYER_ID && ` · ${m.layerId}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="corpus-empty">Choose an entity to list its mentions.</p>
          )}
        </section>
      </div>
    </div>
  );
}
