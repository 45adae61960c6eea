/**
 * Results instead of exceptions: codecs, validators and IPC handlers return
 * `Result` so that errors keep their code and details across process
 * boundaries (a thrown `Error` loses its fields over IPC).
 */

/** Machine-readable error codes shared by the engine, the store, IPC and the CLI. */
export type ErrorCode =
  | 'invalid-input'
  | 'invalid-format'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'store-locked'
  | 'store-corrupt'
  | 'io-error'
  | 'forbidden'
  | 'cancelled'
  | 'internal';

/** One problem found in an input, located as precisely as the input allows. */
export interface Problem {
  /** File name, if the input came from a file. */
  file?: string;
  /** 1-based line number, for line-oriented formats. */
  line?: number;
  /** Record index or JSON path, for structured formats. */
  record?: string;
  message: string;
}

/** A failure: a code, a human-readable message, and optionally every problem found. */
export interface Failure {
  code: ErrorCode;
  message: string;
  problems?: Problem[];
}

/** Either a value or a failure. Never throws across a boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure result. */
export function fail<T = never>(code: ErrorCode, message: string, problems?: Problem[]): Result<T> {
  return { ok: false, error: problems && problems.length > 0 ? { code, message, problems } : { code, message } };
}
