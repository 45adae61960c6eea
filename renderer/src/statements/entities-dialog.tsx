import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Entity, LabelSchema } from '../../../annotations/model';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { foldName } from './entity-matches';

interface EntitiesDialogProps {
  entities: readonly Entity[];
  labels: LabelSchema;
  /** The entity shown first (the span's, when opened from the entity picker). */
  initialId?: string;
  /** Receives the library's entities after each change, undo or redo. */
  onEntities(entities: readonly Entity[]): void;
  onClose(): void;
}

interface HistoryLabels {
  undoLabel: string | null;
  redoLabel: string | null;
}

/** True for a field that takes typing, where Ctrl+Z belongs to the field. */
function typing(target: EventTarget): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type));
}

/**
 * The library's entities: find one (↑↓ in the search box), rename it, edit
 * its aliases in any script (one a line: "정동영" beside "Chung Dong-young"),
 * merge it into another of its kind, split aliases off into a new entity, or
 * delete it. Spans linked to an entity follow it (a delete leaves them tagged,
 * unlinked). Each change is one step of the
 * library's entity history: Undo and Redo here (Ctrl+Z, Ctrl+Shift+Z outside
 * the text fields) take it back or again, spans included.
 */
export function EntitiesDialog({ entities: initial, labels, initialId, onEntities, onClose }: EntitiesDialogProps) {
  const [entities, setEntities] = useState<readonly Entity[]>(initial);
  const [selectedId, setSelectedId] = useState<string | null>(initialId ?? initial[0]?.id ?? null);
  const [filter, setFilter] = useState('');
  const [history, setHistory] = useState<HistoryLabels>({ undoLabel: null, redoLabel: null });
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  const selected = entities.find((e) => e.id === selectedId) ?? null;
  const [name, setName] = useState(selected?.name ?? '');
  const [aliases, setAliases] = useState(selected?.aliases.join('\n') ?? '');
  const [mergeInto, setMergeInto] = useState('');
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  const [splitName, setSplitName] = useState('');
  /** Delete asks once more, in place, before it runs. */
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const kindName = useCallback((kind: string) => labels.labels.find((l) => l.id === kind)?.name ?? kind, [labels]);
  const shown = useMemo(() => {
    const key = foldName(filter);
    const list = key === '' ? [...entities] : entities.filter((e) => [e.name, ...e.aliases].some((n) => foldName(n).includes(key)));
    return list.sort((a, b) => a.name.localeCompare(b.name));
  }, [entities, filter]);
  const others = selected ? entities.filter((e) => e.id !== selected.id && e.kind === selected.kind).sort((a, b) => a.name.localeCompare(b.name)) : [];

  // The form shows the selected entity as it is now (after a change, an undo, or another choice).
  useEffect(() => {
    setName(selected?.name ?? '');
    setAliases(selected?.aliases.join('\n') ?? '');
    setMergeInto('');
    setMoving(new Set());
    setSplitName('');
    setConfirmingDelete(false);
  }, [selected]);

  useEffect(() => {
    void window.parley.api.entityHistory({}).then((found) => {
      if (found.ok) setHistory(found.value);
    });
  }, []);

  /** Runs one change, then reads the entities and the history back; `select` picks the entity to show after it. */
  const run = async (call: () => Promise<{ ok: true; said: string; select?: string } | { ok: false; message: string }>) => {
    setBusy(true);
    try {
      const done = await call();
      if (!done.ok) {
        setSaid(done.message);
        return;
      }
      const [list, steps] = await Promise.all([window.parley.api.listEntities({}), window.parley.api.entityHistory({})]);
      if (list.ok) {
        setEntities(list.value);
        onEntities(list.value);
        if (done.select !== undefined) setSelectedId(done.select);
        else if (!list.value.some((e) => e.id === selectedId)) setSelectedId(list.value[0]?.id ?? null);
      }
      if (steps.ok) setHistory(steps.value);
      setSaid(done.said);
    } finally {
      setBusy(false);
    }
  };

  const rename = () =>
    selected &&
    run(async () => {
      const result = await window.parley.api.renameEntity({ entityId: selected.id, name });
      return result.ok ? { ok: true, said: `Renamed “${selected.name}” to “${result.value.name}”; the old name stays an alias.` } : { ok: false, message: `Not renamed: ${result.error.message}` };
    });
  const saveAliases = () =>
    selected &&
    run(async () => {
      const result = await window.parley.api.setEntityAliases({ entityId: selected.id, aliases: aliases.split(/\r\n|\n|\r/).map((a) => a.trim()).filter((a) => a !== '') });
      return result.ok ? { ok: true, said: `“${selected.name}” goes by ${result.value.aliases.length === 0 ? 'no other name' : result.value.aliases.map((a) => `“${a}”`).join(', ')}.` } : { ok: false, message: `Aliases not saved: ${result.error.message}` };
    });
  const merge = () => {
    const into = others.find((e) => e.id === mergeInto);
    if (!selected || !into) return;
    void run(async () => {
      const result = await window.parley.api.mergeEntities({ intoId: into.id, fromId: selected.id });
      return result.ok ? { ok: true, said: `Merged “${selected.name}” into “${into.name}”; ${result.value.relinked} spans follow.`, select: into.id } : { ok: false, message: `Not merged: ${result.error.message}` };
    });
  };
  const split = () =>
    selected &&
    run(async () => {
      const result = await window.parley.api.splitEntity({ entityId: selected.id, name: splitName, aliases: [...moving] });
      return result.ok ? { ok: true, said: `Split “${result.value.split.name}” off “${selected.name}”; ${result.value.relinked} spans follow.`, select: result.value.split.id } : { ok: false, message: `Not split: ${result.error.message}` };
    });
  const remove = () =>
    selected &&
    run(async () => {
      const result = await window.parley.api.deleteEntity({ entityId: selected.id });
      return result.ok ? { ok: true, said: `Deleted “${selected.name}”; ${result.value.unlinked === 1 ? '1 span stays' : `${result.value.unlinked} spans stay`} tagged, unlinked.` } : { ok: false, message: `Not deleted: ${result.error.message}` };
    });
  const step = (how: 'undo' | 'redo') =>
    run(async () => {
      const result = how === 'undo' ? await window.parley.api.undoEntityChange({}) : await window.parley.api.redoEntityChange({});
      return result.ok ? { ok: true, said: `${how === 'undo' ? 'Undid' : 'Redid'}: ${result.value.did}` } : { ok: false, message: result.error.message };
    });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || typing(event.target) || busy) return;
    event.preventDefault();
    void step(event.shiftKey ? 'redo' : 'undo');
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    if (shown.length === 0) return;
    const at = shown.findIndex((e) => e.id === selectedId);
    const next = at < 0 ? 0 : (at + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
    setSelectedId(shown[next]!.id);
  };

  return (
    <Dialog open title="Entities" description="Rename, edit aliases, merge, split and delete the library’s entities; the spans linked to them follow." size="medium" onClose={onClose}>
      <div className="entities-manager" onKeyDown={onKeyDown}>
        <div className="entities-history">
          <button type="button" disabled={busy || history.undoLabel === null} aria-keyshortcuts="Control+Z" onClick={() => void step('undo')}>
            {history.undoLabel ? `Undo: ${history.undoLabel}` : 'Undo'}
          </button>
          <button type="button" disabled={busy || history.redoLabel === null} aria-keyshortcuts="Control+Shift+Z" onClick={() => void step('redo')}>
            {history.redoLabel ? `Redo: ${history.redoLabel}` : 'Redo'}
          </button>
        </div>
        <input
          type="search"
          className="entity-search"
          aria-label="Find an entity"
          aria-controls="entities-list"
          aria-activedescendant={selected ? `entities-item-${selected.id}` : undefined}
          value={filter}
          data-autofocus
          spellCheck={false}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <ul className="entity-rows" id="entities-list" role="listbox" aria-label="Entities of the library">
          {shown.map((e) => (
            // An option is chosen by click or by ↑↓ in the search box (a button inside it would nest controls).
            <li key={e.id} id={`entities-item-${e.id}`} role="option" aria-selected={e.id === selectedId} className={`entity-row entity-row-link${e.id === selectedId ? ' entity-row-current' : ''}`} onClick={() => setSelectedId(e.id)}>
              <strong>{e.name}</strong> <span className="muted small">{[kindName(e.kind), ...e.aliases].join(' · ')}</span>
            </li>
          ))}
          {shown.length === 0 && <li className="muted small">{entities.length === 0 ? 'The library has no entities yet: link a span with e in the reader.' : 'No entity goes by that name.'}</li>}
        </ul>
        {selected && (
          <div className="entities-edit" aria-label={`Edit ${selected.name}`} role="group">
            <form
              className="entities-field"
              onSubmit={(e) => {
                e.preventDefault();
                void rename();
              }}
            >
              <label>
                Name <input value={name} onChange={(e) => setName(e.target.value)} />
              </label>
              <button type="submit" disabled={busy || name.trim() === '' || name.trim() === selected.name}>
                Rename
              </button>
            </form>
            <div className="entities-field">
              <label>
                Aliases, one a line (any script)
                <textarea rows={3} value={aliases} onChange={(e) => setAliases(e.target.value)} spellCheck={false} />
              </label>
              <button type="button" disabled={busy || aliases === selected.aliases.join('\n')} onClick={() => void saveAliases()}>
                Save aliases
              </button>
            </div>
            <div className="entities-field">
              <label>
                Merge into
                <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
                  <option value="">(another {kindName(selected.kind).toLowerCase()})</option>
                  {others.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" disabled={busy || mergeInto === ''} onClick={merge}>
                Merge
              </button>
            </div>
            {selected.aliases.length > 0 && (
              <fieldset className="entities-field">
                <legend>Split off into a new entity</legend>
                {selected.aliases.map((a) => (
                  <label key={a} className="choice">
                    <input
                      type="checkbox"
                      checked={moving.has(a)}
                      onChange={(e) => {
                        const next = new Set(moving);
                        if (e.target.checked) next.add(a);
                        else next.delete(a);
                        setMoving(next);
                      }}
                    />{' '}
                    {a}
                  </label>
                ))}
                <label>
                  New entity’s name <input value={splitName} onChange={(e) => setSplitName(e.target.value)} />
                </label>
                <button type="button" disabled={busy || moving.size === 0 || splitName.trim() === ''} onClick={() => void split()}>
                  Split off
                </button>
              </fieldset>
            )}
            <div className="entities-field">
              {confirmingDelete ? (
                <>
                  <span>Delete “{selected.name}”? The spans linked to it stay tagged, unlinked; Undo brings it back.</span>
                  <Button variant="danger" size="small" disabled={busy} autoFocus onClick={() => void remove()}>
                    Delete “{selected.name}”
                  </Button>
                  <button type="button" disabled={busy} onClick={() => setConfirmingDelete(false)}>
                    Keep it
                  </button>
                </>
              ) : (
                <button type="button" disabled={busy} onClick={() => setConfirmingDelete(true)}>
                  Delete…
                </button>
              )}
            </div>
          </div>
        )}
        <p className="entities-said" role="status" aria-live="polite" data-testid="entities-said">
          {said}
        </p>
      </div>
    </Dialog>
  );
}
