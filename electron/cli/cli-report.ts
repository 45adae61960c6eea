/** How the CLI prints problems and losses: the same words in every command, long lists capped. */
import { formatProblem } from '../../annotations/formats/report';
import { FORMAT_TITLES, isFormatName } from '../../annotations/formats/index';
import type { ExportOutcome } from '../../annotations/formats/format';
import type { Failure } from '../../annotations/result';
import type { CliIo } from './cli-io';
import { plural } from '../../annotations/text/plural';

/** Most items of one list printed before "and N more". */
export const LIST_CAP = 20;

/** The first `LIST_CAP` lines, then one line saying how many were left out. */
export function capped(lines: readonly string[], indent = '  '): string[] {
  if (lines.length <= LIST_CAP) return [...lines];
  return [...lines.slice(0, LIST_CAP), `${indent}… and ${lines.length - LIST_CAP} more`];
}

/** Writes a failure and (at most `LIST_CAP` of) the problems it lists to standard error. */
export function printFailure(error: Failure, io: CliIo): void {
  io.err(`Error (${error.code}): ${error.message}`);
  for (const line of capped((error.problems ?? []).map((p) => `  ${formatProblem(p)}`))) io.err(line);
}

/** A format's name as people know it. */
export function formatTitle(name: string): string {
  return isFormatName(name) ? FORMAT_TITLES[name] : name;
}

/**
 * Tells what an export could not hold, in the same words for `export` and
 * `convert`: the file was written, these items are not in it. Returns the
 * exit code the command ends with: 0 when nothing was lost, 1 otherwise.
 */
export function reportExportLosses(outcome: ExportOutcome, format: string, io: CliIo): number {
  const n = outcome.warnings.length;
  if (n === 0) return 0;
  io.err(`Not written, because ${formatTitle(format)} cannot hold them (${plural(n, 'item')}):`);
  for (const line of capped(outcome.warnings.map((w) => `  ${formatProblem(w)}`))) io.err(line);
  return 1;
}
