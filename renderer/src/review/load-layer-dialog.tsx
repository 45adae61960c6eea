import { useId, useRef, useState } from 'react';
import type { Failure } from '../../../annotations/result';
import type { LayerImportReport } from '../../../shared/api';
import { failureLines } from '../ui/format-problem';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { LAYER_FORMATS, layerFormat, type LayerFormat } from './layer-formats';
import { useBusyCall } from '../ui/use-busy-call';

/** A message from the main process as a sentence: capital first letter, full stop at the end. */
function asSentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

interface LoadLayerDialogProps {
  onClose(): void;
  onLoaded(report: LayerImportReport): void;
}

/**
 * Loads a colleague's annotations as their own layer: pick the format, give
 * their name if the file may not carry it, then choose the file. A refusal is
 * shown here, with the name field marked when the name was what was missing.
 */
export function LoadLayerDialog({ onClose, onLoaded }: LoadLayerDialogProps) {
  const [format, setFormat] = useState<LayerFormat>('parley');
  const [author, setAuthor] = useState('');
  const { busy, whileBusy } = useBusyCall();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const authorRef = useRef<HTMLInputElement>(null);
  const formatId = useId();
  const authorId = useId();
  const hintId = useId();
  const info = layerFormat(format);
  const name = author.trim();

  const askForName = (message: string) => {
    setNameMissing(true);
    setFailure({ code: 'invalid-input', message });
    authorRef.current?.focus();
  };

  const load = async () => {
    if (info.author === 'never' && name === '') {
      askForName(`A ${info.name} file does not say who made its annotations. Give your colleague’s name first.`);
      return;
    }
    setFailure(null);
    const result = await whileBusy(() => window.parley.api.importLayerFromDialog(name === '' ? { format } : { format, author: name }));
    if (!result.ok) {
      if (result.error.code === 'invalid-input' && name === '' && /name|who made/i.test(result.error.message)) askForName(asSentence(result.error.message));
      else setFailure(result.error);
      return;
    }
    if (result.value !== null) onLoaded(result.value);
  };

  const lines = failure ? failureLines(failure) : null;
  return (
    <Dialog
      open
      title="Load a colleague’s annotations"
      description="Their annotations become a layer of their own beside yours, on each document whose text matches. Your own layer is not changed."
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void load()}>
            {busy ? 'Loading…' : 'Choose file…'}
          </Button>
        </>
      }
    >
      <label className="field" htmlFor={formatId}>
        <span className="field-label">Format of the file</span>
        <select
          id={formatId}
          value={format}
          data-autofocus
          onChange={(e) => {
            setFormat(e.target.value as LayerFormat);
            setNameMissing(false);
            setFailure(null);
          }}
        >
          {LAYER_FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{info.detail}</p>
      <label className="field" htmlFor={authorId}>
        <span className="field-label">Colleague’s name{info.author === 'never' ? '' : ' (if the file does not say)'}</span>
        <input
          ref={authorRef}
          id={authorId}
          type="text"
          value={author}
          maxLength={100}
          autoComplete="off"
          aria-invalid={nameMissing}
          aria-describedby={hintId}
          onChange={(e) => {
            setAuthor(e.target.value);
            setNameMissing(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void load();
          }}
        />
      </label>
      <p id={hintId} className="muted small">
        {info.author === 'always'
          ? 'Parley files name their authors; a name given here is used only for a layer without one.'
          : info.author === 'sometimes'
            ? 'Used for annotations the file does not attribute to anyone.'
            : 'This format does not record who made the annotations, so the name is needed.'}
      </p>
      {lines && (
        <div className="form-problems" role="alert">
          <p>{lines.message}</p>
          {lines.problems.length > 0 && (
            <ul>
              {lines.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  );
}
