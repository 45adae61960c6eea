import { useState } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { ellipsis } from '../../../annotations/text/ellipsis';

interface NoteEditorProps {
  quote: string;
  labelName: string;
  note: string;
  onSave(note: string): void;
  onClose(): void;
}

/** A dialog to write or change the note on one annotation. An empty note removes it. */
export function NoteEditor({ quote, labelName, note, onSave, onClose }: NoteEditorProps) {
  const [text, setText] = useState(note);
  const save = () => onSave(text.trim());
  return (
    <Dialog
      open
      title={`Note on “${ellipsis(quote, 60)}”`}
      description={labelName}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={save}>
            Save note
          </Button>
        </>
      }
    >
      <textarea
        className="parley-note-input"
        aria-label="Note"
        data-autofocus
        rows={6}
        maxLength={10_000}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          }
        }}
      />
      <p className="parley-hint">Ctrl+Enter saves. An empty note removes it.</p>
    </Dialog>
  );
}
