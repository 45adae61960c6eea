/**
 * `parley validate [--format FORMAT] INPUT [--author NAME]`: reads INPUT with
 * the same engine as an import, changes nothing, and reports every problem.
 * Exit code 0 when the input would import, 1 when it would not, 2 on a usage
 * error.
 */
import { FORMAT_NAMES } from '../../annotations/formats/index';
import { describeImport, validationVerdict } from '../../annotations/formats/report';
import { defaultLabelSchema } from '../../annotations/labels';
import type { CliIo } from './cli-io';
import { chooseCodec, knownFormat, printReadFailure } from './choose-codec';
import { capped, printFailure } from './cli-report';
import { commandUsage, runCommand, type CliArgs, type CliCommand } from './command-line';
import { readInputs } from './read-inputs';

/** The `validate` command. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a file, folder or .zip without importing it, and report every problem.',
  synopsis: ['[--format FORMAT] INPUT [--author NAME]'],
  options: {
    format: { type: 'string', value: 'FORMAT', help: `the input format (${FORMAT_NAMES.join(', ')}); detected when left out` },
    author: { type: 'string', value: 'NAME', help: 'the author of annotations whose file names none' },
  },
  positionals: { min: 1, max: 1, name: 'INPUT' },
  notes: ['Exit status: 0 when INPUT would import, 1 when it would not, 2 on a usage error.'],
  run: validate,
};

/** Usage text of `parley validate`. */
export const VALIDATE_USAGE = commandUsage(validateCommand);

/** Runs `parley validate` on a command line; returns the exit code. */
export function runValidate(argv: string[], io: CliIo): Promise<number> {
  return runCommand(validateCommand, argv, io);
}

async function validate(args: CliArgs, io: CliIo): Promise<number> {
  const input = args.positionals[0]!;
  const author = args.text('author');
  if (!knownFormat('validate', args.text('format'), io)) return 2;
  const files = await readInputs(input);
  if (!files.ok) {
    printFailure(files.error, io);
    return 1;
  }
  const codec = chooseCodec('validate', args.text('format'), input, files.value, io);
  if (typeof codec === 'number') return codec;
  const labels = defaultLabelSchema();
  const result = codec.import(files.value, { labels, now: new Date().toISOString(), ...(author ? { author } : {}) });
  if (!result.ok) {
    printReadFailure('validate', codec, files.value, result.error, io);
    io.err(`${input} is not valid ${codec.name}.`);
    return 1;
  }
  for (const line of capped(describeImport(result.value, `${input} (${codec.name})`, labels.labels.map((l) => l.id)))) io.out(line);
  io.out(validationVerdict(result.value, input, codec.name));
  return 0;
}
