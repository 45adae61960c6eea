/**
 * `parley import [--format FORMAT] INPUT --as-layer NAME [--store DIR]`: a
 * colleague's annotations as their own layer (`colleague:NAME`) on the
 * documents whose text matches, beside the analyst's and never mixed in, the
 * way the app's Layers panel loads them (`importColleagueLayers`).
 */
import os from 'node:os';
import type { FormatCodec } from '../../annotations/formats/format';
import type { ImportOutcome } from '../../annotations/formats/format';
import { colleagueLayerId } from '../../annotations/model';
import { fail, ok, type Result } from '../../annotations/result';
import { importColleagueLayers } from '../node/import/layer-import';
import { openAppStore } from '../node/open-app-store';
import type { CliIo } from './cli-io';
import { chooseCodec, knownFormat, printReadFailure } from './choose-codec';
import { capped, printFailure } from './cli-report';
import { readAllInputs } from './import-annotated';
import { reportIncidents } from './report-incidents';
import { storeDirOf } from './store-options';

/**
 * Every layer of the decoded corpus that holds annotations, under `name`; a
 * file holding several annotators' work is refused, naming them, rather than
 * merged into one layer.
 */
function asOneColleague(outcome: ImportOutcome, name: string): Result<ImportOutcome> {
  const authors = new Set<string>();
  for (const d of outcome.corpus.documents) for (const l of d.layers) if (l.annotations.length > 0 && l.author) authors.add(l.author);
  if (authors.size > 1) {
    return fail('invalid-input', `this file holds the annotations of ${authors.size} people (${[...authors].join(', ')}); load one person's file with --as-layer, or import it without --as-layer`);
  }
  const documents = outcome.corpus.documents.map((d) => {
    const layers = d.layers.filter((l) => l.annotations.length > 0 || d.layers.length === 1);
    return { ...d, layers: layers.slice(0, 1).map((l) => ({ ...l, id: colleagueLayerId(name), kind: 'colleague' as const, author: name })) };
  });
  return ok({ ...outcome, corpus: { ...outcome.corpus, documents } });
}

/** Loads `inputs` as NAME's layer; exit code 0 when every annotation found its document and its place. */
export async function runImportLayer(formatName: string | undefined, inputs: string[], name: string, storeOption: string | undefined, io: CliIo): Promise<number> {
  if (!name.trim()) {
    io.err('parley import: --as-layer needs the colleague’s name');
    return 2;
  }
  if (!knownFormat('import', formatName, io)) return 2;
  const files = await readAllInputs(inputs, io);
  if (typeof files === 'number') return files;
  const source = inputs.join(', ');
  const codec: FormatCodec | number = chooseCodec('import', formatName, source, files, io);
  if (typeof codec === 'number') return codec;

  const storeDir = storeDirOf(storeOption);
  const opened = await openAppStore(storeDir, os.userInfo().username, { seedSamples: false });
  if (!opened.ok) {
    io.err(`parley import: ${opened.error.message}`);
    return opened.error.code === 'store-locked' ? 3 : 1;
  }
  const { store, incidents } = opened.value;
  try {
    reportIncidents(incidents, io);
    let readFailed = false;
    const loaded = await importColleagueLayers(store, files, codec.name, {
      author: name,
      now: new Date().toISOString(),
      decode: async (job) => {
        const decoded = codec.import(job.files, job.options);
        if (!decoded.ok) {
          readFailed = true;
          return decoded;
        }
        return asOneColleague(decoded.value, name);
      },
    });
    if (!loaded.ok) {
      if (readFailed) printReadFailure('import', codec, files, loaded.error, io);
      else printFailure(loaded.error, io);
      io.err('Nothing was imported.');
      return 1;
    }
    const report = loaded.value;
    for (const line of capped(report.layers.map((l) => `  layer ${l.layerId}: ${l.count} annotations on ${l.title} (${l.documentId}), matched by ${l.matchedBy}`))) io.out(line);
    for (const line of capped(report.unmatched.map((u) => `  no matching document in the library: ${u.title} (${u.annotations} annotations not loaded)`))) io.err(line);
    for (const line of capped(report.orphans.map((o) => `  orphan in ${o.title}: “${o.quote}” (${o.labelId}): ${o.reason}`))) io.err(line);
    for (const line of capped(report.warnings.map((w) => `  note: ${w.message}`))) io.err(line);
    if (report.labelsAdded.length > 0) io.out(`  labels added: ${report.labelsAdded.join(', ')}`);
    const count = report.layers.reduce((n, l) => n + l.count, 0);
    io.out(`${count} annotations loaded as ${colleagueLayerId(name)} on ${report.layers.length} documents, ${report.unmatched.length} unmatched, ${report.orphans.length} orphans, into ${storeDir}`);
    return report.unmatched.length > 0 || report.orphans.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
