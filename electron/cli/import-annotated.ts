/**
 * `parley import --format FORMAT INPUT... [--store DIR]`: annotated documents
 * from any interchange format into a store, with the same rules as the
 * window's import (merge into documents already there, skip duplicates, list
 * orphans, add unknown labels). Everything is read and checked first; a file
 * that fails leaves the store untouched.
 */
import os from 'node:os';
import type { FormatFile } from '../../annotations/formats/format';
import { getCodec, FORMAT_NAMES } from '../../annotations/formats/index';
import { importAnnotatedDocuments } from '../main/handlers/annotated-import';
import { openAppStore } from '../main/open-app-store';
import type { CliIo } from './cli-io';
import { describeFailure } from '../../annotations/formats/report';
import { readInputs } from './read-inputs';
import { reportIncidents } from './report-incidents';
import { cliStoreDir } from './store-options';

/** Imports `inputs` read as `formatName`; exit code 0 only if everything was imported or already there. */
export async function runImportAnnotated(formatName: string, inputs: string[], argv: string[], io: CliIo): Promise<number> {
  const codec = getCodec(formatName);
  if (!codec) {
    io.err(`parley import: unknown format ${formatName}; formats are ${FORMAT_NAMES.join(', ')}`);
    return 2;
  }
  const files: FormatFile[] = [];
  for (const input of inputs) {
    const read = await readInputs(input);
    if (!read.ok) {
      for (const line of describeFailure(read.error)) io.err(line);
      return 1;
    }
    files.push(...read.value);
  }

  const storeDir = cliStoreDir(argv);
  const opened = await openAppStore(storeDir, os.userInfo().username, { seedSamples: false });
  if (!opened.ok) {
    io.err(`parley import: ${opened.error.message}`);
    return opened.error.code === 'store-locked' ? 3 : 1;
  }
  const { store, incidents, settings } = opened.value;
  try {
    reportIncidents(incidents, io);
    const decoded = codec.import(files, { labels: store.getLabels(), author: settings.author(), now: new Date().toISOString() });
    if (!decoded.ok) {
      for (const line of describeFailure(decoded.error)) io.err(line);
      io.err('Nothing was imported.');
      return 1;
    }
    const source = inputs.length === 1 ? inputs[0]! : `${inputs.length} inputs`;
    const imported = await importAnnotatedDocuments(store, decoded.value.corpus, { author: settings.author(), source, warnings: decoded.value.warnings });
    if (!imported.ok) {
      for (const line of describeFailure(imported.error)) io.err(line);
      return 1;
    }
    const report = imported.value;
    for (const doc of report.added) io.out(`  imported: ${doc.title} (${doc.id}), ${doc.annotationCount} annotations`);
    for (const m of report.merged) io.out(`  merged: ${m.count} annotations into ${m.title} (${m.documentId}), ${m.layerId} layer, matched by ${m.matchedBy}`);
    for (const o of [...report.orphans, ...(decoded.value.orphans ?? []).map((x) => ({ title: x.documentId, quote: x.annotation.quote.exact, labelId: x.annotation.labelId, reason: x.reason }))]) {
      io.err(`  orphan in ${o.title}: “${o.quote}” (${o.labelId}): ${o.reason}`);
    }
    for (const w of report.warnings) io.err(`  note: ${w.message}`);
    for (const i of decoded.value.ignored) io.err(`  ignored: ${i.count} ${i.kind}`);
    if (report.labelsAdded.length > 0) io.out(`  labels added: ${report.labelsAdded.join(', ')}`);
    const merged = report.merged.reduce((n, m) => n + m.count, 0);
    io.out(`${report.added.length} documents imported, ${merged} annotations merged, ${report.duplicatesSkipped} already present, ${report.orphans.length} orphans, into ${storeDir}`);
    return report.orphans.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
