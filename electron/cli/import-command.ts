/** `parley import FILES... [--store DIR]`: articles into the store, all or nothing; with `--format`, annotated documents (see `import-annotated.ts`). */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDocument } from '../../annotations/document';
import { articleFromFile } from '../../annotations/import/article-file';
import { OWN_LAYER_ID, type CorpusDocument } from '../../annotations/model';
import { openAppStore } from '../main/open-app-store';
import { reportIncidents } from './report-incidents';
import type { CliIo } from './cli-io';
import { runImportAnnotated } from './import-annotated';
import { cliStoreDir, option, positional } from './store-options';

/** Imports the named files; exit code 0 only if every file was imported or was already there. */
export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const files = positional(argv, ['--store', '--format']);
  const format = option(argv, '--format');
  if (files.length === 0) {
    io.err(format ? 'parley import: name at least one file or folder to import' : 'parley import: name at least one .txt, .md or .html file');
    return 2;
  }
  // With a format, the files are annotated documents from an interchange format.
  if (format) return runImportAnnotated(format, files, argv, io);
  const problems: string[] = [];
  const articles: Array<{ name: string; title: string; source: string; text: string }> = [];
  for (const file of files) {
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
    } catch (error) {
      problems.push(`${file}: ${error instanceof TypeError ? 'not valid UTF-8 text' : (error as Error).message}`);
      continue;
    }
    const article = articleFromFile(path.basename(file), content);
    if (article.ok) articles.push({ name: file, ...article.value });
    else problems.push(article.error.message);
  }
  if (problems.length > 0) {
    io.err(`parley import: nothing was imported because of ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }

  const storeDir = cliStoreDir(argv);
  const opened = await openAppStore(storeDir, os.userInfo().username, { seedSamples: false });
  if (!opened.ok) {
    io.err(`parley import: ${opened.error.message}`);
    return opened.error.code === 'store-locked' ? 3 : 1;
  }
  const { store, incidents } = opened.value;
  try {
    reportIncidents(incidents, io);
    const known = new Set(store.listDocuments().map((d) => d.sha256));
    const now = new Date().toISOString();
    const docs: CorpusDocument[] = [];
    let skipped = 0;
    for (const article of articles) {
      const document = createDocument({ title: article.title, source: article.source, text: article.text, now });
      if (known.has(document.sha256)) {
        io.out(`  already in the library: ${article.name}`);
        skipped++;
        continue;
      }
      known.add(document.sha256);
      docs.push({ document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: opened.value.settings.author(), annotations: [] }], decisions: [] });
    }
    const added = await store.addDocuments(docs);
    if (!added.ok) {
      io.err(`parley import: ${added.error.message}`);
      return 1;
    }
    for (const summary of added.value) io.out(`  imported: ${summary.title} (${summary.id})`);
    io.out(`${added.value.length} imported, ${skipped} already present, into ${storeDir}`);
    return 0;
  } finally {
    await store.close();
  }
}
