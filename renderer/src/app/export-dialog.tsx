import { useId, useState } from 'react';
import type { ApiInput } from '../../../shared/api';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { FormatSelect } from '../ui/format-select';

/** A format `exportToDialog` writes. */
export type ExportFormat = ApiInput<'exportToDialog'>['format'];

/** What the export writes: the annotations in a format, or the statement table as CSV (`exportStatementsToDialog`). */
export type ExportChoice = ExportFormat | 'statements';

/** What each format is for, shown under the choice. */
const DETAILS: Record<ExportFormat, string> = {
  parley: 'Everything, for another Parley user: text, labels, the layers chosen below and review decisions.',
  w3c: 'JSON-LD annotations with text position and quote selectors.',
  brat: 'A .txt and a standoff .ann file per document.',
  doccano: 'One line per document with its labelled spans, for doccano.',
  'label-studio': 'Tasks with their annotations, for Label Studio.',
  spacy: 'Entity spans for training spaCy models.',
  conll: 'One token per line with BIO tags.',
  csv: 'One row per annotation, for spreadsheets.',
  labelbuddy: 'One line per document with its spans, notes and checksum, for labelbuddy.',
  'refi-qda': 'A .qdpx project with codes, coded selections, notes and links, for ATLAS.ti, MAXQDA, NVivo or QualCoder.',
};

interface ExportDialogProps {
  open: boolean;
  currentTitle: string | null;
  documentCount: number;
  busy: boolean;
  onClose: () => void;
  /** `allLayers`: every layer (own, colleagues', reconciled) rather than the analyst's own. */
  onExport: (scope: 'current' | 'library', choice: ExportChoice, allLayers: boolean) => void;
}

/** Picks what to export and in which format; the save dialog then asks where. */
export function ExportDialog({ open, currentTitle, documentCount, busy, onClose, onExport }: ExportDialogProps) {
  const [scope, setScope] = useState<'current' | 'library'>(currentTitle ? 'current' : 'library');
  const [format, setFormat] = useState<ExportFormat>('parley');
  const [table, setTable] = useState<'annotations' | 'statements'>('annotations');
  const [allLayers, setAllLayers] = useState(false);
  const scopeName = useId();
  const tableName = useId();
  const layersName = useId();
  const effectiveScope = currentTitle ? scope : 'library';
  const detail = DETAILS[format];

  return (
    <Dialog
      open={open}
      title="Export annotations"
      size="small"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => onExport(effectiveScope, table === 'statements' ? 'statements' : format, table === 'annotations' && allLayers)}>
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
      <fieldset className="choice-group">
        <legend>As</legend>
        <label className="choice">
          <input type="radio" name={tableName} checked={table === 'annotations'} onChange={() => setTable('annotations')} />
          <span>Annotations</span>
        </label>
        <label className="choice">
          <input type="radio" name={tableName} checked={table === 'statements'} onChange={() => setTable('statements')} />
          <span>Statement table (CSV)</span>
        </label>
      </fieldset>
      {table === 'annotations' ? (
        <>
          <FormatSelect value={format} onChange={setFormat} />
          {detail && <p className="muted">{detail}</p>}
          <fieldset className="choice-group">
            <legend>Layers</legend>
            <label className="choice">
              <input type="radio" name={layersName} checked={!allLayers} onChange={() => setAllLayers(false)} />
              <span>Your own layer</span>
            </label>
            <label className="choice">
              <input type="radio" name={layersName} checked={allLayers} onChange={() => setAllLayers(true)} />
              <span>Every layer: yours, colleagues’ and the reconciled one</span>
            </label>
          </fieldset>
        </>
      ) : (
        <p className="muted">One row per actor, position and target: who took which position toward whom, and when, with stance, entities and offsets, from your own layer’s links.</p>
      )}
    </Dialog>
  );
}
