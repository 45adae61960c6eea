/**
 * Answers that travel from the main process to the window in a denser form
 * than the value the handler returns, and how each is packed and unpacked.
 * The main process packs in one place (`registerApi`) and the window unpacks
 * in one place (`createApiClient`), so handlers and every consumer keep
 * seeing the contract's types (`ApiOutputs`).
 */
import { fail, type Result } from '../annotations/result';
import type { ApiOutputs } from './api';
import type { ApiMethod } from './api-methods';
import { packDocumentView, unpackDocumentView, type PackedDocumentView } from './document-view-wire';

/** How one method's answer is packed for the wire and read back. */
export interface WireForm<T> {
  pack(value: T): unknown;
  /** Throws when `wire` is not this form. */
  unpack(wire: unknown): T;
}

/** The methods whose answers travel packed; every other answer travels as it is. */
export const WIRE_FORMS: { [M in ApiMethod]?: WireForm<ApiOutputs[M]> } = {
  getDocument: { pack: packDocumentView, unpack: (wire) => unpackDocumentView(wire as PackedDocumentView) },
};

/** A handler's result as it goes on the wire: a success of a packed method carries the packed value. */
export function packResult<M extends ApiMethod>(method: M, result: Result<ApiOutputs[M]>): Result<unknown> {
  const form = WIRE_FORMS[method] as WireForm<ApiOutputs[M]> | undefined;
  return form && result.ok ? { ok: true, value: form.pack(result.value) } : result;
}

/**
 * The result as the window uses it, from what came over the wire. A packed
 * value that cannot be read becomes an `internal` failure, not a throw.
 */
export function unpackResult<M extends ApiMethod>(method: M, wire: unknown): Result<ApiOutputs[M]> {
  const result = wire as Result<unknown>;
  const form = WIRE_FORMS[method] as WireForm<ApiOutputs[M]> | undefined;
  if (!form || !result || typeof result !== 'object' || !result.ok) return result as Result<ApiOutputs[M]>;
  try {
    return { ok: true, value: form.unpack(result.value) };
  } catch (error) {
    return fail('internal', `${method}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
