/**
 * Linking two spans by keyboard: the state of one link being made and the
 * pure steps that change it. With a span selected, `r` starts a session over
 * the spans near it that some relation type allows; Tab and Shift+Tab cycle
 * through them nearest first, typing narrows them to those whose text holds
 * what was typed, and a relation's key (or Enter, when one type fits) makes
 * the link. The reader keeps the session and draws it; nothing here touches
 * the view or the store.
 *
 * A link may run either way: with the position selected, choosing an actor
 * and `h` makes "actor holds position", since *holds* goes from actor to
 * position. Such an option is `reversed`.
 */
import type { Annotation, Relation, RelationType } from '../../../annotations/model';

/** How far from the selected span (in UTF-16 code units, either side) candidates are looked for. */
export const LINK_WINDOW = 3_000;

/** One way to link the selected span with a candidate. */
export interface LinkOption {
  type: RelationType;
  /** True when the candidate is the relation's source and the selected span its target. */
  reversed: boolean;
}

/** A span the selected one can be linked to, with the types that fit. */
export interface LinkCandidate {
  annotation: Annotation;
  options: LinkOption[];
  /** Characters between the two spans (0 when they touch or overlap). */
  distance: number;
}

/** One link being made. */
export interface LinkSession {
  source: Annotation;
  candidates: LinkCandidate[];
  /** What was typed to narrow the candidates. */
  typed: string;
  /** Index into the narrowed candidates. */
  index: number;
}

/** What a key does in a session. */
export type LinkKeyResult =
  | { kind: 'complete'; candidate: LinkCandidate; option: LinkOption }
  | { kind: 'refused'; message: string };

function allows(ends: readonly string[], labelId: string): boolean {
  return ends.length === 0 || ends.includes(labelId);
}

/** The relation types that can join `selected` and `other`, in the schema's order; each forward (selected as source) if it fits that way. */
export function fittingOptions(selected: Annotation, other: Annotation, types: readonly RelationType[]): LinkOption[] {
  const options: LinkOption[] = [];
  for (const type of types) {
    if (allows(type.from, selected.labelId) && allows(type.to, other.labelId)) options.push({ type, reversed: false });
    else if (allows(type.from, other.labelId) && allows(type.to, selected.labelId)) options.push({ type, reversed: true });
  }
  return options;
}

function gap(a: Annotation, b: Annotation): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

/**
 * The spans within `window` of `source` that some relation type can join to
 * it, nearest first (ties: earlier first). `annotations` are in document
 * order; only those near the source are looked at.
 */
export function linkCandidates(source: Annotation, annotations: readonly Annotation[], types: readonly RelationType[], window = LINK_WINDOW): LinkCandidate[] {
  const from = source.start - window;
  const to = source.end + window;
  const found: LinkCandidate[] = [];
  for (const a of annotations) {
    if (a.start > to) break;
    if (a.end < from || a.id === source.id) continue;
    const options = fittingOptions(source, a, types);
    if (options.length > 0) found.push({ annotation: a, options, distance: gap(source, a) });
  }
  return found.sort((x, y) => x.distance - y.distance || x.annotation.start - y.annotation.start || x.annotation.end - y.annotation.end);
}

function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/** Starts a session, or says why no link can start from this span. */
export function startLink(source: Annotation, annotations: readonly Annotation[], types: readonly RelationType[], labelName: (labelId: string) => string): LinkSession | { error: string } {
  if (types.length === 0) return { error: 'There are no relation types. Add one in the label editor first.' };
  const candidates = linkCandidates(source, annotations, types);
  if (candidates.length === 0) return { error: `No span near this ${labelName(source.labelId)} can be linked to it: tag the other end first.` };
  return { source, candidates, typed: '', index: 0 };
}

/** The candidates left after narrowing by what was typed. */
export function shownCandidates(session: LinkSession): LinkCandidate[] {
  if (session.typed === '') return session.candidates;
  const typed = fold(session.typed);
  return session.candidates.filter((c) => fold(c.annotation.quote.exact).includes(typed));
}

/** The candidate the link would go to now, or null when typing left none. */
export function currentCandidate(session: LinkSession): LinkCandidate | null {
  const shown = shownCandidates(session);
  return shown.length === 0 ? null : shown[((session.index % shown.length) + shown.length) % shown.length]!;
}

/** Moves to the next (1) or previous (-1) candidate, wrapping around. */
export function cycleLink(session: LinkSession, direction: 1 | -1): LinkSession {
  const count = shownCandidates(session).length;
  if (count === 0) return session;
  return { ...session, index: (((session.index + direction) % count) + count) % count };
}

/** Adds typed characters (narrowing from the nearest match again). */
export function typeInLink(session: LinkSession, text: string): LinkSession {
  return { ...session, typed: session.typed + text, index: 0 };
}

/** Takes back the last typed character. */
export function eraseInLink(session: LinkSession): LinkSession {
  return { ...session, typed: Array.from(session.typed).slice(0, -1).join(''), index: 0 };
}

/** True when `key` is some relation type's shortcut (such keys choose a type and are never typed). */
export function isRelationKey(key: string, types: readonly RelationType[]): boolean {
  return key !== '' && types.some((t) => t.shortcut === key);
}

/** What Enter or a relation's key does on the current candidate. */
export function resolveLinkKey(session: LinkSession, key: string): LinkKeyResult {
  const candidate = currentCandidate(session);
  if (!candidate) return { kind: 'refused', message: `No span near it holds “${session.typed}”. Backspace to type less, Escape to stop.` };
  const keys = candidate.options.map((o) => `${o.type.shortcut || '(no key)'} ${o.type.name}`).join(', ');
  if (key === 'Enter') {
    if (candidate.options.length === 1) return { kind: 'complete', candidate, option: candidate.options[0]! };
    return { kind: 'refused', message: `More than one relation fits: press ${keys}.` };
  }
  const option = candidate.options.find((o) => o.type.shortcut === key);
  if (!option) return { kind: 'refused', message: `That relation cannot join these two spans: press ${keys}.` };
  return { kind: 'complete', candidate, option };
}

/** The relation's source and target ids for a chosen option. */
export function linkEnds(source: Annotation, candidate: LinkCandidate, option: LinkOption): { sourceId: string; targetId: string } {
  return option.reversed ? { sourceId: candidate.annotation.id, targetId: source.id } : { sourceId: source.id, targetId: candidate.annotation.id };
}

/** The status line during a session: the source, the current candidate, the keys that fit and how to go on. */
export function describeLink(session: LinkSession, labelName: (labelId: string) => string, clip: (text: string) => string): string {
  const from = `Link ${labelName(session.source.labelId)} “${clip(session.source.quote.exact)}”`;
  const shown = shownCandidates(session);
  const typed = session.typed ? ` Typed “${session.typed}”.` : '';
  const candidate = currentCandidate(session);
  if (!candidate) return `${from}: nothing near it holds “${session.typed}”.${typed} Backspace to type less, Escape to stop.`;
  const at = shown.indexOf(candidate) + 1;
  const keys = candidate.options.map((o) => `${o.type.shortcut || 'Enter'} ${o.reversed ? `${o.type.name} (from it)` : o.type.name}`).join(', ');
  const enter = candidate.options.length === 1 ? ' or Enter' : '';
  return `${from} to ${labelName(candidate.annotation.labelId)} “${clip(candidate.annotation.quote.exact)}” (${at} of ${shown.length}): ${keys}${enter}.${typed} Tab for the next, type to narrow (a capital for a relation’s letter), Escape to stop.`;
}

/** True when the same link (same type, same ends) already exists. */
export function linkExists(relations: readonly Relation[], typeId: string, sourceId: string, targetId: string): boolean {
  return relations.some((r) => r.typeId === typeId && r.sourceId === sourceId && r.targetId === targetId);
}
