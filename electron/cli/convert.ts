/**
 * `parley convert [--from FORMAT] INPUT --to FORMAT OUTPUT [--author NAME] [--layers a,b] [--force]`:
 * reads INPUT with one codec and writes OUTPUT with another, reporting what was
 * converted and what could not be. Exit code 0 on success, 1 on any error or
 * loss, 2 on a usage error.
 */
import { getCodec, FORMAT_NAMES } from '../../annotations/formats/index';
import { corpusCounts, describeImport } from '../../annotations/formats/report';
import { defaultLabelSchema } from '../../annotations/labels';
import type { CliIo } from './cli-io';
import { chooseCodec, knownFormat, printReadFailure } from './choose-codec';
import { capped, printFailure, reportExportLosses } from './cli-report';
import { commandUsage, runCommand, type CliArgs, type CliCommand } from './command-line';
import { outputProblem } from './output-path';
import { readInputs, writeOutputs } from './read-inputs';
import { plural } from '../../annotations/text/plural';

/** The `convert` command. */
export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'Convert annotations between formats, reporting what was converted and what could not be.',
  synopsis: ['[--from FORMAT] INPUT --to FORMAT OUTPUT [--author NAME] [--layers own,reconciled] [--force]'],
  options: {
    from: { type: 'string', value: 'FORMAT', help: `the format of INPUT (${FORMAT_NAMES.join(', ')}); detected when left out` },
    to: { type: 'string', value: 'FORMAT', help: 'the format to write' },
    author: { type: 'string', value: 'NAME', help: 'the author of annotations whose file names none' },
    layers: { type: 'string', value: 'LIST', help: "comma-separated layer ids to write (default: the analyst's own)" },
    force: { type: 'boolean', help: 'replace files that already exist at OUTPUT' },
  },
  positionals: { min: 2, max: 2, name: 'INPUT and OUTPUT' },
  notes: [
    'INPUT may be a file, a folder or a .zip. OUTPUT ending in .zip is written as a zip. w3c, brat and csv write',
    'several files (a text file beside each annotation file): OUTPUT is then a folder, or give OUTPUT.zip for one file.',
    'Exit status: 0 when everything was converted; 1 when nothing was written, or when OUTPUT was written without',
    'items the format cannot hold (they are listed); 2 on a usage error.',
  ],
  run: convert,
};

/** Usage text of `parley convert`. */
export const CONVERT_USAGE = commandUsage(convertCommand);

/** Runs `parley convert` on a command line; returns the exit code. */
export function runConvert(argv: string[], io: CliIo): Promise<number> {
  return runCommand(convertCommand, argv, io);
}

async function convert(args: CliArgs, io: CliIo): Promise<number> {
  const to = args.text('to');
  if (!to) {
    io.err(`parley convert: say which format to write with --to FORMAT\n\n${CONVERT_USAGE}`);
    return 2;
  }
  // INPUT follows --from when given there; OUTPUT follows --to.
  const [first, second] = args.positionals as [string, string];
  const [input, output] = args.after[0] === 'to' || args.after[1] === 'from' ? [second, first] : [first, second];
  const writer = getCodec(to);
  if (!writer) {
    io.err(`parley convert: unknown format ${to}; formats are ${FORMAT_NAMES.join(', ')}`);
    return 2;
  }
  const from = args.text('from');
  if (!knownFormat('convert', from, io)) return 2;
  const files = await readInputs(input);
  if (!files.ok) {
    printFailure(files.error, io);
    return 1;
  }
  const reader = chooseCodec('convert', from, input, files.value, io);
  if (typeof reader === 'number') return reader;
  const labels = defaultLabelSchema();
  const author = args.text('author');
  const imported = reader.import(files.value, { labels, now: new Date().toISOString(), ...(author ? { author } : {}) });
  if (!imported.ok) {
    printReadFailure('convert', reader, files.value, imported.error, io);
    io.err('Nothing was converted.');
    return 1;
  }
  for (const line of capped(describeImport(imported.value, `${input} (${reader.name})`, labels.labels.map((l) => l.id)))) io.out(line);
  const layers = args.text('layers')?.split(',').map((s) => s.trim()).filter(Boolean);
  const exported = writer.export(imported.value.corpus, layers && layers.length > 0 ? { layerIds: layers } : {});
  if (!exported.ok) {
    printFailure(exported.error, io);
    return 1;
  }
  const shape = await outputProblem(output, exported.value.files.length, writer.name);
  if (shape) {
    io.err(`parley convert: ${shape}`);
    return 2;
  }
  const written = await writeOutputs(output, exported.value.files, { overwrite: args.flag('force') });
  if (!written.ok) {
    printFailure(written.error, io);
    return 1;
  }
  const { documents, annotations } = corpusCounts(imported.value.corpus);
  io.out(`Wrote ${plural(written.value.length, 'file')} to ${output} (${writer.name}) from ${plural(documents, 'document')} and ${plural(annotations, 'annotation')}.`);
  return reportExportLosses(exported.value, writer.name, io);
}
