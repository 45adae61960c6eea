/**
 * `parley convert --from FORMAT INPUT --to FORMAT OUTPUT [--author NAME] [--layers a,b] [--force]`:
 * reads INPUT with one codec and writes OUTPUT with another, reporting what was
 * converted and what could not be. Exit code 0 on success, 1 on any error, 2 on
 * a usage error.
 */
import { getCodec, FORMAT_NAMES } from '../../annotations/formats/index';
import { corpusCounts, describeExportWarnings, describeFailure, describeImport } from '../../annotations/formats/report';
import { defaultLabelSchema } from '../../annotations/labels';
import type { CliIo } from './cli-io';
import { readInputs, writeOutputs } from './read-inputs';


/** Usage text of `parley convert`. */
export const CONVERT_USAGE = `Usage: parley convert --from FORMAT INPUT --to FORMAT OUTPUT [--author NAME] [--layers own,reconciled] [--force]
Formats: ${FORMAT_NAMES.join(', ')}. INPUT may be a file, a folder or a .zip; OUTPUT ending in .zip is written as a zip.`;

interface ConvertArgs {
  from: string;
  input: string;
  to: string;
  output: string;
  author?: string;
  layers?: string[];
  force: boolean;
}

function parseArgs(argv: string[]): ConvertArgs | string {
  const named = new Map<string, string>();
  const positional: Array<{ value: string; after?: string }> = [];
  let force = false;
  let lastFormatFlag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') {
      force = true;
      continue;
    }
    const eq = /^--(from|to|author|layers)=(.*)$/.exec(arg);
    if (eq) {
      named.set(eq[1]!, eq[2]!);
      if (eq[1] === 'from' || eq[1] === 'to') lastFormatFlag = eq[1];
      continue;
    }
    const flag = /^--(from|to|author|layers)$/.exec(arg);
    if (flag) {
      const value = argv[++i];
      if (value === undefined) return `${arg} needs a value`;
      named.set(flag[1]!, value);
      if (flag[1] === 'from' || flag[1] === 'to') lastFormatFlag = flag[1];
      continue;
    }
    if (arg.startsWith('--')) return `unknown option ${arg}`;
    positional.push({ value: arg, ...(lastFormatFlag ? { after: lastFormatFlag } : {}) });
    lastFormatFlag = undefined;
  }
  const from = named.get('from');
  const to = named.get('to');
  if (!from || !to) return 'both --from and --to are required';
  const input = positional.find((p) => p.after === 'from') ?? positional[0];
  const output = positional.find((p) => p.after === 'to') ?? positional.find((p) => p !== input);
  if (!input || !output || positional.length !== 2) return 'give exactly one INPUT and one OUTPUT';
  const args: ConvertArgs = { from, input: input.value, to, output: output.value, force };
  const author = named.get('author');
  if (author) args.author = author;
  const layers = named.get('layers');
  if (layers) args.layers = layers.split(',').map((s) => s.trim()).filter(Boolean);
  return args;
}

/** Runs `parley convert`; returns the exit code. */
export async function runConvert(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(CONVERT_USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`parley convert: ${args}\n${CONVERT_USAGE}`);
    return 2;
  }
  const reader = getCodec(args.from);
  const writer = getCodec(args.to);
  if (!reader || !writer) {
    io.err(`parley convert: unknown format ${!reader ? args.from : args.to}; formats are ${FORMAT_NAMES.join(', ')}`);
    return 2;
  }
  const files = await readInputs(args.input);
  if (!files.ok) {
    for (const line of describeFailure(files.error)) io.err(line);
    return 1;
  }
  const labels = defaultLabelSchema();
  const imported = reader.import(files.value, { labels, now: new Date().toISOString(), ...(args.author ? { author: args.author } : {}) });
  if (!imported.ok) {
    for (const line of describeFailure(imported.error)) io.err(line);
    io.err('Nothing was converted.');
    return 1;
  }
  for (const line of describeImport(imported.value, `${args.input} (${reader.name})`, labels.labels.map((l) => l.id))) io.out(line);
  const exported = writer.export(imported.value.corpus, args.layers ? { layerIds: args.layers } : {});
  if (!exported.ok) {
    for (const line of describeFailure(exported.error)) io.err(line);
    return 1;
  }
  const written = await writeOutputs(args.output, exported.value.files, { overwrite: args.force });
  if (!written.ok) {
    for (const line of describeFailure(written.error)) io.err(line);
    return 1;
  }
  const { documents, annotations } = corpusCounts(imported.value.corpus);
  io.out(`Wrote ${written.value.length} file${written.value.length === 1 ? '' : 's'} to ${args.output} (${writer.name}) from ${documents} document${documents === 1 ? '' : 's'} and ${annotations} annotation${annotations === 1 ? '' : 's'}.`);
  for (const line of describeExportWarnings(exported.value)) io.out(line);
  return 0;
}
