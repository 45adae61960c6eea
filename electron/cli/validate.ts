/**
 * `parley validate --format FORMAT INPUT [--author NAME]`: reads INPUT with the
 * same engine as an import, changes nothing, and reports every problem. Exit
 * code 0 when the input would import, 1 when it would not, 2 on a usage error.
 */
import { FORMAT_NAMES, getCodec } from '../../annotations/formats/index';
import { describeFailure, describeImport } from '../../annotations/formats/report';
import { defaultLabelSchema } from '../../annotations/labels';
import type { CliIo } from './cli-io';
import { readInputs } from './read-inputs';

/** Usage text of `parley validate`. */
export const VALIDATE_USAGE = `Usage: parley validate --format FORMAT INPUT
Formats: ${FORMAT_NAMES.join(', ')}. INPUT may be a file, a folder or a .zip.`;

/** Runs `parley validate`; returns the exit code. */
export async function runValidate(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(VALIDATE_USAGE);
    return 0;
  }
  let format: string | undefined;
  let author: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = /^--(format|author)=(.*)$/.exec(arg);
    if (eq) {
      if (eq[1] === 'format') format = eq[2];
      else author = eq[2];
    } else if (arg === '--format' || arg === '--author') {
      const value = argv[++i];
      if (value === undefined) {
        io.err(`parley validate: ${arg} needs a value\n${VALIDATE_USAGE}`);
        return 2;
      }
      if (arg === '--format') format = value;
      else author = value;
    } else if (arg.startsWith('--')) {
      io.err(`parley validate: unknown option ${arg}\n${VALIDATE_USAGE}`);
      return 2;
    } else {
      positional.push(arg);
    }
  }
  if (!format || positional.length !== 1) {
    io.err(`parley validate: give --format and exactly one INPUT\n${VALIDATE_USAGE}`);
    return 2;
  }
  const codec = getCodec(format);
  if (!codec) {
    io.err(`parley validate: unknown format ${format}; formats are ${FORMAT_NAMES.join(', ')}`);
    return 2;
  }
  const input = positional[0]!;
  const files = await readInputs(input);
  if (!files.ok) {
    for (const line of describeFailure(files.error)) io.err(line);
    return 1;
  }
  const labels = defaultLabelSchema();
  const result = codec.import(files.value, { labels, now: new Date().toISOString(), ...(author ? { author } : {}) });
  if (!result.ok) {
    for (const line of describeFailure(result.error)) io.err(line);
    io.err(`${input} is not valid ${codec.name}.`);
    return 1;
  }
  for (const line of describeImport(result.value, `${input} (${codec.name})`, labels.labels.map((l) => l.id))) io.out(line);
  io.out(`${input} is valid ${codec.name}.`);
  return 0;
}
