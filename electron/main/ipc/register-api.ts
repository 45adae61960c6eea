/**
 * Registers every API method on an ipcMain-like object. The same function
 * serves the real app (Electron's ipcMain) and the end-to-end bridge, so both
 * run exactly the same checks: sender, schema, then the handler, whose result
 * or failure always comes back as a serialisable `Result`.
 *
 * The handlers may be given as a promise: the app registers the API and opens
 * its window while the store is still opening, so the window loads meanwhile,
 * and calls made before the store is open are answered once it is.
 */
import type { z } from 'zod';
import { fail, type Problem, type Result } from '../../../annotations/result';
import { apiInputSchemas, type ApiInput, type ApiOutputs } from '../../../shared/api';
import { API_METHODS, channelOf, type ApiMethod } from '../../../shared/api-methods';
import { packResult } from '../../../shared/wire-forms';

/** The part of an `IpcMainInvokeEvent` the checks read. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<unknown>): void;
}

/** What the main process must implement: one handler per API method, typed from the contract. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<Result<ApiOutputs[M]>> };

/** Decides whether a frame URL is our own renderer. */
export type SenderCheck = (url: string) => boolean;

/** Turns zod's issues into our problems, one per issue, located by path. */
export function schemaProblems(error: z.ZodError): Problem[] {
  return error.issues.slice(0, 20).map((issue) => ({
    record: issue.path.length > 0 ? issue.path.join('.') : '(input)',
    message: issue.message,
  }));
}

/** The handlers, or the promise of them while the store opens; a rejected promise answers every call with its reason. */
export type PendingHandlers = ApiHandlers | Promise<ApiHandlers>;

/** Runs one call through the checks. Exported for tests and the bridge. */
export async function dispatch<M extends ApiMethod>(
  method: M,
  pending: PendingHandlers,
  isTrustedSender: SenderCheck,
  event: InvokeEventLike,
  input: unknown,
): Promise<Result<ApiOutputs[M]>> {
  const url = event.senderFrame?.url ?? '';
  if (!isTrustedSender(url)) return fail('forbidden', `calls from ${url || 'an unknown frame'} are refused`);
  const parsed = apiInputSchemas[method].safeParse(input);
  if (!parsed.success) return fail('invalid-input', `the request to ${method} is not valid`, schemaProblems(parsed.error));
  let handlers: ApiHandlers;
  try {
    handlers = await pending;
  } catch (error) {
    return fail('io-error', `Parley could not open its store: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const handler = handlers[method] as (input: ApiInput<M>) => Promise<Result<ApiOutputs[M]>>;
    return await handler(parsed.data as ApiInput<M>);
  } catch (error) {
    // A handler should return failures, not throw; if one does, report it rather than crash.
    console.error(`parley: handler ${method} threw`, error);
    return fail('internal', `${method} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Registers all methods; returns the channels registered. Answers of `WIRE_FORMS`' methods are sent packed. */
export function registerApi(ipc: IpcMainLike, handlers: PendingHandlers, isTrustedSender: SenderCheck): string[] {
  return API_METHODS.map((method) => {
    const channel = channelOf(method);
    ipc.handle(channel, async (event, input) => packResult(method, await dispatch(method, handlers, isTrustedSender, event, input)));
    return channel;
  });
}
