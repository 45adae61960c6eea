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
      title={plan && plan.pairings.length === 0 ? 'Import annotated documents?' : 'Edited versions of documents in the library?'}
      size="medium"
      onClose={onCancel}
      description={plan ? describePlan(plan) : undefined}
    >
      {plan && <PairingChoices key={plan.planId} plan={plan} busy={busy} onCancel={onCancel} onApply={onApply} />}
    </Dialog>
  );
}

function describePlan(plan: AnnotatedImportPlan): string {
  if (plan.pairings.length === 0) return `${plan.source}: ${plan.documents === 1 ? 'one text' : `${plan.documents} texts`}. Nothing is imported until you confirm.`;
  return `${plan.source}: ${plan.pairings.length === 1 ? 'one text looks' : `${plan.pairings.length} texts look`} like an edited version of a document you have. Choose for each; nothing is imported until you do.`;
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
      {plan.detected && (
        <p className="muted" data-testid="detected-format">
          Read as {plan.detected}, detected from the file. If that is wrong, cancel and choose the format in the Import dialog.
        </p>
      )}
      {plan.pairings.length > 0 && (
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
      )}
      <div className="form-actions">
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={busy} {...(plan.pairings.length === 0 ? { 'data-autofocus': true } : {})}>
          Import
        </Button>
      </div>
    </form>
  );
}
