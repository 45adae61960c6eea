/**
 * Shortening text for messages, titles and lists: cut with one "…" at the
 * end, never in the middle of a character.
 */

/**
 * `text` if it is at most `max` UTF-16 code units long; otherwise its start,
 * with trailing spaces dropped, and "…", in at most `max` code units. A cut
 * never splits a surrogate pair (an emoji or a rare CJK character keeps both
 * halves or loses both). `max` below 1 is taken as 1.
 */
export function ellipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, Math.max(1, max) - 1);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** `text` on one line (every run of white space, line breaks included, becomes one space; ends trimmed), shortened by `ellipsis`. */
export function oneLine(text: string, max: number): string {
  return ellipsis(text.replace(/\s+/g, ' ').trim(), max);
}
