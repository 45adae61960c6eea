import { useState } from 'react';
import type { DocumentMetadata } from '../../../annotations/model';
import type { Result } from '../../../annotations/result';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { metadataDraft, readMetadataDraft, type MetadataDraft } from './metadata-draft';

interface DocumentMetadataDialogProps {
  title: string;
  metadata: DocumentMetadata | undefined;
  /** Stores the metadata; the dialog closes when it succeeds and shows the error when it fails. */
  onSave(metadata: DocumentMetadata): Promise<Result<unknown>>;
  onClose(): void;
}

const FIELDS: ReadonlyArray<{ field: keyof MetadataDraft; label: string; hint: string; type: string }> = [
  { field: 'publishedAt', label: 'Published', hint: '2021-06-22, 2021-06 or 2021; dates in the text are read relative to it', type: 'text' },
  { field: 'outlet', label: 'Outlet', hint: 'The newspaper, agency or site', type: 'text' },
  { field: 'author', label: 'Author', hint: '', type: 'text' },
  { field: 'url', label: 'Address', hint: 'https://…', type: 'url' },
];

/** Edits a document's publication date, outlet, author and address. Nothing is stored until Save; problems are listed, and nothing stored changes. */
export function DocumentMetadataDialog({ title, metadata, onSave, onClose }: DocumentMetadataDialogProps) {
  const [draft, setDraft] = useState<MetadataDraft>(() => metadataDraft(metadata));
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const read = readMetadataDraft(draft);
    if ('problems' in read) {
      setProblems(read.problems);
      return;
    }
    setSaving(true);
    const result = await onSave(read.metadata);
    setSaving(false);
    if (result.ok) onClose();
    else setProblems([`Not saved: ${result.error.message}`]);
  };

  return (
    <Dialog
      open
      title="Document details"
      description={title}
      size="medium"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={saving} onClick={() => void save()}>
            Save details
          </Button>
        </>
      }
    >
      <form
        className="metadata-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {FIELDS.map(({ field, label, hint, type }, i) => (
          <label key={field} className="metadata-field">
            <span className="metadata-label">{label}</span>
            <input
              type={type}
              name={field}
              value={draft[field]}
              data-autofocus={i === 0 ? true : undefined}
              spellCheck={false}
              onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
            />
            {hint && <span className="muted small">{hint}</span>}
          </label>
        ))}
        <button type="submit" hidden />
      </form>
      {problems.length > 0 && (
        <div className="form-problems" role="alert">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
