import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Annotation, AttributeDefinition } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

interface AttributeMenuProps {
  annotation: Annotation;
  labelName: string;
  attributes: readonly AttributeDefinition[];
  /** The attribute to open at; null lists them all first. */
  attributeId: string | null;
  /** The suggested value of a date attribute, read from the span's text (null: none). */
  suggestDate(text: string): string | null;
  /** Why a typed date value is not one (null when it is). */
  dateProblem(value: string): string | null;
  /** Sets one attribute (null clears it). */
  onSet(attributeId: string, value: string | null): void;
  onClose(): void;
}

function digitOf(event: KeyboardEvent): number | null {
  return /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey ? Number(event.key) : null;
}

/** One attribute: a choice by number, or a text or date field (a date offers its suggested value). */
function AttributeEditor({ annotation, attribute, suggestDate, dateProblem, onSet }: Pick<AttributeMenuProps, 'annotation' | 'suggestDate' | 'dateProblem' | 'onSet'> & { attribute: AttributeDefinition }) {
  const current = annotation.attributes?.[attribute.id] ?? null;
  const suggestion = attribute.type === 'date' ? suggestDate(annotation.quote.exact) : null;
  const [typed, setTyped] = useState(current ?? suggestion ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  // Focus follows the menu from the list of attributes to the one chosen.
  const focusRef = useRef<HTMLDivElement & HTMLInputElement>(null);
  useEffect(() => focusRef.current?.focus(), []);

  if (attribute.type === 'choice') {
    const options = attribute.options ?? [];
    return (
      <div
        ref={focusRef}
        className="attribute-choices"
        role="listbox"
        aria-label={attribute.name}
        tabIndex={0}
        data-autofocus
        onKeyDown={(event) => {
          const digit = digitOf(event);
          if (digit !== null && options[digit - 1]) {
            event.preventDefault();
            onSet(attribute.id, options[digit - 1]!.id);
          } else if (event.key === 'Delete' || event.key === 'Backspace' || event.key === '0') {
            event.preventDefault();
            onSet(attribute.id, null);
          }
        }}
      >
        {options.map((option, i) => (
          <button key={option.id} type="button" role="option" aria-selected={current === option.id} className="attribute-choice" data-option={option.id} onClick={() => onSet(attribute.id, option.id)}>
            <kbd>{i + 1}</kbd> <span className="attribute-swatch" style={{ background: option.color ?? 'var(--muted)' }} aria-hidden="true" /> {option.name}
          </button>
        ))}
        <button type="button" className="attribute-clear" disabled={current === null} onClick={() => onSet(attribute.id, null)}>
          <kbd>0</kbd> None
        </button>
      </div>
    );
  }

  const save = () => {
    const value = typed.trim();
    if (value === '') return onSet(attribute.id, null);
    if (attribute.type === 'date') {
      const wrong = dateProblem(value);
      if (wrong) return setProblem(wrong);
    }
    onSet(attribute.id, value);
  };
  return (
    <form
      className="attribute-field"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label>
        {attribute.name}
        <input
          type="text"
          name={attribute.id}
          ref={focusRef}
          value={typed}
          spellCheck={false}
          data-autofocus
          aria-invalid={problem ? 'true' : undefined}
          placeholder={attribute.type === 'date' ? '2021-06-22, 2021-06, 2021 or 2021-06-01/2021-12-31' : ''}
          onChange={(e) => {
            setTyped(e.target.value);
            setProblem(null);
          }}
        />
      </label>
      {attribute.type === 'date' && (
        <p className="muted small attribute-suggestion">
          {suggestion ? (
            <>
              Read from the text: <strong data-testid="date-suggestion">{suggestion}</strong>{' '}
              <Button size="small" onClick={() => onSet(attribute.id, suggestion)}>
                Use it
              </Button>
            </>
          ) : (
            'No date could be read from the text; type its value.'
          )}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="attribute-field-actions">
        <Button type="submit" variant="primary">
          Set
        </Button>
        <Button disabled={current === null} onClick={() => onSet(attribute.id, null)}>
          Clear
        </Button>
      </div>
    </form>
  );
}

/**
 * The attribute menu of a span, by keyboard: its attributes by number, then
 * the chosen one's options by number (0 clears), or its text or date field
 * (Enter sets it; a date shows the value read from its text).
 */
export function AttributeMenu(props: AttributeMenuProps) {
  const { annotation, labelName, attributes, onClose } = props;
  const [attributeId, setAttributeId] = useState(props.attributeId);
  const attribute = attributes.find((a) => a.id === attributeId);
  return (
    <Dialog open title={attribute ? attribute.name : 'Attributes'} description={`${labelName}: “${oneLine(annotation.quote.exact, 60)}”`} size="small" onClose={onClose}>
      {attribute ? (
        <AttributeEditor key={attribute.id} annotation={annotation} attribute={attribute} suggestDate={props.suggestDate} dateProblem={props.dateProblem} onSet={props.onSet} />
      ) : (
        <div
          className="attribute-choices"
          role="listbox"
          aria-label="Attributes"
          tabIndex={0}
          data-autofocus
          onKeyDown={(event) => {
            const digit = digitOf(event);
            if (digit !== null && attributes[digit - 1]) {
              event.preventDefault();
              setAttributeId(attributes[digit - 1]!.id);
            }
          }}
        >
          {attributes.map((a, i) => (
            <button key={a.id} type="button" role="option" aria-selected={false} className="attribute-choice" onClick={() => setAttributeId(a.id)}>
              <kbd>{i + 1}</kbd> {a.name}
              {annotation.attributes?.[a.id] !== undefined && <span className="muted"> · {annotation.attributes[a.id]}</span>}
            </button>
          ))}
        </div>
      )}
    </Dialog>
  );
}
