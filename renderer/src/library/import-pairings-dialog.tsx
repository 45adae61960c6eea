import { useId, useState } from 'react';
import { similarityPercent } from '../../../annotations/import/similarity-percent';
import type { AnnotatedImportPlan, ImportPairing } from '../../../shared/api';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

interface ImportPairingsDialogProps {
  plan: AnnotatedImportPlan | null;
  busy: boolean;
  onCancel: () => void;
  /** Applies the import, merging the pairings chosen (every other text is imported as new). */
  onApply: (merges: ImportPairing[]) => void;
}

/**
 * Before an annotated import is applied: each incoming text that looks like an
 * edited version of a document in the library, with how alike the two are,
 * and the analyst's choice for it: merge into that document, or import as a
 * new document (the default).
 */
export function ImportPairingsDialog({ plan, busy, onCancel, onApply }: ImportPairingsDialogProps) {
  return (
    <Dialog
      open={plan !== null}
      title="Edited versions of documents in the library?"
      size="medium"
      onClose={onCancel}
      description={plan ? `${plan.source}: ${plan.pairings.length === 1 ? 'one text looks' : `${plan.pairings.length} texts look`} like an edited version of a document you have. Choose for each; nothing is imported until you do.` : undefined}
    >
      {plan && <PairingChoices key={plan.planId} plan={plan} busy={busy} onCancel={onCancel} onApply={onApply} />}
    </Dialog>
  );
}

function PairingChoices({ plan, busy, onCancel, onApply }: { plan: AnnotatedImportPlan; busy: boolean; onCancel: () => void; onApply: (merges: ImportPairing[]) => void }) {
  const [merge, setMerge] = useState<ReadonlySet<number>>(new Set());
  const name = useId();
  const choose = (incoming: number, merged: boolean) =>
    setMerge((now) => {
      const next = new Set(now);
      if (merged) next.add(incoming);
      else next.delete(incoming);
      return next;
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onApply(plan.pairings.filter((p) => merge.has(p.incoming)));
      }}
    >
      <ul className="pairing-list" data-testid="import-pairings">
        {plan.pairings.map((p, i) => (
          <li key={p.incoming}>
            <fieldset className="choice-group">
              <legend>
                “{p.incomingTitle}” looks like an edited version of “{p.title}” ({similarityPercent(p.similarity)} alike)
              </legend>
              <label className="choice">
                <input type="radio" name={`${name}-${p.incoming}`} checked={!merge.has(p.incoming)} onChange={() => choose(p.incoming, false)} {...(i === 0 ? { 'data-autofocus': true } : {})} />
                <span>Import as a new document</span>
              </label>
              <label className="choice">
                <input type="radio" name={`${name}-${p.incoming}`} checked={merge.has(p.incoming)} onChange={() => choose(p.incoming, true)} />
                <span>Merge its annotations into “{p.title}”</span>
              </label>
            </fieldset>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={busy}>
          Import
        </Button>
      </div>
    </form>
  );
}
