import { useId, useState } from 'react';
import type { ApiInput } from '../../../shared/api';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

/** A format `exportToDialog` writes. */
export type ExportFormat = ApiInput<'exportToDialog'>['format'];

const FORMATS: Array<{ value: ExportFormat; name: string; detail: string }> = [
  { value: 'parley', name: 'Parley', detail: 'Everything, for another Parley user: text, labels, layers and review decisions.' },
  { value: 'w3c', name: 'W3C Web Annotation', detail: 'JSON-LD annotations with text position and quote selectors.' },
  { value: 'brat', name: 'brat', detail: 'A .txt and a standoff .ann file per document.' },
  { value: 'doccano', name: 'doccano', detail: 'One line per document with its labelled spans, for doccano.' },
  { value: 'label-studio', name: 'Label Studio', detail: 'Tasks with their annotations, for Label Studio.' },
  { value: 'spacy', name: 'spaCy', detail: 'Entity spans for training spaCy models.' },
  { value: 'conll', name: 'CoNLL (BIO)', detail: 'One token per line with BIO tags.' },
  { value: 'csv', name: 'CSV', detail: 'One row per annotation, for spreadsheets.' },
];

interface ExportDialogProps {
  open: boolean;
  currentTitle: string | null;
  documentCount: number;
  busy: boolean;
  onClose: () => void;
  onExport: (scope: 'current' | 'library', format: ExportFormat) => void;
}

/** Picks what to export and in which format; the save dialog then asks where. */
export function ExportDialog({ open, currentTitle, documentCount, busy, onClose, onExport }: ExportDialogProps) {
  const [scope, setScope] = useState<'current' | 'library'>(currentTitle ? 'current' : 'library');
  const [format, setFormat] = useState<ExportFormat>('parley');
  const scopeName = useId();
  const formatId = useId();
  const effectiveScope = currentTitle ? scope : 'library';
  const detail = FORMATS.find((f) => f.value === format)?.detail;

  return (
    <Dialog
      open={open}
      title="Export annotations"
      size="small"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => onExport(effectiveScope, format)}>
            Export…
          </Button>
        </>
      }
    >
      <fieldset className="choice-group">
        <legend>What</legend>
        <label className="choice">
          <input type="radio" name={scopeName} checked={effectiveScope === 'current'} disabled={!currentTitle} onChange={() => setScope('current')} data-autofocus />
          <span>{currentTitle ? `This document: “${currentTitle}”` : 'This document (none is open)'}</span>
        </label>
        <label className="choice">
          <input type="radio" name={scopeName} checked={effectiveScope === 'library'} onChange={() => setScope('library')} />
          <span>The whole library ({documentCount === 1 ? '1 document' : `${documentCount} documents`})</span>
        </label>
      </fieldset>
      <label className="field" htmlFor={formatId}>
        <span className="field-label">Format</span>
        <select id={formatId} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      {detail && <p className="muted">{detail} Your own layer is exported.</p>}
    </Dialog>
  );
}
