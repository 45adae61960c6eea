/**
 * A key press named as the reader's key table names keys (`Alt-ArrowDown`,
 * `Ctrl-Shift-z`, `?`), for recording a new key in the settings and for
 * matching keys the keymap cannot (undo and redo, whatever Shift does to the
 * letter).
 */
import { normalizeKey, type KeyPlatform } from '../../../shared/key-bindings';

/** What is read of a key press. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph', 'OS', 'Dead', 'Unidentified', 'Process']);

/** The platform the window runs on. */
export function keyPlatform(): KeyPlatform {
  return typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? 'mac' : 'other';
}

/**
 * The key's name, or undefined for a modifier pressed alone (or a key that
 * cannot be bound). With Ctrl, Alt or Cmd, a letter or digit is named by the
 * key it is on (`Alt-m`, though Option+M types `µ` on a Mac); without them, a
 * character is named as typed (`?`, `A`) and Shift is part of it.
 */
export function keyNameOf(event: KeyPress, platform: KeyPlatform): string | undefined {
  if (MODIFIER_KEYS.has(event.key)) return undefined;
  const chorded = event.ctrlKey || event.altKey || event.metaKey;
  let base = event.key;
  if (chorded) {
    const onKey = /^Key([A-Z])$/.exec(event.code ?? '') ?? /^Digit(\d)$/.exec(event.code ?? '');
    if (onKey) base = onKey[1]!.toLowerCase();
    else if ([...base].length === 1) base = base.toLowerCase();
  }
  const mods = [event.ctrlKey && 'Ctrl', event.altKey && 'Alt', event.shiftKey && 'Shift', event.metaKey && 'Meta'].filter(Boolean);
  return normalizeKey([...mods, base].join('-'), platform);
}

/** True when the press is `key` (any spelling of it). */
export function pressIs(event: KeyPress, key: string, platform: KeyPlatform): boolean {
  const name = keyNameOf(event, platform);
  return name !== undefined && name === normalizeKey(key, platform);
}
