/**
 * Relation types as they are edited in the label editor, checked before
 * saving and turned into the schema's `relationTypes`. Their ends name label
 * drafts by key, so a label renamed, added or deleted in the same session is
 * followed: a deleted label's place at an end goes to the label its
 * annotations move to, or is dropped; a type left with no label at an end
 * is deleted with them.
 */
import { labelIdFromName, labelKey } from '../../../annotations/labels';
import type { LabelSchema, RelationType } from '../../../annotations/model';
import type { LabelDraft, LabelRemoval } from './label-draft';

/** A relation type being edited; `from` and `to` hold label draft keys ([] = any label). */
export interface RelationTypeDraft {
  key: string;
  savedId: string | null;
  name: string;
  color: string;
  shortcut: string;
  directed: boolean;
  from: string[];
  to: string[];
}

let nextKey = 0;

/** A fresh key for a relation type draft. */
export function newRelationTypeKey(): string {
  nextKey += 1;
  return `relation-draft-${nextKey}`;
}

/** Drafts of the schema's relation types; ends naming a label the drafts do not hold are kept by id so nothing is lost. */
export function relationTypeDrafts(schema: LabelSchema, labels: readonly LabelDraft[]): RelationTypeDraft[] {
  const keyOf = new Map(labels.flatMap((l) => (l.savedId ? [[l.savedId, l.key] as const] : [])));
  const ends = (ids: readonly string[]) => ids.map((id) => keyOf.get(id) ?? id);
  return (schema.relationTypes ?? []).map((t) => ({ key: newRelationTypeKey(), savedId: t.id, name: t.name, color: t.color, shortcut: t.shortcut, directed: t.directed, from: ends(t.from), to: ends(t.to) }));
}

/** Where a label draft key ends up after the removals: itself, the label it moves into, or null (deleted). */
function followRemovals(key: string, labels: readonly LabelDraft[], removals: readonly LabelRemoval[]): string | null {
  let current: string | null = key;
  for (let steps = 0; current !== null && steps <= removals.length; steps++) {
    if (labels.some((l) => l.key === current)) return current;
    const removal = removals.find((r) => r.key === current);
    if (!removal) return current;
    current = removal.moveTo;
  }
  return null;
}

function endsAfter(ends: readonly string[], labels: readonly LabelDraft[], removals: readonly LabelRemoval[]): string[] {
  const kept: string[] = [];
  for (const end of ends) {
    const to = followRemovals(end, labels, removals);
    if (to !== null && !kept.includes(to)) kept.push(to);
  }
  return kept;
}

/** Keys a relation may not use: they move between candidates or stop linking. */
const LINK_KEYS: Readonly<Record<string, string>> = { '\t': 'Tab moves between candidates' };

/** What is wrong with the relation types (names, colours, keys); empty if they can be saved. */
export function relationTypeProblems(drafts: readonly RelationTypeDraft[]): string[] {
  const problems: string[] = [];
  const names = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const [i, draft] of drafts.entries()) {
    const name = draft.name.trim();
    const shown = name || `Relation type ${i + 1}`;
    if (name === '') problems.push(`Relation type ${i + 1} has no name.`);
    else {
      const earlier = names.get(labelKey(name));
      if (earlier !== undefined) problems.push(`“${name}” and “${earlier}” are the same relation name; give each its own.`);
      else names.set(labelKey(name), name);
    }
    if (!/^#[0-9a-fA-F]{6}$/.test(draft.color)) problems.push(`“${shown}” needs a colour written #rrggbb.`);
    if (draft.shortcut !== '') {
      const key = draft.shortcut.toLowerCase();
      if ([...draft.shortcut].length !== 1 || /\s/u.test(draft.shortcut)) problems.push(`The key of “${shown}” must be one key, not a blank.`);
      else if (LINK_KEYS[draft.shortcut]) problems.push(`“${shown}” cannot use that key: ${LINK_KEYS[draft.shortcut]}.`);
      else {
        const clash = keys.get(key);
        if (clash !== undefined) problems.push(`“${shown}” and “${clash}” both use the key “${draft.shortcut}”.`);
        else keys.set(key, shown);
      }
    }
  }
  return problems;
}

/** True when every label an end of the type allowed is deleted: the type goes with them (kept, it would link any label). */
function losesAnEnd(draft: RelationTypeDraft, labels: readonly LabelDraft[], removals: readonly LabelRemoval[]): boolean {
  return (['from', 'to'] as const).some((side) => draft[side].length > 0 && endsAfter(draft[side], labels, removals).length === 0);
}

/** The relation types deleted on save with the labels they joined (their links go with those labels' spans). */
export function droppedRelationTypes(drafts: readonly RelationTypeDraft[], labels: readonly LabelDraft[], removals: readonly LabelRemoval[]): RelationTypeDraft[] {
  return drafts.filter((d) => losesAnEnd(d, labels, removals));
}

/**
 * The schema's relation types from the drafts: ids kept, new ones made from
 * their names (unique), ends as label ids after the removals. `labelIds` maps
 * each label draft's key to the id it is saved under.
 */
export function buildRelationTypes(drafts: readonly RelationTypeDraft[], labels: readonly LabelDraft[], removals: readonly LabelRemoval[], labelIds: ReadonlyMap<string, string>): RelationType[] {
  const taken = new Set(drafts.flatMap((d) => (d.savedId ? [d.savedId] : [])));
  return drafts.filter((draft) => !losesAnEnd(draft, labels, removals)).map((draft) => {
    let id = draft.savedId;
    if (id === null) {
      const base = labelIdFromName(draft.name).slice(0, 56).replace(/-+$/, '') || 'relation';
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
    }
    // An end still naming a label by id (one the editor did not show) keeps that id.
    const ids = (ends: readonly string[]) => endsAfter(ends, labels, removals).map((key) => labelIds.get(key) ?? key);
    return { id, name: draft.name.trim(), color: draft.color.toLowerCase(), shortcut: draft.shortcut, directed: draft.directed, from: ids(draft.from), to: ids(draft.to) };
  });
}
