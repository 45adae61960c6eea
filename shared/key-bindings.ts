/**
 * The reader's commands and their keys: one table, read by the reader's
 * keymap, the shortcut sheet and the settings that rebind them. The analyst's
 * own keys are kept as overrides (command id → key) in the app settings; a
 * command without an override keeps its default keys.
 *
 * Keys are written as CodeMirror writes them: modifiers then the key, joined
 * by `-` (`Alt-ArrowDown`, `Mod-f`, `?`); `Mod` is Cmd on a Mac and Ctrl
 * elsewhere. Label keys belong to the labels (the label editor sets them);
 * Tab, Shift+Tab and Escape are never rebound, so focus can always leave the
 * text and a menu can always be closed.
 *
 * The zod schemas that check overrides coming over IPC or from the settings
 * file are in `key-overrides-schema.ts`, so the window, which only reads this
 * table, does not load zod to show the library.
 */
import type { Label } from '../annotations/model';

/** One rebindable command of the reader. */
export interface ReaderCommandSpec {
  readonly id: string;
  /** Its keys unless the analyst chose another. */
  readonly keys: readonly string[];
  /** What it does, as the shortcut sheet and the settings say it. */
  readonly action: string;
}

/** Every rebindable command, in the order the shortcut sheet lists them. */
export const READER_COMMANDS = [
  { id: 'grow-end', keys: ['Alt-Shift-ArrowRight'], action: 'Grow the selection by a word at its end' },
  { id: 'shrink-end', keys: ['Alt-Shift-ArrowLeft'], action: 'Shrink the selection by a word at its end' },
  { id: 'grow-start', keys: ['Mod-Alt-Shift-ArrowLeft'], action: 'Grow the selection by a word at its start' },
  { id: 'shrink-start', keys: ['Mod-Alt-Shift-ArrowRight'], action: 'Shrink the selection by a word at its start' },
  { id: 'next-mention', keys: ['Alt-m'], action: 'Select the next untagged mention of a known name (a label key then tags it)' },
  { id: 'previous-mention', keys: ['Alt-Shift-m'], action: 'Select the previous untagged mention of a known name' },
  { id: 'next-annotation', keys: ['Alt-ArrowDown'], action: 'Select the next annotation' },
  { id: 'previous-annotation', keys: ['Alt-ArrowUp'], action: 'Select the previous annotation' },
  { id: 'delete', keys: ['Delete', 'Backspace'], action: 'Delete the selected annotation' },
  { id: 'relabel', keys: ['l'], action: 'Change the label of the selected annotation (then a label key)' },
  { id: 'edit-note', keys: ['Enter'], action: 'Edit the note of the selected annotation (on a suggestion: accept it)' },
  { id: 'link', keys: ['r'], action: 'Link the selected annotation to another span' },
  { id: 'attributes', keys: ['s'], action: 'Set an attribute of the selected annotation' },
  { id: 'date-value', keys: ['v'], action: 'Accept the suggested value of the selected date' },
  { id: 'entity', keys: ['e'], action: 'Link the selected annotation to an entity' },
  { id: 'accept-suggestion', keys: ['y'], action: 'Accept the suggestion under the cursor (with a bare cursor, its label key does too)' },
  { id: 'reject-suggestion', keys: ['n'], action: 'Reject the suggestion under the cursor' },
  { id: 'undo', keys: ['Mod-z'], action: 'Undo' },
  { id: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], action: 'Redo' },
  { id: 'search', keys: ['Mod-f'], action: 'Search the document (Enter on a match selects it)' },
  { id: 'next-document', keys: ['Alt-PageDown'], action: 'Open the next document' },
  { id: 'previous-document', keys: ['Alt-PageUp'], action: 'Open the previous document' },
  { id: 'shortcuts', keys: ['?'], action: 'Show the keyboard shortcuts' },
] as const satisfies readonly ReaderCommandSpec[];

/** A rebindable command's id. */
export type ReaderCommandId = (typeof READER_COMMANDS)[number]['id'];

/** Every command id. */
export const READER_COMMAND_IDS = READER_COMMANDS.map((c) => c.id) as [ReaderCommandId, ...ReaderCommandId[]];

/** The analyst's keys: one key per rebound command; commands left out keep their defaults. */
export type KeyOverrides = Partial<Record<ReaderCommandId, string>>;

/** Each command's keys in effect. */
export type KeyBindings = Readonly<Record<ReaderCommandId, readonly string[]>>;

/** Where keys are pressed: `Mod` means Cmd on a Mac and Ctrl elsewhere. */
export type KeyPlatform = 'mac' | 'other';

/** Keys that are never rebound (focus between regions; closing menus). */
const RESERVED = new Set(['Tab', 'Shift-Tab', 'Escape']);

/** Named keys (besides any single character); Tab and Escape are named only to be refused as reserved. */
const NAMED_KEYS = new Set([
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End', 'Enter', 'Delete', 'Backspace', 'Insert', 'Space', 'Tab', 'Escape',
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12',
]);

const MODIFIER_ORDER = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;
type Modifier = (typeof MODIFIER_ORDER)[number];

/**
 * A key in one spelling, so two spellings of the same key compare equal:
 * `Mod` resolved for the platform, modifiers in a fixed order (Ctrl, Alt,
 * Shift, Meta), a letter pressed with Ctrl, Alt or Cmd in lower case, and
 * Shift left out before a single character typed without them (`?`, `A`:
 * the character already says it). Undefined when `key` is not a key a
 * command can take (no key after the modifiers, an unknown modifier, an
 * unknown named key).
 */
export function normalizeKey(key: string, platform: KeyPlatform): string | undefined {
  const parts = key.split(/-(?!$)/);
  let base = parts.pop() ?? '';
  const mods = new Set<Modifier>();
  for (const part of parts) {
    const p = part.toLowerCase();
    if (p === 'mod') mods.add(platform === 'mac' ? 'Meta' : 'Ctrl');
    else if (p === 'ctrl' || p === 'control' || p === 'c') mods.add('Ctrl');
    else if (p === 'alt' || p === 'a') mods.add('Alt');
    else if (p === 'shift' || p === 's') mods.add('Shift');
    else if (p === 'meta' || p === 'cmd' || p === 'm') mods.add('Meta');
    else return undefined;
  }
  if (base === ' ') base = 'Space';
  const single = [...base].length === 1;
  if (!single && !NAMED_KEYS.has(base)) return undefined;
  if (single && /\s/u.test(base)) return undefined;
  const chorded = mods.has('Ctrl') || mods.has('Alt') || mods.has('Meta');
  if (single && chorded) base = base.toLowerCase();
  if (single && !chorded) mods.delete('Shift');
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)), base].join('-');
}

/** Why `key` cannot be bound at all (reserved or not a key), or undefined when it can. */
export function unusableKey(key: string, platform: KeyPlatform): string | undefined {
  const normal = normalizeKey(key, platform);
  if (normal === undefined) return `“${key}” is not a key Parley can bind.`;
  if (RESERVED.has(normal)) return `${keyLabel(normal, platform)} is kept for moving between parts of the window and closing menus.`;
  return undefined;
}

/** The keys in effect: each override replaces its command's defaults. */
export function effectiveBindings(overrides: KeyOverrides): KeyBindings {
  const out = {} as Record<ReaderCommandId, readonly string[]>;
  for (const command of READER_COMMANDS) {
    const own = overrides[command.id];
    out[command.id] = own === undefined ? command.keys : [own];
  }
  return out;
}

/** The action of a command, as the sheet says it. */
export function commandAction(id: ReaderCommandId): string {
  return READER_COMMANDS.find((c) => c.id === id)?.action ?? id;
}

/** A key taken by something other than a command: a label's key, an attribute's key. */
export interface TakenKey {
  key: string;
  /** Says what holds it ("the label Actor"). */
  owner: string;
}

/** The keys labels hold: each label's tagging key and each attribute's key (for the conflict rules). */
export function labelKeys(labels: readonly Label[]): TakenKey[] {
  const out: TakenKey[] = [];
  for (const label of labels) {
    if (label.shortcut) out.push({ key: label.shortcut, owner: `the label ${label.name}` });
    for (const attribute of label.attributes ?? []) if (attribute.shortcut) out.push({ key: attribute.shortcut, owner: `the attribute ${attribute.name} of ${label.name}` });
  }
  return out;
}

/**
 * Why `key` cannot be bound to `command` given the other overrides and the
 * keys labels hold, naming what already has it; undefined when it can.
 * Rebinding a command to its own current key is allowed.
 */
export function bindingConflict(overrides: KeyOverrides, command: ReaderCommandId, key: string, taken: readonly TakenKey[], platform: KeyPlatform): string | undefined {
  const unusable = unusableKey(key, platform);
  if (unusable) return unusable;
  const wanted = normalizeKey(key, platform)!;
  const shown = keyLabel(wanted, platform);
  const bindings = effectiveBindings(overrides);
  for (const other of READER_COMMANDS) {
    if (other.id === command) continue;
    if (bindings[other.id].some((k) => normalizeKey(k, platform) === wanted)) return `${shown} is already bound to “${other.action}”. Give that command another key first.`;
  }
  const holder = taken.find((t) => normalizeKey(t.key, platform) === wanted);
  if (holder) return `${shown} is already ${holder.owner}'s key.`;
  return undefined;
}

/**
 * Checks a whole set of overrides: each key usable and none bound twice or
 * held by a label. Returns one message per problem (empty when all is well).
 */
export function keyOverrideProblems(overrides: KeyOverrides, taken: readonly TakenKey[], platform: KeyPlatform): string[] {
  const problems: string[] = [];
  for (const [id, key] of Object.entries(overrides) as Array<[ReaderCommandId, string]>) {
    const conflict = bindingConflict(overrides, id, key, taken, platform);
    if (conflict) problems.push(`${commandAction(id)}: ${conflict}`);
  }
  return problems;
}

const GLYPHS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Space: 'Space' };

/** A key as the sheet shows it: `Alt+Shift+→`, `Ctrl+F` (`⌘` for Meta on a Mac). */
export function keyLabel(key: string, platform: KeyPlatform): string {
  const normal = normalizeKey(key, platform) ?? key;
  const parts = normal.split(/-(?!$)/);
  const base = parts.pop() ?? '';
  const mods = parts.map((m) => (m === 'Meta' && platform === 'mac' ? '⌘' : m));
  const shownBase = GLYPHS[base] ?? (mods.length > 0 && [...base].length === 1 ? base.toUpperCase() : base);
  return [...mods, shownBase].join('+');
}
