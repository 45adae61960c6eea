import { useMemo, useState } from 'react';
import type { Annotation, Entity } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';
import { Dialog } from '../ui/dialog';
import { entityNamed, foldName, matchEntities } from './entity-matches';

/** What the analyst chose in the entity picker. */
export type EntityChoice =
  | { kind: 'link'; entityId: string }
  | { kind: 'alias'; entityId: string; alias: string }
  | { kind: 'create'; name: string }
  | { kind: 'unlink' };

interface EntityPickerProps {
  annotation: Annotation;
  labelName: string;
  entities: readonly Entity[];
  onChoose(choice: EntityChoice): void;
  onClose(): void;
  /** Opens the library's entities (rename, aliases, merge, split): Alt+M or the button. */
  onManage?(): void;
}

/**
 * Links a span to an entity by keyboard: type to find one by name or alias
 * (any script), ↑↓ to move, Enter to link; Alt+Enter links it and adds the
 * span's text as an alias ("정동영" of "Chung Dong-young"); the last row makes
 * a new entity named by the span. Alt+M opens the library's entities, to
 * rename, edit aliases, merge or split them.
 */
export function EntityPicker({ annotation, labelName, entities, onChoose, onClose, onManage }: EntityPickerProps) {
  const text = annotation.quote.exact.trim();
  const linked = annotation.entityId ? entities.find((e) => e.id === annotation.entityId) : undefined;
  const [typed, setTyped] = useState(() => (linked ? '' : text));
  const [at, setAt] = useState(0);
  const matches = useMemo(() => matchEntities(entities, typed, annotation.labelId), [entities, typed, annotation.labelId]);
  const named = entityNamed(entities, text, annotation.labelId);
  const rows: Array<{ key: string; title: string; detail: string; choice: EntityChoice; aliasChoice?: EntityChoice }> = matches.map((m) => {
    const hasText = foldName(m.entity.name) === foldName(text) || m.entity.aliases.some((a) => foldName(a) === foldName(text));
    return {
      key: m.entity.id,
      title: m.entity.name,
      detail: [m.byAlias ? `as “${m.matched}”` : '', m.entity.aliases.length > 0 ? `aliases: ${m.entity.aliases.join(', ')}` : '', m.entity.kind !== annotation.labelId ? m.entity.kind : ''].filter(Boolean).join(' · '),
      choice: { kind: 'link', entityId: m.entity.id },
      ...(hasText ? {} : { aliasChoice: { kind: 'alias', entityId: m.entity.id, alias: text } as EntityChoice }),
    };
  });
  if (!named && text !== '') rows.push({ key: '#create', title: `New entity “${oneLine(text, 40)}”`, detail: `a ${labelName.toLowerCase()}`, choice: { kind: 'create', name: text } });
  if (linked) rows.push({ key: '#unlink', title: `Unlink from “${linked.name}”`, detail: '', choice: { kind: 'unlink' } });
  const current = rows[Math.min(at, rows.length - 1)];

  return (
    <Dialog open title="Entity" description={`${labelName}: “${oneLine(annotation.quote.exact, 60)}”${linked ? ` — linked to ${linked.name}` : ''}`} size="small" onClose={onClose}>
      <input
        type="search"
        className="entity-search"
        aria-label="Find an entity by name or alias"
        aria-controls="entity-rows"
        aria-activedescendant={current ? `entity-row-${current.key}` : undefined}
        value={typed}
        data-autofocus
        spellCheck={false}
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          setTyped(e.target.value);
          setAt(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (rows.length > 0) setAt((i) => (Math.min(i, rows.length - 1) + (event.key === 'ArrowDown' ? 1 : rows.length - 1)) % rows.length);
          } else if (onManage && event.altKey && event.code === 'KeyM') {
            event.preventDefault();
            onManage();
          } else if (event.key === 'Enter' && current) {
            event.preventDefault();
            onChoose(event.altKey && current.aliasChoice ? current.aliasChoice : current.choice);
          }
        }}
      />
      <ul className="entity-rows" id="entity-rows" role="listbox" aria-label="Entities">
        {rows.map((row, i) => (
          // A click on an option chooses it; the alias action sits under the list (a button inside an option would nest controls).
          <li key={row.key} id={`entity-row-${row.key}`} role="option" aria-selected={row === current} className={`entity-row entity-row-link${row === current ? ' entity-row-current' : ''}`} onMouseEnter={() => setAt(i)} onClick={() => onChoose(row.choice)}>
            <strong>{row.title}</strong> {row.detail && <span className="muted small">{row.detail}</span>}
          </li>
        ))}
      </ul>
      {current?.aliasChoice && (
        <button type="button" className="entity-row-alias" aria-keyshortcuts="Alt+Enter" onClick={() => onChoose(current.aliasChoice!)}>
          Link to {current.title} and add “{oneLine(text, 30)}” as an alias <kbd>Alt+Enter</kbd>
        </button>
      )}
      <p className="muted small">↑↓ choose · Enter links · Alt+Enter links and adds “{oneLine(text, 30)}” as an alias · Escape closes</p>
      {onManage && (
        <button type="button" className="link-button" aria-keyshortcuts="Alt+M" onClick={onManage}>
          Manage entities… <kbd>Alt+M</kbd>
        </button>
      )}
    </Dialog>
  );
}
