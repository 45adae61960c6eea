/**
 * A count and its noun, for messages: "1 document", "3 documents",
 * "2 entries", "12,000 annotations".
 */

/**
 * `n` followed by `one` when `n` is 1 and by `many` otherwise (`one` + "s"
 * unless given). The count is grouped in thousands with commas, as en-US
 * writes it, so a message reads the same on every machine.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
