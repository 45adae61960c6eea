/**
 * `parley import [--format FORMAT] INPUT... [--store DIR]`: annotated documents
 * from any interchange format into a store, with the same rules as the
 * window's import (merge into documents already there, skip duplicates, list
 * orphans, add unknown labels). A document joins a stored one only when the
 * texts are identical or the ids match and the texts differ by a small edit;
 * there is no preview here, so a text that only looks like an edited version
 * of a stored one is imported as new, and the command says so. The format is detected when not given.
 * Everything is read and checked first; a file that fails leaves the store
 * untouched.
 */
import os from 'node:os';
import type { FormatFile } from '../../annotations/formats/format';
import { similarityPercent } from '../../annotations/import/similarity-percent';
import { importAnnotatedDocuments } from '../node/import/annotated-import';
import { openAppStore } from '../node/open-app-store';
import type { CliIo } from './cli-io';
import { chooseCodec, knownFormat, printReadFailure } from './choose-codec';
import { capped, printFailure } from './cli-report';
import { readInputs } from './read-inputs';
import { reportIncidents } from './report-incidents';
import { storeDirOf } from './store-options';

/** Reads every input whole; the files of all inputs, or the exit code to end with. */
export async function readAllInputs(inputs: readonly string[], io: CliIo): Promise<FormatFile[] | number> {
  const files: FormatFile[] = [];
  for (const input of inputs) {
    const read = await readInputs(input);
    if (!read.ok) {
      printFailure(read.error, io);
      return 1;
    }
    files.push(...read.value);
  }
  return files;
}

/** Imports `inputs` read as `formatName` (detected when undefined); exit code 0 only if everything was imported or already there. */
export async function runImportAnnotated(formatName: string | undefined, inputs: string[], storeOption: string | undefined, io: CliIo): Promise<number> {
  if (!knownFormat('import', formatName, io)) return 2;
  const files = await readAllInputs(inputs, io);
  if (typeof files === 'number') return files;
  const codec = chooseCodec('import', formatName, inputs.join(', '), files, io);
  if (typeof codec === 'number') return codec;

  const storeDir = storeDirOf(storeOption);
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
      printReadFailure('import', codec, files, decoded.error, io);
      io.err('Nothing was imported.');
      return 1;
    }
    const source = inputs.length === 1 ? inputs[0]! : `${inputs.length} inputs`;
    const imported = await importAnnotatedDocuments(store, decoded.value.corpus, { author: settings.author(), source, warnings: decoded.value.warnings });
    if (!imported.ok) {
      printFailure(imported.error, io);
      return 1;
    }
    const report = imported.value;
    for (const line of capped(report.added.map((doc) => `  imported: ${doc.title} (${doc.id}), ${doc.annotationCount} annotations`))) io.out(line);
    const matchedBy = (m: (typeof report.merged)[number]) => (m.matchedBy === 'checksum' ? 'same text' : `same id, ${similarityPercent(m.similarity ?? 0)} alike`);
    for (const line of capped(report.merged.map((m) => `  merged: ${m.count} annotations into ${m.title} (${m.documentId}), ${m.layerId} layer, ${matchedBy(m)}`))) io.out(line);
    for (const line of capped(report.importedAsNew.map((n) => `  ${n.title} (${n.documentId}) looks like an edited version of ${n.similarTo.title} (${n.similarTo.documentId}) (${similarityPercent(n.similarity)}): imported as new`))) io.out(line);
    for (const line of capped(report.repeatedTexts.map((r) => `  ${r.title}: the same text ${r.copies} times in the file, imported once with the annotations of every copy${r.annotationsKeptOnce > 0 ? ` (${r.annotationsKeptOnce} repeated annotations kept once)` : ''}`))) io.out(line);
    const orphans = [...report.orphans, ...(decoded.value.orphans ?? []).map((x) => ({ title: x.documentId, quote: x.annotation.quote.exact, labelId: x.annotation.labelId, reason: x.reason }))];
    for (const line of capped(orphans.map((o) => `  orphan in ${o.title}: “${o.quote}” (${o.labelId}): ${o.reason}`))) io.err(line);
    for (const line of capped(report.warnings.map((w) => `  note: ${w.message}`))) io.err(line);
    for (const i of decoded.value.ignored) io.err(`  ignored: ${i.count} ${i.kind}`);
    if (report.labelsAdded.length > 0) io.out(`  labels added: ${report.labelsAdded.join(', ')}`);
    const merged = report.merged.reduce((n, m) => n + m.count, 0);
    io.out(`${report.added.length} documents imported, ${merged} annotations merged, ${report.duplicatesSkipped} already present, ${report.orphans.length} orphans, into ${storeDir}`);
    return report.orphans.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
