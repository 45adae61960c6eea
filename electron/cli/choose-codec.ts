/** Which codec reads an input: the one `--format` names, else the one `detectFormat` finds; and one short message when the named one is wrong. */
import { DETECTED_FORMAT_TITLES, detectFormat } from '../../annotations/formats/detect-format';
import type { FormatCodec, FormatFile } from '../../annotations/formats/format';
import { FORMAT_NAMES, getCodec } from '../../annotations/formats/index';
import type { Failure } from '../../annotations/result';
import type { CliIo } from './cli-io';
import { printFailure } from './cli-report';

/** False, after saying so, when `given` names no format; checked before any input is read. */
export function knownFormat(command: string, given: string | undefined, io: CliIo): boolean {
  if (given === undefined || getCodec(given)) return true;
  io.err(`parley ${command}: unknown format ${given}; formats are ${FORMAT_NAMES.join(', ')}`);
  return false;
}

/** The codec for `files` read from `input`, or the exit code to end with (2: unknown or undetectable format, 1: a format this Parley cannot read). */
export function chooseCodec(command: string, given: string | undefined, input: string, files: readonly FormatFile[], io: CliIo): FormatCodec | number {
  if (given !== undefined) {
    const codec = getCodec(given);
    if (!codec) {
      io.err(`parley ${command}: unknown format ${given}; formats are ${FORMAT_NAMES.join(', ')}`);
      return 2;
    }
    return codec;
  }
  const found = detectFormat(files);
  if (!found) {
    io.err(`parley ${command}: cannot tell the format of ${input}; give --format (${FORMAT_NAMES.join(', ')})`);
    return 2;
  }
  const codec = getCodec(found.format);
  if (!codec) {
    io.err(`parley ${command}: ${input} looks like ${found.title}, which this version of Parley cannot read`);
    return 1;
  }
  io.err(`Reading ${input} as ${found.title} (found ${found.reason}).`);
  return codec;
}

/**
 * Tells why `codec` could not read `files`: when they look like another
 * format, one line saying so instead of every parse error; otherwise the
 * failure with its problems (capped).
 */
export function printReadFailure(command: string, codec: FormatCodec, files: readonly FormatFile[], error: Failure, io: CliIo): void {
  const found = detectFormat(files);
  if (found && found.format !== codec.name) {
    const known = getCodec(found.format) ? `; give --format ${found.format}, or leave --format out` : '';
    io.err(`parley ${command}: this looks like ${found.title}, not ${DETECTED_FORMAT_TITLES[codec.name]} (found ${found.reason})${known}`);
    return;
  }
  printFailure(error, io);
}
