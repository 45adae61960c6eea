/** The label schema: read it, and save it with what existing annotations become. */
import type { Label, RelationType } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';
import { compilePatternRules, schemaPatternRules } from '../../../annotations/suggest/pattern-rules';
import { keyLabel, labelKeys, normalizeKey, READER_COMMANDS, type KeyOverrides } from '../../../shared/key-bindings';

/** Handlers for the label schema. */
export function createLabelHandlers({ store, settings, notify }: HandlerContext): Pick<ApiHandlers, 'getLabels' | 'saveLabels'> {
  return {
    async getLabels() {
      return ok(store.getLabels());
    },

    async saveLabels({ labels, migrate, relationTypes }) {
      // Relation types are kept when the caller sends none (an editor that knows only labels never drops them).
      const types = relationTypes ?? store.getLabels().relationTypes;
      const checked = checkRelationTypes(labels, types ?? [], migrate);
      if (!checked.ok) return checked;
      // Suggestion patterns (issue 15): an invalid rule is refused, named by number, label and text.
      const rules = compilePatternRules(schemaPatternRules({ labels }));
      if (!rules.ok) return rules;
      // A key the analyst gave a reader command (settings) cannot become a label's key too; a default key yields to labels.
      const clash = labelKeyClash(labels, settings.keyBindings());
      if (clash) return fail('conflict', clash);
      const saved = await store.saveLabels({ labels, ...(checked.value.length > 0 || relationTypes ? { relationTypes: checked.value } : {}) }, migrate);
      if (!saved.ok) return saved;
      notify({ type: 'library-changed' });
      return ok(store.getLabels());
    },
  };
}

/** Why a label's or attribute's key clashes with a reader key the analyst chose, or undefined. */
function labelKeyClash(labels: readonly Label[], overrides: KeyOverrides): string | undefined {
  const platform = process.platform === 'darwin' ? 'mac' : 'other';
  for (const taken of labelKeys(labels)) {
    const wanted = normalizeKey(taken.key, platform);
    const command = READER_COMMANDS.find((c) => overrides[c.id] !== undefined && normalizeKey(overrides[c.id]!, platform) === wanted);
    if (command) return `${keyLabel(taken.key, platform)}, ${taken.owner}'s key, is bound to “${command.action}” in the reader keys: choose another key, or reset that command's key first.`;
  }
  return undefined;
}

/**
 * Relation types against the labels they will be saved with: ids and keys
 * unique, ends naming labels that exist. An end naming a label that is being
 * renamed or deleted (`migrate`) follows it; a type left with no label at
 * an end by deletions is deleted with them (kept, it would link any label).
 */
function checkRelationTypes(labels: readonly Label[], types: readonly RelationType[], migrate: ReadonlyArray<{ from: string; to: string | null }>): Result<RelationType[]> {
  const labelIds = new Set(labels.map((l) => l.id));
  const moved = new Map(migrate.map((m) => [m.from, m.to]));
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  const out: RelationType[] = [];
  for (const type of types) {
    if (ids.has(type.id)) return fail('invalid-input', `two relation types have the id "${type.id}"`);
    ids.add(type.id);
    if (type.shortcut !== '') {
      const key = type.shortcut.toLowerCase();
      const other = keys.get(key);
      if (other !== undefined) return fail('invalid-input', `“${type.name}” and “${other}” both use the key "${type.shortcut}"`);
      keys.set(key, type.name);
    }
    const ends = (list: readonly string[], side: string): Result<string[]> => {
      const kept: string[] = [];
      for (const id of list) {
        const to = moved.has(id) ? moved.get(id)! : id;
        if (to === null) continue;
        if (!labelIds.has(to)) return fail('invalid-input', `“${type.name}” names the label "${id}" at its ${side} end, which the schema does not have`);
        if (!kept.includes(to)) kept.push(to);
      }
      return ok(kept);
    };
    const from = ends(type.from, 'source');
    if (!from.ok) return from;
    const to = ends(type.to, 'target');
    if (!to.ok) return to;
    // Every label at one end deleted: the type goes with them rather than link any label.
    if ((type.from.length > 0 && from.value.length === 0) || (type.to.length > 0 && to.value.length === 0)) continue;
    out.push({ ...type, from: from.value, to: to.value });
  }
  return ok(out);
}
