/** `parley export --out PATH [--format FORMAT] [--store DIR] [--force]`: the store's documents to a file or folder. */
import { mkdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { codecs, FORMAT_NAMES, getCodec } from '../../annotations/formats/index';
import { fail, type Result } from '../../annotations/result';
import { openAppStore } from '../node/open-app-store';
import { exportToFile, type ExportToFile } from '../node/tasks/export-to-file';
import type { TaskHandle } from '../node/tasks/task-registry';
import { reportIncidents } from './report-incidents';
import type { CliIo } from './cli-io';
import { printFailure, reportExportLosses } from './cli-report';
import { runCommand, type CliArgs, type CliCommand } from './command-line';
import { outputProblem } from './output-path';
import { namesOneFile, writeOutputs } from './read-inputs';
import { STORE_OPTION, storeDirOf } from './store-options';

/** The `export` command. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: "Export every document in the store (all layers for Parley JSON, the analyst's own otherwise).",
  synopsis: ['--out PATH [--format FORMAT] [--store DIR] [--force]'],
  options: {
    out: { type: 'string', value: 'PATH', help: 'where to write: a file, a folder (w3c, brat and csv write one file per document) or a .zip' },
    format: { type: 'string', value: 'FORMAT', help: `the format to write (default: parley): ${FORMAT_NAMES.join(', ')}` },
    store: STORE_OPTION,
    force: { type: 'boolean', help: 'replace files that already exist at PATH' },
  },
  positionals: { max: 0, name: 'arguments besides the options' },
  notes: ['Exit status: 0 when everything was written; 1 when nothing was written, or when the file was written without items the format cannot hold (they are listed); 2 on a usage error; 3 when the store is in use.'],
  run: exportStore,
};

/** Runs `parley export` on a command line; resolves with the exit code. */
export function runExport(argv: string[], io: CliIo): Promise<number> {
  return runCommand(exportCommand, argv, io);
}

async function exportStore(args: CliArgs, io: CliIo): Promise<number> {
  const out = args.text('out');
  const codec = getCodec(args.text('format') ?? 'parley');
  if (!out) {
    io.err('parley export: say where to write with --out PATH');
    return 2;
  }
  if (!codec) {
    io.err(`parley export: unknown format "${args.text('format')}" (one of ${FORMAT_NAMES.join(', ')})`);
    return 2;
  }
  const format = codec.name;
  const opened = await openAppStore(storeDirOf(args.text('store')), os.userInfo().username, { seedSamples: false });
  if (!opened.ok) {
    io.err(`parley export: ${opened.error.message}`);
    return opened.error.code === 'store-locked' ? 3 : 1;
  }
  const { store, incidents } = opened.value;
  try {
    reportIncidents(incidents, io);
    const corpus = store.exportCorpus();
    const layerIds = format === 'parley' ? [...new Set(corpus.documents.flatMap((d) => d.layers.map((l) => l.id)))] : undefined;
    const count = corpus.documents.reduce((n, d) => n + d.layers.reduce((m, l) => m + l.annotations.length, 0), 0);
    if (format === 'parley' && (await namesOneFile(out))) {
      // As the app writes it: straight into UTF-8 bytes, a temporary file renamed over the target once fsynced.
      const written = await writeParleyJson({ format, corpus, options: { layerIds: layerIds! }, target: out }, args.flag('force'));
      if (!written.ok) {
        printFailure(written.error, io);
        return 1;
      }
      io.out(`${corpus.documents.length} documents, ${count} annotations exported as ${format} to ${out}`);
      return 0;
    }
    const exported = codecs[format].export(corpus, layerIds ? { layerIds } : {});
    if (!exported.ok) {
      printFailure(exported.error, io);
      return 1;
    }
    const shape = await outputProblem(out, exported.value.files.length, format);
    if (shape) {
      io.err(`parley export: ${shape}`);
      return 2;
    }
    const written = await writeOutputs(out, exported.value.files, { overwrite: args.flag('force') });
    if (!written.ok) {
      printFailure(written.error, io);
      return 1;
    }
    io.out(`${corpus.documents.length} documents, ${count} annotations exported as ${format} to ${out}${written.value.length > 1 ? ` (${written.value.length} files)` : ''}`);
    return reportExportLosses(exported.value, format, io);
  } finally {
    await store.close();
  }
}

/** Writes Parley JSON to `job.target` whole or not at all, refusing to replace a file unless `overwrite`. */
async function writeParleyJson(job: ExportToFile, overwrite: boolean): Promise<Result<unknown>> {
  const out = job.target;
  if (!overwrite && (await stat(out).catch(() => undefined))) return fail('conflict', `${out} already exists (use --force to replace it)`);
  try {
    await mkdir(path.dirname(out), { recursive: true });
  } catch (error) {
    return fail('io-error', `could not write ${out}: ${(error as Error).message}`);
  }
  return exportToFile(null, job, UNSTOPPABLE_TASK);
}

/** The command line's export runs to its end: nothing asks it to stop, and nothing shows its progress. */
const UNSTOPPABLE_TASK: TaskHandle = { id: 'parley-export', isCancelled: () => false, onCancel: () => {}, progress: () => {}, end: () => {} };
