/**
 * The opening every importer shares: expand any .zip among the files, keep
 * those with the format's extensions (failing with a clear message when
 * there are none), then read each kept file in turn, reporting progress and
 * stopping between files when the caller cancels.
 */
import { fail, ok, type Problem, type Result } from '../result';
import type { CorpusBuilder } from './corpus-builder';
import type { FormatFile } from './format';
import { expandZips } from './zip';

/** The files an import reads: every file after zips are expanded, and those with the format's extensions. */
export interface ImportInputs {
  /** Every file given, zips expanded (for texts, configs and other companions). */
  all: FormatFile[];
  /** The files whose path matches the format's pattern, in the order given. */
  inputs: FormatFile[];
}

/**
 * Expands zips in `files` and keeps those whose path matches `accept`. Fails
 * with `invalid-input` and `none` (and `problems`, if given) when none
 * matches, and with the zip's own failure when a zip cannot be read.
 */
export function importInputs(files: FormatFile[], accept: RegExp, none: string, problems?: Problem[]): Result<ImportInputs> {
  const expanded = expandZips(files);
  if (!expanded.ok) return expanded;
  const inputs = expanded.value.filter((f) => accept.test(f.path));
  if (inputs.length === 0) return fail('invalid-input', none, problems);
  return ok({ all: expanded.value, inputs });
}

/**
 * Calls `read` on each input in order, reporting progress through `builder`
 * before each and once all are read. Returns the `cancelled` failure if the
 * caller asked to stop between two files; undefined once every file is read.
 */
export function readEachInput(builder: CorpusBuilder, inputs: readonly FormatFile[], read: (file: FormatFile) => void): Result<never> | undefined {
  for (let i = 0; i < inputs.length; i++) {
    const stop = builder.step(i, inputs.length);
    if (stop) return stop;
    read(inputs[i]!);
  }
  builder.step(inputs.length, inputs.length);
  return undefined;
}
