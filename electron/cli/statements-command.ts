/** `parley statements --out FILE.csv|FILE.json [--layer ID] [--store DIR] [--force]`: the statement table of every document. */
import os from 'node:os';
import path from 'node:path';
import { libraryStatements } from '../../annotations/corpus/library-statements';
import { statementsCsv, statementsJson } from '../../annotations/statements/statement-table';
import { openAppStore } from '../node/open-app-store';
import { reportIncidents } from './report-incidents';
import type { CliIo } from './cli-io';
import { printFailure } from './cli-report';
import { runCommand, type CliArgs, type CliCommand } from './command-line';
import { writeOutputs } from './read-inputs';
import { STORE_OPTION, storeDirOf } from './store-options';

/** The `statements` command. */
export const statementsCommand: CliCommand = {
  name: 'statements',
  summary: 'Write who took which position toward whom, and when: one row per actor, position and target, from the relations.',
  synopsis: ['--out FILE.csv|FILE.json [--layer ID] [--store DIR] [--force]'],
  options: {
    out: { type: 'string', value: 'FILE', help: 'where to write: a .csv file (one row per statement) or a .json file' },
    layer: { type: 'string', value: 'ID', help: "the layer to read in each document (default: own; reconciled or colleague:<name> also work)" },
    store: STORE_OPTION,
    force: { type: 'boolean', help: 'replace the file if it exists' },
  },
  positionals: { max: 0, name: 'arguments besides the options' },
  notes: [
    'Columns: document, date (value, precision, text, offsets), actor, stance, position and target, each end with its text, label, entity id and name, and offsets in UTF-16 code units and in code points (end exclusive). A position with no actor or target is a row with those cells empty.',
    'Exit status: 0 when the table was written; 1 when it could not be; 2 on a usage error; 3 when the store is in use.',
  ],
  run: writeStatements,
};

/** Runs `parley statements` on a command line; resolves with the exit code. */
export function runStatements(argv: string[], io: CliIo): Promise<number> {
  return runCommand(statementsCommand, argv, io);
}

async function writeStatements(args: CliArgs, io: CliIo): Promise<number> {
  const out = args.text('out');
  if (!out) {
    io.err('parley statements: say where to write with --out FILE.csv or --out FILE.json');
    return 2;
  }
  const kind = path.extname(out).toLowerCase();
  if (kind !== '.csv' && kind !== '.json') {
    io.err(`parley statements: --out must end in .csv or .json (got ${out})`);
    return 2;
  }
  const opened = await openAppStore(storeDirOf(args.text('store')), os.userInfo().username, { seedSamples: false });
  if (!opened.ok) {
    io.err(`parley statements: ${opened.error.message}`);
    return opened.error.code === 'store-locked' ? 3 : 1;
  }
  const { store, incidents } = opened.value;
  try {
    reportIncidents(incidents, io);
    const corpus = store.exportCorpus();
    const layerId = args.text('layer');
    const statements = libraryStatements(corpus.documents, { entities: store.listEntities(), ...(layerId ? { layerId } : {}) });
    const data = kind === '.csv' ? statementsCsv(statements) : statementsJson(statements);
    const written = await writeOutputs(out, [{ path: path.basename(out), data }], { overwrite: args.flag('force') });
    if (!written.ok) {
      printFailure(written.error, io);
      return 1;
    }
    const documents = new Set(statements.map((s) => s.documentId)).size;
    io.out(`${statements.length} statements from ${documents} of ${corpus.documents.length} documents written to ${out}`);
    return 0;
  } finally {
    await store.close();
  }
}
