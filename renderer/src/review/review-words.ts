/** What the review calls each kind of difference and each decision, in the app's words. */
import type { DecisionAction, DifferenceKind } from '../../../annotations/model';

/** Full names of the kinds, for counts and headings. */
export const KIND_NAMES: Readonly<Record<DifferenceKind, string>> = {
  agreed: 'Agreed',
  'label-conflict': 'Label conflict',
  'boundary-conflict': 'Boundary conflict',
  'only-mine': 'Only mine',
  'only-theirs': 'Only theirs',
};

/** One sentence on what each kind means, for tooltips. */
export const KIND_HINTS: Readonly<Record<DifferenceKind, string>> = {
  agreed: 'Both of you tagged exactly this span with the same label.',
  'label-conflict': 'The spans overlap but carry different labels.',
  'boundary-conflict': 'Same label, but the spans start or end in different places.',
  'only-mine': 'You tagged this; your colleague did not.',
  'only-theirs': 'Your colleague tagged this; you did not.',
};

/** A decision as a button and as a record: its name, the key that makes it, and how it reads once made. */
export interface ActionWords {
  action: DecisionAction;
  name: string;
  key: string;
  done: string;
}

/** The four group decisions, in the order the buttons appear; every key works on every kind. */
export const ACTIONS: readonly ActionWords[] = [
  { action: 'accept-theirs', name: 'Accept theirs', key: 't', done: 'Accepted theirs' },
  { action: 'keep-mine', name: 'Keep mine', key: 'm', done: 'Kept mine' },
  { action: 'keep-both', name: 'Keep both', key: 'b', done: 'Kept both' },
  { action: 'reject-both', name: 'Reject both', key: 'x', done: 'Rejected both' },
];

const CHOSEN: ActionWords = { action: 'choose-spans', name: 'Choose spans', key: '', done: 'Chose spans one by one' };

/**
 * The buttons that fit a kind of difference: only theirs → accept or reject;
 * only mine (or agreed) → keep or drop; a conflict → mine, theirs, both or
 * neither. Same keys as `ACTIONS`.
 */
export function actionsFor(kind: DifferenceKind): readonly ActionWords[] {
  switch (kind) {
    case 'only-theirs':
      return [
        { action: 'accept-theirs', name: 'Accept', key: 't', done: 'Accepted theirs' },
        { action: 'reject-both', name: 'Reject', key: 'x', done: 'Rejected theirs' },
      ];
    case 'only-mine':
    case 'agreed':
      return [
        { action: 'keep-mine', name: 'Keep', key: 'm', done: 'Kept mine' },
        { action: 'reject-both', name: 'Drop', key: 'x', done: 'Dropped' },
      ];
    default:
      return [
        { action: 'keep-mine', name: 'Mine', key: 'm', done: 'Kept mine' },
        { action: 'accept-theirs', name: 'Theirs', key: 't', done: 'Accepted theirs' },
        { action: 'keep-both', name: 'Both', key: 'b', done: 'Kept both' },
        { action: 'reject-both', name: 'Neither', key: 'x', done: 'Kept neither' },
      ];
  }
}

/** The words for one decision. */
export function actionWords(action: DecisionAction): ActionWords {
  return ACTIONS.find((a) => a.action === action) ?? CHOSEN;
}
