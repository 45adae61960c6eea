import type { CSSProperties } from 'react';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import type { LabelDraft } from './label-draft';
import { newRelationTypeKey, type RelationTypeDraft } from './relation-type-draft';

interface RelationTypeEditorProps {
  drafts: readonly RelationTypeDraft[];
  /** The labels as currently edited, offered at each end. */
  labels: readonly LabelDraft[];
  onChange(drafts: RelationTypeDraft[]): void;
}

const NEW_COLOURS = ['#0d9488', '#ca8a04', '#4f46e5', '#be123c'];

function EndPicker({ side, draft, labels, onChange }: { side: 'from' | 'to'; draft: RelationTypeDraft; labels: readonly LabelDraft[]; onChange(ends: string[]): void }) {
  const chosen = draft[side];
  const title = side === 'from' ? 'From' : 'To';
  return (
    <fieldset className="relation-ends" aria-label={`${title} labels of “${draft.name.trim() || 'new relation'}”`}>
      <legend>{title}</legend>
      {labels.map((l) => (
        <label key={l.key} className="relation-end" style={{ '--label-color': l.color } as CSSProperties}>
          <input type="checkbox" checked={chosen.includes(l.key)} onChange={(e) => onChange(e.target.checked ? [...chosen, l.key] : chosen.filter((k) => k !== l.key))} />
          {l.name.trim() || 'new label'}
        </label>
      ))}
      {chosen.length === 0 && <span className="muted small">any label</span>}
    </fieldset>
  );
}

/**
 * The relation types of the schema in the label editor: name, colour, key,
 * direction and the labels allowed at each end (none ticked: any label).
 * Problems are checked by the dialog on save (`relationTypeProblems`).
 */
export function RelationTypeEditor({ drafts, labels, onChange }: RelationTypeEditorProps) {
  const update = (key: string, patch: Partial<RelationTypeDraft>) => onChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const add = () =>
    onChange([...drafts, { key: newRelationTypeKey(), savedId: null, name: 'New relation', color: NEW_COLOURS[drafts.length % NEW_COLOURS.length]!, shortcut: '', directed: true, from: [], to: [] }]);
  return (
    <section className="relation-types" aria-label="Relation types">
      <h3 className="report-heading">Relation types</h3>
      <p className="muted small">Links between spans. In the reader, select a span, press r, Tab to the other span, then the relation’s key.</p>
      {drafts.map((draft, index) => {
        const shown = draft.name.trim() || 'new relation';
        return (
          <div key={draft.key} className="relation-type-row" role="group" aria-label={`Relation type ${index + 1}: ${shown}`} data-relation-key={draft.key}>
            <input className="label-color" type="color" aria-label={`Colour of “${shown}”`} value={draft.color} onChange={(e) => update(draft.key, { color: e.target.value })} />
            <input className="relation-name" type="text" aria-label={`Relation type ${index + 1}`} value={draft.name} maxLength={80} onChange={(e) => update(draft.key, { name: e.target.value })} />
            <input
              className="label-shortcut"
              type="text"
              aria-label={`Key of “${shown}”`}
              title="One key, pressed while linking; Backspace removes it"
              value={draft.shortcut}
              autoComplete="off"
              spellCheck={false}
              onFocus={(e) => e.target.select()}
              onChange={(e) => {
                const chars = [...e.target.value];
                update(draft.key, { shortcut: chars.length === 0 ? '' : chars[chars.length - 1]! });
              }}
            />
            <label className="relation-directed">
              <input type="checkbox" checked={draft.directed} onChange={(e) => update(draft.key, { directed: e.target.checked })} /> Directed
            </label>
            <button type="button" className="icon-button icon-button-danger" aria-label={`Delete relation type “${shown}”`} onClick={() => onChange(drafts.filter((d) => d.key !== draft.key))}>
              <Icon name="trash" />
            </button>
            <EndPicker side="from" draft={draft} labels={labels} onChange={(from) => update(draft.key, { from })} />
            <EndPicker side="to" draft={draft} labels={labels} onChange={(to) => update(draft.key, { to })} />
          </div>
        );
      })}
      <Button className="relation-add" onClick={add}>
        <Icon name="plus" /> Add relation type
      </Button>
    </section>
  );
}
