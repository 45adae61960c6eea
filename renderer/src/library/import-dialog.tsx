import { useId, useState } from 'react';
import type { ApiInput } from '../../../shared/api';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { DETECT_FORMAT, FormatSelect } from '../ui/format-select';
import { pastedFileName } from './pasted-file-name';

/** A format annotated documents can be imported from. */
export type AnnotatedFormat = ApiInput<'importAnnotatedFromDialog'>['format'];
/** The format chosen in the dialog, or detection from the file. */
export type AnnotatedFormatChoice = AnnotatedFormat | typeof DETECT_FORMAT;

interface ImportDialogProps {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onChooseFiles: () => void;
  onChooseAnnotated: (format: AnnotatedFormatChoice) => void;
  onPaste: (name: string, text: string) => void;
}

/** Import articles: choose files through the system dialog, or paste text. */
export function ImportDialog({ open, busy, onClose, onChooseFiles, onChooseAnnotated, onPaste }: ImportDialogProps) {
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<AnnotatedFormatChoice>(DETECT_FORMAT);
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
        <p className="muted">PDF reports (.pdf), Word documents (.docx), web pages saved from a browser (.html, .mhtml), plain text (.txt) or Markdown (.md). The original file is kept with the text. You can also drop text and web pages anywhere on the window.</p>
        <Button variant="primary" onClick={onChooseFiles} disabled={busy} data-autofocus>
          Choose files…
        </Button>
      </section>
      <section className="import-section" aria-labelledby={`${titleId}-annotated`}>
        <h3 id={`${titleId}-annotated`}>Annotated documents</h3>
        <p className="muted">
          Texts with their annotations, from Parley or another tool. A text already in the library (identical, or the same document lightly edited) gets
          the annotations added to your layer; one that only looks like an edited version of yours is shown to you first, and anything else arrives as a new
          document. Nothing is dropped without being listed. To compare a colleague’s work with yours, use Load colleague’s annotations instead.
        </p>
        <div className="inline-fields">
          <FormatSelect detect value={format} onChange={setFormat} />
          <Button onClick={() => onChooseAnnotated(format)} disabled={busy}>
            Choose annotated files…
          </Button>
        </div>
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
