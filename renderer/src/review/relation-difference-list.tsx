import { useRef, useState, type KeyboardEvent } from 'react';
import type { AnnotationLayer, DecisionAction, LabelSchema, Relation } from '../../../annotations/model';
import type { RelationDifferenceKind } from '../../../annotations/review/relation-differences';
import type { ReviewedRelation } from '../../../annotations/review/relation-decisions';
import { oneLine } from '../../../annotations/text/ellipsis';
import { actionWords } from './review-words';

interface RelationDifferenceListProps {
  /** The link differences, as `reviewedRelations` lists them. */
  links: readonly ReviewedRelation[];
  mine: AnnotationLayer;
  theirs: AnnotationLayer;
  labels: LabelSchema;
  mineName: string;
  theirsName: string;
  /** The decision on a link difference, or null; absent, the list is for reading only (a review of several layers). */
  decisionOf?(decisionKey: string): DecisionAction | null;
  onDecide?(decisionKey: string, action: DecisionAction): void;
}

const KIND_NAMES: Record<RelationDifferenceKind, string> = { agreed: 'Agreed', 'different-type': 'Different type', 'only-mine': 'Only mine', 'only-theirs': 'Only theirs' };
const KINDS: readonly RelationDifferenceKind[] = ['different-type', 'only-mine', 'only-theirs', 'agreed'];

/** The buttons each kind offers, in the order shown: what is meaningful for a link (the keys t, m, b, x work on every kind). */
const BUTTONS: Readonly<Record<RelationDifferenceKind, ReadonlyArray<{ action: DecisionAction; name: string; key: string }>>> = {
  agreed: [
    { action: 'keep-mine', name: 'Keep', key: 'm' },
    { action: 'reject-both', name: 'Reject', key: 'x' },
  ],
  'different-type': [
    { action: 'keep-mine', name: 'Mine', key: 'm' },
    { action: 'accept-theirs', name: 'Theirs', key: 't' },
    { action: 'keep-both', name: 'Both', key: 'b' },
    { action: 'reject-both', name: 'Neither', key: 'x' },
  ],
  'only-mine': [
    { action: 'keep-mine', name: 'Keep', key: 'm' },
    { action: 'reject-both', name: 'Drop', key: 'x' },
  ],
  'only-theirs': [
    { action: 'accept-theirs', name: 'Accept', key: 't' },
    { action: 'reject-both', name: 'Reject', key: 'x' },
  ],
};

const KEY_ACTIONS: Readonly<Record<string, DecisionAction>> = { t: 'accept-theirs', m: 'keep-mine', b: 'keep-both', x: 'reject-both' };

/**
 * The link differences between two layers in review: agreed, the same spans
 * linked by another type, or a link only one side made, each with the
 * decisions that fit it. By keyboard: Tab into the list, `j`/`k` (or the
 * arrows) move between links, `t` `m` `b` `x` decide the link with the
 * focus, as they decide a span difference. A link joins spans of the
 * reconciled layer, so its spans are decided first; the store refuses a link
 * whose span is not there and says which.
 */
export function RelationDifferenceList({ links, mine, theirs, labels, mineName, theirsName, decisionOf, onDecide }: RelationDifferenceListProps) {
  const [active, setActive] = useState(0);
  const rows = useRef<Array<HTMLLIElement | null>>([]);
  if (links.length === 0) return null;
  const typeName = (id: string) => labels.relationTypes?.find((t) => t.id === id)?.name ?? id;
  const describe = (layer: AnnotationLayer, r: Relation) => {
    const quote = (id: string) => oneLine(layer.annotations.find((a) => a.id === id)?.quote.exact ?? '?', 30);
    return `“${quote(r.sourceId)}” ${typeName(r.typeId)} “${quote(r.targetId)}”`;
  };
  const ordered = [...links].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  const counts = KINDS.map((kind) => [kind, links.filter((d) => d.kind === kind).length] as const).filter(([, n]) => n > 0);
  const decided = decisionOf ? links.filter((d) => decisionOf(d.decisionKey) !== null).length : 0;
  const at = Math.min(active, ordered.length - 1);

  const move = (to: number) => {
    const next = ((to % ordered.length) + ordered.length) % ordered.length;
    setActive(next);
    rows.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number, link: ReviewedRelation) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target !== event.currentTarget) return;
    const step = event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0;
    const action = KEY_ACTIONS[event.key];
    if (step === 0 && !(action && onDecide)) return;
    // The review's own keys would act on the focused span difference: the link with the focus takes them here.
    event.preventDefault();
    event.stopPropagation();
    if (step !== 0) move(index + step);
    else if (action && !event.repeat) {
      onDecide!(link.decisionKey, action);
      const nextUndecided = ordered.findIndex((d, i) => i > index && decisionOf?.(d.decisionKey) === null);
      if (nextUndecided >= 0) move(nextUndecided);
    }
  };

  return (
    <section className="review-relations" aria-label="Relation differences">
      <h3 className="report-heading">Links</h3>
      <p className="muted small">
        {counts.map(([kind, n]) => `${n} ${KIND_NAMES[kind].toLowerCase()}`).join(' · ')}
        {decisionOf && ` · ${decided} of ${links.length} decided`}
      </p>
      <ul aria-label="Links to decide">
        {ordered.map((d, i) => {
          const decision = decisionOf?.(d.decisionKey) ?? null;
          return (
            <li
              key={d.decisionKey}
              ref={(el) => {
                rows.current[i] = el;
              }}
              className="review-relation"
              data-kind={d.kind}
              data-decision={decision ?? 'none'}
              data-testid="review-link"
              tabIndex={onDecide ? (i === at ? 0 : -1) : undefined}
              aria-keyshortcuts={onDecide ? 't m b x' : undefined}
              onFocus={() => setActive(i)}
              onKeyDown={(e) => onKeyDown(e, i, d)}
            >
              <span className="review-relation-kind">{KIND_NAMES[d.kind]}</span>{' '}
              <span className="review-relation-text">
                {d.kind === 'different-type' ? (
                  <>
                    {mineName}: {describe(mine, d.mine!)}; {theirsName}: {typeName(d.theirs!.typeId)}
                  </>
                ) : d.mine ? (
                  describe(mine, d.mine)
                ) : (
                  describe(theirs, d.theirs!)
                )}
              </span>
              {onDecide && (
                <span className="review-relation-actions">
                  <span className={`difference-row-decision${decision ? '' : ' undecided'}`}>{decision ? `✓ ${actionWords(decision).done}` : 'Undecided'}</span>
                  {BUTTONS[d.kind].map((b) => (
                    <button key={b.action} type="button" tabIndex={-1} aria-pressed={decision === b.action} aria-keyshortcuts={b.key} onClick={() => onDecide(d.decisionKey, b.action)}>
                      {b.name} <kbd>{b.key}</kbd>
                    </button>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
