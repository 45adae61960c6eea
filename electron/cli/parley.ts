/**
 * `parley`: the command line. Same engine and same store as the app, so
 * batches can be imported, exported, converted, validated and compared
 * without the window.
 */
import { runAgree } from './agree';
import { runConvert } from './convert';
import { runExport } from './export-command';
import { runImport } from './import-command';
import { runValidate } from './validate';
import type { CliIo } from './cli-io';

const USAGE = `Usage: parley <command> [options]

Commands:
  import FILES... [--store DIR]                      import .txt, .md and .html articles into a store
  import --format FORMAT INPUT... [--store DIR]      import annotated documents (merged into ones already there)
  export --out FILE [--store DIR] [--format FORMAT]  export the store (default format: parley)
  convert --from FORMAT INPUT --to FORMAT OUTPUT     convert annotations between formats
  validate --format FORMAT INPUT                     check a file or folder without importing it
  agree INPUTS... [--format FORMAT] [--json]         inter-annotator agreement

Formats: parley, w3c, brat (folder or .zip), doccano, label-studio, spacy, conll, csv.
The store defaults to the app's own (PARLEY_STORE or --store points elsewhere).`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  import: runImport,
  export: runExport,
  convert: runConvert,
  validate: runValidate,
  agree: runAgree,
};

/** Runs one command line; resolves with the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`parley: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  return run(rest, io);
}

/** Runs the process's own command line with its standard streams; used by bin/parley.js. */
export function runFromProcess(): void {
  main(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`parley: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
