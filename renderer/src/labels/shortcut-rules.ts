/** Keys the reader keeps for itself, and what it uses them for. Label shortcuts may not take them. */
export const RESERVED_SHORTCUTS: Readonly<Record<string, string>> = {
  '?': 'opens the reader’s keyboard help',
  '/': 'searches the text',
  l: 'changes the label of an annotation',
  r: 'links the selected annotation to another (a relation)',
  s: 'sets an attribute of the selected annotation (a stance, a date value)',
  v: 'accepts the suggested value of the selected date',
  e: 'links the selected annotation to an entity',
};

/** The key a shortcut is compared under: `A` and `a` clash. */
function keyOf(shortcut: string): string {
  return shortcut.toLowerCase();
}

/**
 * Why `shortcut` cannot be given to a label, or null if it can. `others` are
 * the shortcuts and names of every other label. An empty shortcut (none) is always allowed.
 */
export function shortcutRefusal(shortcut: string, others: ReadonlyArray<{ name: string; shortcut: string }>): string | null {
  if (shortcut === '') return null;
  if ([...shortcut].length !== 1) return 'A shortcut is a single key.';
  if (/\s/u.test(shortcut)) return 'Space and other blank keys cannot be shortcuts.';
  const reserved = RESERVED_SHORTCUTS[keyOf(shortcut)];
  if (reserved) return `“${shortcut}” is kept by the reader: it ${reserved}.`;
  const clash = others.find((other) => other.shortcut !== '' && keyOf(other.shortcut) === keyOf(shortcut));
  if (clash) return `“${shortcut}” is already the shortcut of “${clash.name}”.`;
  return null;
}
