import type { CSSProperties } from 'react';
import { Icon } from '../ui/icon';
import type { LabelDraft } from './label-draft';

interface LabelEditorRowProps {
  draft: LabelDraft;
  index: number;
  count: number;
  first: boolean;
  last: boolean;
  shortcutError: string | null;
  onChange: (patch: Partial<Omit<LabelDraft, 'key' | 'savedId'>>) => void;
  onShortcut: (shortcut: string) => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
}

/** One label in the schema editor: colour, name, shortcut, description, order and removal. */
export function LabelEditorRow({ draft, index, count, first, last, shortcutError, onChange, onShortcut, onMove, onDelete }: LabelEditorRowProps) {
  const shown = draft.name.trim() || 'new label';
  const errorId = `${draft.key}-shortcut-error`;
  return (
    <div className="label-row" role="group" aria-label={`Label ${index + 1}: ${shown}`} data-row-key={draft.key} style={{ '--label-color': draft.color } as CSSProperties}>
      <input className="label-color" type="color" aria-label="Colour" value={draft.color} onChange={(e) => onChange({ color: e.target.value })} />
      <input className="label-name" type="text" aria-label="Name" value={draft.name} maxLength={80} onChange={(e) => onChange({ name: e.target.value })} />
      <input
        className="label-shortcut"
        type="text"
        aria-label="Shortcut"
        title="One key; Backspace removes it"
        value={draft.shortcut}
        aria-invalid={shortcutError ? 'true' : undefined}
        aria-describedby={shortcutError ? errorId : undefined}
        autoComplete="off"
        spellCheck={false}
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          const chars = [...e.target.value];
          onShortcut(chars.length === 0 ? '' : chars[chars.length - 1]!);
        }}
      />
      <input className="label-description" type="text" aria-label="Description" value={draft.description} maxLength={300} placeholder="What this label marks" onChange={(e) => onChange({ description: e.target.value })} />
      <span className="label-usage-count" title="Annotations in your own layer">
        {count}
      </span>
      <span className="label-row-actions">
        <button type="button" className="icon-button" data-move="up" aria-label={`Move “${shown}” up`} disabled={first} onClick={() => onMove(-1)}>
          <Icon name="up" />
        </button>
        <button type="button" className="icon-button" data-move="down" aria-label={`Move “${shown}” down`} disabled={last} onClick={() => onMove(1)}>
          <Icon name="down" />
        </button>
        <button type="button" className="icon-button icon-button-danger" aria-label={`Delete label “${shown}”`} onClick={onDelete}>
          <Icon name="trash" />
        </button>
      </span>
      {shortcutError && (
        <p id={errorId} className="field-error label-row-error" role="alert">
          {shortcutError}
        </p>
      )}
    </div>
  );
}
