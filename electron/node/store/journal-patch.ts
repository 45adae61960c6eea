/**
 * The difference between two states of a document file, as a short list of
 * operations a journal record can carry, and applying it again on replay.
 *
 * Document states are never changed in place: a change makes new objects along
 * the path it touches and shares everything else. `diffState` walks both states
 * and stops wherever the references are equal, so a tag among 20,000
 * annotations costs one reference comparison per annotation and yields a
 * record of a few hundred bytes (the annotation inserted, the history step
 * pushed, `updatedAt`), whatever the document's size.
 *
 * Values are compared as JSON sees them: a key holding `undefined` is absent.
 */

/** A path into the state: object keys and array indexes. */
export type PatchPath = Array<string | number>;

/** One operation of a patch. */
export type PatchOp =
  /** Put `value` at `path` (an object key or an existing array index); the empty path replaces the whole state. */
  | { op: 'set'; path: PatchPath; value: unknown }
  /** Remove the key at `path`. */
  | { op: 'del'; path: PatchPath }
  /** `array.splice(at, remove, ...items)` on the array at `path`. */
  | { op: 'splice'; path: PatchPath; at: number; remove: number; items: unknown[] };

/** How far ahead a removal at the front of an array is looked for (the undo history drops its oldest steps). */
const SHIFT_WINDOW = 16;

/** The operations that turn `before` into `after`. */
export function diffState(before: unknown, after: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  diffValue([], before, after, ops);
  return ops;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function diffValue(path: PatchPath, before: unknown, after: unknown, ops: PatchOp[]): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) return diffArray(path, before, after, ops);
  if (isObject(before) && isObject(after)) return diffObject(path, before, after, ops);
  ops.push({ op: 'set', path, value: after });
}

function diffObject(path: PatchPath, before: Record<string, unknown>, after: Record<string, unknown>, ops: PatchOp[]): void {
  for (const key of Object.keys(after)) {
    const value = after[key];
    if (value === undefined) {
      if (before[key] !== undefined) ops.push({ op: 'del', path: [...path, key] });
    } else if (before[key] === undefined) {
      ops.push({ op: 'set', path: [...path, key], value });
    } else {
      diffValue([...path, key], before[key], value, ops);
    }
  }
  for (const key of Object.keys(before)) {
    if (before[key] !== undefined && !(key in after)) ops.push({ op: 'del', path: [...path, key] });
  }
}

function diffArray(path: PatchPath, before: readonly unknown[], after: readonly unknown[], ops: PatchOp[]): void {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const removed = before.length - prefix - suffix;
  const added = after.length - prefix - suffix;
  if (removed === 0 && added === 0) return;
  // Oldest steps dropped from the front while a new one is pushed: remove them, then compare again.
  if (removed > 0 && added > 0) {
    let shift = 1;
    while (shift <= Math.min(SHIFT_WINDOW, removed) && before[prefix + shift] !== after[prefix]) shift++;
    if (shift <= Math.min(SHIFT_WINDOW, removed)) {
      ops.push({ op: 'splice', path, at: prefix, remove: shift, items: [] });
      return diffArray(path, [...before.slice(0, prefix), ...before.slice(prefix + shift)], after, ops);
    }
  }
  if (removed === added) {
    for (let i = prefix; i < prefix + removed; i++) diffValue([...path, i], before[i], after[i], ops);
    return;
  }
  ops.push({ op: 'splice', path, at: prefix, remove: removed, items: after.slice(prefix, prefix + added) });
}

/** A patch that does not fit the state it is applied to. */
export class PatchMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchMismatchError';
  }
}

/**
 * Applies `ops` to `state` in place (it must be a private copy, such as fresh
 * `JSON.parse` output) and returns the result. Throws `PatchMismatchError` when
 * a path does not lead where the patch expects.
 */
export function applyPatch(state: unknown, ops: readonly PatchOp[]): unknown {
  let root = state;
  for (const op of ops) {
    if (op.path.length === 0) {
      if (op.op !== 'set') throw new PatchMismatchError(`a ${op.op} on the whole state`);
      root = op.value;
      continue;
    }
    if (op.op === 'splice') {
      const target = walk(root, op.path, op.path.length);
      if (!Array.isArray(target)) throw new PatchMismatchError(`${op.path.join('.')} is not a list`);
      if (op.at < 0 || op.at + op.remove > target.length) throw new PatchMismatchError(`${op.path.join('.')} has ${target.length} items, not ${op.at + op.remove}`);
      target.splice(op.at, op.remove, ...op.items);
      continue;
    }
    const parent = walk(root, op.path, op.path.length - 1);
    const key = op.path[op.path.length - 1]!;
    if (Array.isArray(parent)) {
      if (typeof key !== 'number' || key < 0 || key >= parent.length || op.op === 'del') throw new PatchMismatchError(`${op.path.join('.')} is not an item of its list`);
      parent[key] = op.value;
    } else if (isObject(parent) && typeof key === 'string') {
      if (op.op === 'del') delete parent[key];
      else parent[key] = op.value;
    } else {
      throw new PatchMismatchError(`${op.path.join('.')} has no parent object`);
    }
  }
  return root;
}

function walk(root: unknown, path: PatchPath, depth: number): unknown {
  let at = root;
  for (let i = 0; i < depth; i++) {
    const key = path[i]!;
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (isObject(at) && typeof key === 'string' && Object.hasOwn(at, key)) at = at[key];
    else throw new PatchMismatchError(`${path.slice(0, i + 1).join('.')} does not exist`);
  }
  return at;
}
