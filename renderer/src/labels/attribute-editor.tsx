import type { AttributeDefinition } from '../../../annotations/model';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import { newAttribute, newOption } from './attribute-draft';

interface AttributeEditorProps {
  labelName: string;
  attributes: readonly AttributeDefinition[];
  onChange(attributes: AttributeDefinition[]): void;
}

const TYPE_NAMES: Record<AttributeDefinition['type'], string> = { choice: 'Choice', text: 'Text', date: 'Date value' };

/**
 * A label's attributes in the label editor: name, type, key and, for a
 * choice, its options (renamed, added or removed; an option's id never
 * changes once saved, since stored values name it).
 */
export function AttributeEditor({ labelName, attributes, onChange }: AttributeEditorProps) {
  const update = (index: number, patch: Partial<AttributeDefinition>) => onChange(attributes.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <div className="attribute-editor" role="group" aria-label={`Attributes of ${labelName}`}>
      {attributes.map((attribute, index) => {
        const shown = attribute.name.trim() || 'new attribute';
        const options = attribute.options ?? [];
        return (
          <div key={attribute.id} className="attribute-row" data-attribute={attribute.id}>
            <input className="attribute-name" type="text" aria-label={`Attribute ${index + 1} of ${labelName}`} value={attribute.name} maxLength={80} onChange={(e) => update(index, { name: e.target.value })} />
            <select
              aria-label={`Type of “${shown}”`}
              value={attribute.type}
              onChange={(e) => {
                const type = e.target.value as AttributeDefinition['type'];
                update(index, type === 'choice' ? { type, options: options.length > 0 ? options : newAttribute([]).options! } : { type });
              }}
            >
              {Object.entries(TYPE_NAMES).map(([type, name]) => (
                <option key={type} value={type}>
                  {name}
                </option>
              ))}
            </select>
            <input
              className="label-shortcut"
              type="text"
              aria-label={`Key of “${shown}”`}
              title="A key that edits it on the selected span; s always opens the attributes"
              value={attribute.shortcut ?? ''}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => {
                const chars = [...e.target.value];
                update(index, { shortcut: chars.length === 0 ? '' : chars[chars.length - 1]! });
              }}
            />
            <button type="button" className="icon-button icon-button-danger" aria-label={`Delete attribute “${shown}”`} onClick={() => onChange(attributes.filter((_, i) => i !== index))}>
              <Icon name="trash" />
            </button>
            {attribute.type === 'choice' && (
              <ul className="attribute-options" aria-label={`Options of “${shown}”`}>
                {options.map((option, o) => (
                  <li key={option.id}>
                    <input
                      type="text"
                      aria-label={`Option ${o + 1} of “${shown}”`}
                      value={option.name}
                      maxLength={80}
                      onChange={(e) => update(index, { options: options.map((x, i) => (i === o ? { ...x, name: e.target.value } : x)) })}
                    />
                    <button type="button" className="icon-button icon-button-danger" aria-label={`Delete option “${option.name}”`} onClick={() => update(index, { options: options.filter((_, i) => i !== o) })}>
                      <Icon name="trash" />
                    </button>
                  </li>
                ))}
                <li>
                  <Button size="small" onClick={() => update(index, { options: [...options, newOption(options, `Option ${options.length + 1}`)] })}>
                    <Icon name="plus" /> Option
                  </Button>
                </li>
              </ul>
            )}
          </div>
        );
      })}
      <Button size="small" className="attribute-add" onClick={() => onChange([...attributes, newAttribute(attributes)])}>
        <Icon name="plus" /> Add attribute to {labelName}
      </Button>
    </div>
  );
}
