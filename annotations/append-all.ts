/**
 * `target.push(...items)` passes every item as an argument, and V8 throws
 * "Maximum call stack size exceeded" past about a hundred thousand of them:
 * a million-character article's suggestions, a review of 100,000 span pairs
 * or a large W3C collection reach that. This appends one at a time.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
