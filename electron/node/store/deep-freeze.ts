/**
 * Freezes the store's states all the way down, so that code writing into one
 * in place fails at the line that writes (a TypeError: our modules are strict)
 * instead of making a change no save ever sees: a save journals only the parts
 * whose references changed (`journal-patch.ts`).
 *
 * A new state shares most of its objects with the one before it, and those are
 * frozen already. The walk skips what the new state shares with the frozen
 * state before it (by reference, as `diffState` compares them: a list's
 * unchanged head and tail, each key of an object) and stops at any object that is frozen, so freezing
 * the state after a tag costs the few objects the tag made, not the document.
 * The price of stopping at frozen objects: one frozen only at its top (by a
 * plain `Object.freeze`) keeps what it holds writable.
 *
 * Only arrays and plain objects are walked and frozen, which is all JSON holds.
 */

const NOTHING: readonly unknown[] = [];

/**
 * Freezes `value` and every array and plain object it holds, and returns it.
 * `frozenBefore`, when given, is a deep-frozen earlier version of `value`:
 * what `value` shares with it at the same place is taken as frozen and not walked.
 */
export function deepFreeze<T>(value: T, frozenBefore?: T): T {
  freezeAgainst(value, frozenBefore);
  return value;
}

function freezeAgainst(value: unknown, before: unknown): void {
  if (value === before || typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    const old = Array.isArray(before) ? before : NOTHING;
    let head = 0;
    while (head < value.length && head < old.length && value[head] === old[head]) head++;
    let tail = 0;
    while (tail < value.length - head && tail < old.length - head && value[value.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
    // Frozen once scanned: V8 reads the items of a frozen array several times slower.
    Object.freeze(value);
    // Between them, an item replaced in place (a layer changed) is compared with the one it replaced.
    const paired = value.length === old.length;
    for (let i = head; i < value.length - tail; i++) {
      if (paired) freezeAgainst(value[i], old[i]);
      else freezeValue(value[i]);
    }
    return;
  }
  if (!isPlainObject(value)) return;
  Object.freeze(value);
  const old = isPlainObject(before) ? before : null;
  for (const key of Object.keys(value)) freezeAgainst(value[key], old?.[key]);
}

function freezeValue(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  // Frozen before what it holds is walked, so a structure that holds itself ends.
  if (Array.isArray(value)) {
    Object.freeze(value);
    for (let i = 0; i < value.length; i++) freezeValue(value[i]);
    return;
  }
  if (!isPlainObject(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) freezeValue(value[key]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
