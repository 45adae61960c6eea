/**
 * JSON for PostgreSQL. A JavaScript string may hold a lone UTF-16 surrogate
 * (a span's context cut between the two halves of an emoji), which
 * `JSON.stringify` writes as a `\udXXX` escape and PostgreSQL's `jsonb`
 * refuses, failing the whole batch. Such escapes become U+FFFD: only context
 * and free text can hold them (a span never splits a character, and a
 * document whose text is not well-formed is not shared), so no offset moves.
 */

const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(d[89a-f][0-9a-f]{2})/gi;

/** `JSON.stringify(value)` with every lone-surrogate escape replaced by U+FFFD's. */
export function toServerJson(value: unknown): string {
  return JSON.stringify(value).replace(LONE_SURROGATE_ESCAPE, '$1\\ufffd');
}

/** True when `text` holds a lone surrogate (PostgreSQL cannot store it as text). */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}
