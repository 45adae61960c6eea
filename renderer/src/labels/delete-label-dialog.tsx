import { useId, useState } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import type { LabelDraft } from './label-draft';

interface DeleteLabelDialogProps {
  label: LabelDraft | null;
  /** Own-layer annotations that carry the label, including any moved into it by pending removals. */
  count: number;
  /** Labels its annotations may move to. */
  targets: readonly LabelDraft[];
  onCancel: () => void;
  onConfirm: (moveTo: string | null) => void;
}

/** Asks what happens to a removed label's annotations: move them to another label, or delete them. */
export function DeleteLabelDialog({ label, count, targets, onCancel, onConfirm }: DeleteLabelDialogProps) {
  // The parent keys this dialog by label, so these start afresh for each label.
  const [choice, setChoice] = useState<'move' | 'delete'>(targets.length > 0 ? 'move' : 'delete');
  const [target, setTarget] = useState(targets[0]?.key ?? '');
  const name = useId();
  const selectId = useId();
  const canMove = targets.length > 0;

  const annotations = `${count} ${count === 1 ? 'annotation' : 'annotations'}`;
  const targetName = targets.find((t) => t.key === target)?.name ?? '';
  return (
    <Dialog
      open={label !== null}
      title={label ? `Delete the label “${label.name}”?` : 'Delete label?'}
      size="small"
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>Keep the label</Button>
          <Button variant={choice === 'delete' && count > 0 ? 'danger' : 'primary'} onClick={() => onConfirm(choice === 'move' && canMove ? target : null)} disabled={choice === 'move' && !canMove}>
            {choice === 'move' ? `Delete label, move ${annotations}` : `Delete label and ${annotations}`}
          </Button>
        </>
      }
    >
      {label && (
        <>
          <p data-testid="label-usage">
            {count === 0 ? `No annotation in your own layer uses “${label.name}”.` : `${annotations} in your own layer ${count === 1 ? 'uses' : 'use'} “${label.name}”.`}
          </p>
          <p className="muted">
            This count covers your own layer in every document. Colleagues’ and reconciled layers are not counted, but what you choose here applies to their annotations with this label too.
          </p>
          <fieldset className="choice-group">
            <legend>What should happen to these annotations?</legend>
            <label className="choice">
              <input type="radio" name={name} checked={choice === 'move'} disabled={!canMove} onChange={() => setChoice('move')} data-autofocus />
              <span>Move them to</span>
              <select aria-label="Label to move them to" id={selectId} value={target} disabled={!canMove || choice !== 'move'} onChange={(e) => setTarget(e.target.value)}>
                {targets.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.name || '(unnamed label)'}
                  </option>
                ))}
              </select>
            </label>
            <label className="choice">
              <input type="radio" name={name} checked={choice === 'delete'} onChange={() => setChoice('delete')} />
              <span>Delete them</span>
            </label>
          </fieldset>
          <p className="muted">Nothing changes until you save the labels.{choice === 'move' && targetName ? ` They will then carry “${targetName}”.` : ''}</p>
        </>
      )}
    </Dialog>
  );
}
