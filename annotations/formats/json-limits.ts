/**
 * Safe JSON reading for hostile input: a size limit and a nesting-depth limit
 * checked by a scanner before `JSON.parse` runs, and a walk afterwards that
 * rejects keys able to pollute prototypes (`__proto__`, `constructor`,
 * `prototype`). Never throws.
 */
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';

/** Largest JSON or JSONL input accepted, in UTF-16 code units (about 64 MB of ASCII). */
export const MAX_JSON_LENGTH = 64 * 1024 * 1024;

/** Deepest nesting of arrays and objects accepted. Real exports nest fewer than 12 levels. */
export const MAX_JSON_DEPTH = 64;

/** Keys refused anywhere in imported JSON. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Where a parse is happening, for problem reports. */
export interface JsonSource {
  file?: string;
  line?: number;
}

/**
 * The maximum nesting depth of `text`, scanning brackets outside strings, or
 * -1 as soon as it exceeds `limit` (so the scan of a hostile input stops early).
 * Does not validate JSON syntax; `JSON.parse` does that afterwards.
 */
export function scanJsonDepth(text: string, limit: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return -1;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return max;
}

/**
 * Parses untrusted JSON: checks size, then depth, then syntax, then keys.
 * Fails with `too-large` or `invalid-format` and a located problem.
 */
export function parseJsonSafely(text: string, source: JsonSource = {}, limits: { maxLength?: number; maxDepth?: number } = {}): Result<unknown> {
  const maxLength = limits.maxLength ?? MAX_JSON_LENGTH;
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const at = (message: string): Problem => ({ ...source, message });
  if (text.length > maxLength) {
    return fail('too-large', `input is ${text.length} characters; the limit is ${maxLength}`, [at(`input is larger than ${maxLength} characters`)]);
  }
  if (scanJsonDepth(text, maxDepth) < 0) {
    return fail('invalid-format', `JSON nests deeper than ${maxDepth} levels`, [at(`JSON nests deeper than ${maxDepth} levels`)]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = `not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
    return fail('invalid-format', message, [at(message)]);
  }
  const bad = findForbiddenKey(value, '$');
  if (bad) {
    const message = `forbidden key "${bad.key}" at ${bad.path}`;
    return fail('invalid-format', message, [{ ...source, record: bad.path, message }]);
  }
  return ok(value);
}

function findForbiddenKey(value: unknown, path: string): { key: string; path: string } | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { key, path };
      const found = findForbiddenKey((value as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own property of a parsed JSON object, never an inherited one. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** True if `record` has `key` as an own property. */
export function has(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
