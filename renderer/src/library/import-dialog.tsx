import { useId, useState } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { pastedFileName } from './pasted-file-name';

interface ImportDialogProps {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onChooseFiles: () => void;
  onPaste: (name: string, text: string) => void;
}

/** Import articles: choose files through the system dialog, or paste text. */
export function ImportDialog({ open, busy, onClose, onChooseFiles, onPaste }: ImportDialogProps) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const titleId = useId();
  const textId = useId();
  const canPaste = text.trim() !== '' && !busy;

  const submit = () => {
    if (!canPaste) return;
    onPaste(pastedFileName(title, text), text);
    setTitle('');
    setText('');
  };

  return (
    <Dialog open={open} title="Import articles" onClose={onClose} size="medium">
      <section className="import-section" aria-labelledby={`${titleId}-files`}>
        <h3 id={`${titleId}-files`}>From files</h3>
        <p className="muted">Plain text (.txt), Markdown (.md) or web pages (.html). You can also drop files anywhere on the window.</p>
        <Button variant="primary" onClick={onChooseFiles} disabled={busy} data-autofocus>
          Choose files…
        </Button>
      </section>
      <form
        className="import-section"
        aria-labelledby={`${titleId}-paste`}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h3 id={`${titleId}-paste`}>Paste text</h3>
        <label className="field" htmlFor={titleId}>
          <span className="field-label">Title (optional; the first line is used otherwise)</span>
          <input id={titleId} type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field" htmlFor={textId}>
          <span className="field-label">Text</span>
          <textarea id={textId} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={!canPaste}>
            Import pasted text
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
