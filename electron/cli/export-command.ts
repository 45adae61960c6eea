/** `parley export --out FILE [--store DIR] [--format FORMAT]`: the store's documents to a file. */
import os from 'node:os';
import { codecs, FORMAT_NAMES, isFormatName } from '../../annotations/formats/index';
import { openAppStore } from '../main/open-app-store';
import { reportIncidents } from './report-incidents';
import type { CliIo } from './cli-io';
import { writeOutputs } from './read-inputs';
import { cliStoreDir, option } from './store-options';

/** Exports every document (all layers for Parley JSON, the analyst's own otherwise). */
export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const out = option(argv, '--out');
  const format = option(argv, '--format') ?? 'parley';
  if (!out) {
    io.err('parley export: say where to write with --out FILE');
    return 2;
  }
  if (!isFormatName(format)) {
    io.err(`parley export: unknown format "${format}" (one of ${FORMAT_NAMES.join(', ')})`);
    return 2;
  }
  const opened = await openAppStore(cliStoreDir(argv), os.userInfo().username, { seedSamples: false });
  if (!opened.ok) {
    io.err(`parley export: ${opened.error.message}`);
    return opened.error.code === 'store-locked' ? 3 : 1;
  }
  const { store, incidents } = opened.value;
  try {
    reportIncidents(incidents, io);
    const corpus = store.exportCorpus();
    const layerIds = format === 'parley' ? [...new Set(corpus.documents.flatMap((d) => d.layers.map((l) => l.id)))] : undefined;
    const exported = codecs[format].export(corpus, layerIds ? { layerIds } : {});
    if (!exported.ok) {
      io.err(`parley export: ${exported.error.message}`);
      return 1;
    }
    const written = await writeOutputs(out, exported.value.files);
    if (!written.ok) {
      io.err(`parley export: ${written.error.message}`);
      return 1;
    }
    for (const w of exported.value.warnings) io.err(`  not exported: ${w.record ? `${w.record}: ` : ''}${w.message}`);
    const count = corpus.documents.reduce((n, d) => n + d.layers.reduce((m, l) => m + l.annotations.length, 0), 0);
    io.out(`${corpus.documents.length} documents, ${count} annotations exported as ${format} to ${out}`);
    return exported.value.warnings.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
