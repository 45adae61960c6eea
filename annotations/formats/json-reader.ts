/**
 * Strict reading of parsed JSON records: typed field access that reports,
 * with a JSON path, every missing field, wrong type and unexpected key,
 * instead of stopping at the first.
 */
import { has, isRecord, own } from './json-limits';
import { ellipsis } from '../text/ellipsis';

/** Receives one problem: the JSON path and what is wrong there. */
export type ReportProblem = (path: string, message: string) => void;

/** ISO 8601 date-time with a time zone (`2025-03-01T09:30:00Z`, `…+09:00`), as W3C and Parley use. */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Typed, reporting accessors over parsed JSON. */
export class JsonReader {
  constructor(private readonly report: ReportProblem) {}

  /** Reports a problem found by the caller. */
  problem(path: string, message: string): void {
    this.report(path, message);
  }

  /** The value as an object, or undefined after reporting. */
  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (isRecord(value)) return value;
    this.report(path, `must be an object (got ${describe(value)})`);
    return undefined;
  }

  /** Reports keys of `record` outside `allowed`. */
  onlyKeys(record: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(record)) if (!allowed.includes(key)) this.report(`${path}.${key}`, 'is not a known field');
  }

  /** A string field; `optional` allows it to be absent. */
  string(record: Record<string, unknown>, key: string, path: string, opts: { optional?: boolean; nonEmpty?: boolean } = {}): string | undefined {
    if (!has(record, key)) {
      if (!opts.optional) this.report(`${path}.${key}`, 'is missing');
      return undefined;
    }
    const v = own(record, key);
    if (typeof v !== 'string') {
      this.report(`${path}.${key}`, `must be a string (got ${describe(v)})`);
      return undefined;
    }
    if (opts.nonEmpty && v.trim() === '') {
      this.report(`${path}.${key}`, 'must not be empty');
      return undefined;
    }
    return v;
  }

  /** An ISO 8601 date-time string field. */
  dateTime(record: Record<string, unknown>, key: string, path: string, opts: { optional?: boolean } = {}): string | undefined {
    const v = this.string(record, key, path, opts);
    if (v !== undefined && !ISO_DATE_TIME.test(v)) {
      this.report(`${path}.${key}`, `must be an ISO 8601 date-time with a time zone (got ${JSON.stringify(v)})`);
      return undefined;
    }
    return v;
  }

  /** An integer field (offsets: never a float, string or NaN). */
  integer(record: Record<string, unknown>, key: string, path: string, opts: { optional?: boolean } = {}): number | undefined {
    if (!has(record, key)) {
      if (!opts.optional) this.report(`${path}.${key}`, 'is missing');
      return undefined;
    }
    const v = own(record, key);
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      this.report(`${path}.${key}`, `must be an integer (got ${describe(v)})`);
      return undefined;
    }
    return v;
  }

  /** An array field. */
  array(record: Record<string, unknown>, key: string, path: string, opts: { optional?: boolean } = {}): unknown[] | undefined {
    if (!has(record, key)) {
      if (!opts.optional) this.report(`${path}.${key}`, 'is missing');
      return undefined;
    }
    const v = own(record, key);
    if (!Array.isArray(v)) {
      this.report(`${path}.${key}`, `must be an array (got ${describe(v)})`);
      return undefined;
    }
    return v;
  }

  /** An array of strings field. */
  strings(record: Record<string, unknown>, key: string, path: string): string[] | undefined {
    const arr = this.array(record, key, path);
    if (!arr) return undefined;
    if (arr.some((x) => typeof x !== 'string')) {
      this.report(`${path}.${key}`, 'must hold only strings');
      return undefined;
    }
    return arr as string[];
  }

  /** A string field restricted to `values`. */
  oneOf<T extends string>(record: Record<string, unknown>, key: string, path: string, values: readonly T[]): T | undefined {
    const v = this.string(record, key, path);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) {
      this.report(`${path}.${key}`, `must be one of ${values.join(', ')} (got ${JSON.stringify(v)})`);
      return undefined;
    }
    return v as T;
  }
}

/** A short description of a JSON value's type for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(ellipsis(value, 30))}`;
  return `a ${typeof value}`;
}
