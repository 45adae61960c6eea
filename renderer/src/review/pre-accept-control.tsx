import { useId, useState } from 'react';

interface PreAcceptControlProps {
  /** How many layers are compared (n). */
  layers: number;
  /** Runs the rule over every document with these layers; resolves with what it did, as a sentence. */
  onRun(k: number): Promise<string>;
}

/**
 * "k of n agree": the analyst chooses k and turns the rule on; every span k
 * of the compared layers hold exactly is accepted on every document, as
 * ordinary decisions that undo like any other.
 */
export function PreAcceptControl({ layers, onRun }: PreAcceptControlProps) {
  const [k, setK] = useState(Math.min(2, layers));
  const [busy, setBusy] = useState(false);
  const pickerId = useId();
  const chosen = Math.min(Math.max(2, k), layers);
  return (
    <div className="review-pre-accept" role="group" aria-label="Accept what most layers agree on">
      <label htmlFor={pickerId}>Accept where</label>
      <select id={pickerId} value={chosen} onChange={(e) => setK(Number(e.target.value))}>
        {Array.from({ length: layers - 1 }, (_, i) => i + 2).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <span>of {layers} agree</span>
      <button
        type="button"
        className="review-pre-accept-run"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onRun(chosen).finally(() => setBusy(false));
        }}
      >
        Accept on all documents
      </button>
    </div>
  );
}
