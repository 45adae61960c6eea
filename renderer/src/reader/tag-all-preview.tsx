import { useState } from 'react';
import type { TextSpan } from '../../../annotations/text/word-boundaries';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { matchContext } from './match-context';

interface TagAllPreviewProps {
  text: string;
  labelName: string;
  /** The matches not yet tagged with the label. */
  spans: readonly TextSpan[];
  /** Matches already tagged with it, left out. */
  skipped: number;
  onCancel(): void;
  onApply(spans: TextSpan[]): void;
}

/** Matches listed at most; more are applied or left out as a whole with the box above the list. */
const LISTED = 500;

/** Before "Tag all matches" adds anything: each match in its context, with a box to leave it out. */
export function TagAllPreview({ text, labelName, spans, skipped, onCancel, onApply }: TagAllPreviewProps) {
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set());
  const chosen = spans.filter((_, i) => !left.has(i));
  const toggle = (i: number) => setLeft((current) => {
    const next = new Set(current);
    if (!next.delete(i)) next.add(i);
    return next;
  });
  return (
    <Dialog
      open
      title="Tag all matches"
      onClose={onCancel}
      size="medium"
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" data-autofocus disabled={chosen.length === 0} onClick={() => onApply(chosen)}>
            Add {chosen.length}
          </Button>
        </>
      }
    >
      <p className="parley-confirm-count">
        This adds {chosen.length} {chosen.length === 1 ? 'annotation' : 'annotations'} labelled {labelName}.
        {skipped > 0 && ` ${skipped} ${skipped === 1 ? 'match is' : 'matches are'} already tagged with it and will be skipped.`}
      </p>
      <ul className="parley-match-list" aria-label="Matches to tag">
        {spans.slice(0, LISTED).map((span, i) => {
          const { before, match, after } = matchContext(text, span);
          return (
            <li key={`${span.start}:${span.end}`}>
              <label>
                <input type="checkbox" checked={!left.has(i)} onChange={() => toggle(i)} />
                <span className="parley-match-context">
                  {before}
                  <mark>{match}</mark>
                  {after}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {spans.length > LISTED && <p className="parley-hint">{spans.length - LISTED} more matches are not listed and will be added.</p>}
      <p className="parley-hint">One undo removes them all.</p>
    </Dialog>
  );
}
