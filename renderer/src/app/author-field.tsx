import { useId, useState } from 'react';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';

interface AuthorFieldProps {
  author: string;
  onSave: (author: string) => Promise<string | null>;
}

/** The name written on every annotation the analyst makes, and a way to change it. */
export function AuthorField({ author, onSave }: AuthorFieldProps) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(author);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const errorId = useId();

  if (!editing) {
    return (
      <div className="author-field">
        <span className="muted">Annotating as</span> <strong className="author-name">{author || '(no name)'}</strong>
        <button
          type="button"
          className="icon-button"
          aria-label="Change author name"
          title="Change author name"
          onClick={() => {
            setValue(author);
            setError(null);
            setEditing(true);
          }}
        >
          <Icon name="pencil" size={14} />
        </button>
      </div>
    );
  }

  const submit = async () => {
    if (value.trim() === '') {
      setError('Enter a name.');
      return;
    }
    setSaving(true);
    const failure = await onSave(value.trim());
    setSaving(false);
    if (failure) setError(failure);
    else setEditing(false);
  };

  return (
    <form
      className="author-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          setEditing(false);
        }
      }}
    >
      <label htmlFor={inputId} className="field-label">
        Author name
      </label>
      <input id={inputId} type="text" value={value} maxLength={100} autoFocus aria-invalid={error ? 'true' : undefined} aria-describedby={error ? errorId : undefined} onChange={(e) => setValue(e.target.value)} />
      <span className="author-form-actions">
        <Button size="small" onClick={() => setEditing(false)}>
          Cancel
        </Button>
        <Button size="small" variant="primary" type="submit" disabled={saving}>
          Save
        </Button>
      </span>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
