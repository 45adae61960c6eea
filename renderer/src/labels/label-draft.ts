import type { AttributeDefinition, Label, LabelSchema } from '../../../annotations/model';
import { cleanAttributes } from './attribute-draft';
import { labelIdFromName, labelKey } from '../../../annotations/labels';

/** A label as it is being edited. `key` is stable for the editor's life; `savedId` is null for a label not saved yet. */
export interface LabelDraft {
  key: string;
  savedId: string | null;
  name: string;
  color: string;
  shortcut: string;
  description: string;
  /** Its attributes (version 2); absent when it has none and none were added. */
  attributes?: AttributeDefinition[];
  /** Its suggestion patterns (issue 15), kept as they are: the editor does not change them, and saving must not drop them. */
  patterns?: Label['patterns'];
}

/** A saved label the analyst removed, and where its annotations go: another draft's key, or null to delete them. */
export interface LabelRemoval {
  key: string;
  savedId: string;
  name: string;
  moveTo: string | null;
}

let nextKey = 0;

/** A fresh key for a draft row. */
export function newDraftKey(): string {
  nextKey += 1;
  return `draft-${nextKey}`;
}

/** Drafts of every label in a schema, in order. */
export function draftsFromSchema(schema: LabelSchema): LabelDraft[] {
  return schema.labels.map((label) => ({
    key: newDraftKey(),
    savedId: label.id,
    name: label.name,
    color: label.color,
    shortcut: label.shortcut,
    description: label.description,
    ...(label.attributes ? { attributes: label.attributes.map((a) => ({ ...a, ...(a.options ? { options: a.options.map((o) => ({ ...o })) } : {}) })) } : {}),
    ...(label.patterns ? { patterns: label.patterns } : {}),
  }));
}

/** What is wrong with the drafts as a whole (empty or repeated names, no labels); empty if they can be saved. */
export function draftProblems(drafts: readonly LabelDraft[]): string[] {
  const problems: string[] = [];
  if (drafts.length === 0) problems.push('Keep at least one label.');
  const seen = new Map<string, string>();
  for (const [i, draft] of drafts.entries()) {
    const name = draft.name.trim();
    if (name === '') {
      problems.push(`Label ${i + 1} has no name.`);
      continue;
    }
    const key = labelKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`“${name}” and “${earlier}” are the same name; give each label its own.`);
    else seen.set(key, name);
  }
  return problems;
}

/** The id a new label gets: from its name, unique among `taken`, and never longer than the store allows. */
function freshId(name: string, taken: Set<string>): string {
  const base = labelIdFromName(name).slice(0, 56).replace(/-+$/, '') || 'label';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The input of `saveLabels`: the labels in order, and a migration for every
 * removed label. A removal whose target was itself removed later follows that
 * label's removal to its final target.
 */
export function buildSaveInput(drafts: readonly LabelDraft[], removals: readonly LabelRemoval[]): { labels: Label[]; migrate: Array<{ from: string; to: string | null }> } {
  const taken = new Set<string>([...drafts.flatMap((d) => (d.savedId ? [d.savedId] : [])), ...removals.map((r) => r.savedId)]);
  const idByKey = new Map<string, string>();
  const labels = drafts.map((draft): Label => {
    const id = draft.savedId ?? freshId(draft.name, taken);
    taken.add(id);
    idByKey.set(draft.key, id);
    const label: Label = { id, name: draft.name.trim(), color: draft.color.toLowerCase(), shortcut: draft.shortcut, description: draft.description.trim() };
    if (draft.attributes) label.attributes = cleanAttributes(draft.attributes);
    if (draft.patterns && draft.patterns.length > 0) label.patterns = draft.patterns;
    return label;
  });
  const removalByKey = new Map(removals.map((r) => [r.key, r]));
  const finalTarget = (key: string | null): string | null => {
    for (let current = key, steps = 0; current !== null && steps <= removals.length; steps++) {
      const id = idByKey.get(current);
      if (id !== undefined) return id;
      current = removalByKey.get(current)?.moveTo ?? null;
    }
    return null;
  };
  return { labels, migrate: removals.map((r) => ({ from: r.savedId, to: finalTarget(r.moveTo) })) };
}

/** Own-layer annotations that would carry a draft's label after the pending removals: its own and those moved into it. */
export function pendingUsage(draftKey: string, drafts: readonly LabelDraft[], removals: readonly LabelRemoval[], usage: ReadonlyMap<string, number>): number {
  const draft = drafts.find((d) => d.key === draftKey) ?? removals.find((r) => r.key === draftKey);
  const own = draft?.savedId ? (usage.get(draft.savedId) ?? 0) : 0;
  return own + removals.filter((r) => r.moveTo === draftKey).reduce((sum, r) => sum + pendingUsage(r.key, drafts, removals, usage), 0);
}
