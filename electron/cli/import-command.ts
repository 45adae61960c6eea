/**
 * `parley import FILES_OR_FOLDERS... [--store DIR]`: articles into the store,
 * all or nothing. A folder contributes every article below it (the supported
 * extensions); other files are listed as skipped. With `--format` or
 * `--as-layer`, the inputs are annotated documents (see `import-annotated.ts`
 * and `import-layer.ts`).
 */
import { open, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDocument } from '../../annotations/document';
import { detectContent, PEEK_CHARS } from '../../annotations/formats/detect-format';
import { FORMAT_NAMES } from '../../annotations/formats/index';
import { ARTICLE_EXTENSIONS, articleFromFile } from '../../annotations/import/article-file';
import { MAX_ARTICLE_FILE_BYTES } from '../../annotations/import/article-limits';
import { OWN_LAYER_ID, type CorpusDocument, type DocumentMetadata } from '../../annotations/model';
import type { Result } from '../../annotations/result';
import { readFileWithin, readTextWithin } from '../node/import/input-files';
import { commitSourceImport, planSourceImport, storedOriginalOf, type SourceInput } from '../node/sources/import-sources';
import { readSource } from '../node/sources/read-source';
import { MAX_SOURCE_BYTES, SOURCE_EXTENSIONS, sourceKindOf, type SourceText } from '../node/sources/source-text';
import { openAppStore } from '../node/open-app-store';
import { reportIncidents } from './report-incidents';
import type { CliIo } from './cli-io';
import { capped } from './cli-report';
import { runCommand, type CliArgs, type CliCommand } from './command-line';
import { runImportAnnotated } from './import-annotated';
import { runImportLayer } from './import-layer';
import { METADATA_OPTIONS, metadataFromArgs } from './import-metadata';
import { MAX_INPUT_FILES } from './read-inputs';
import { STORE_OPTION, storeDirOf } from './store-options';
import { plural } from '../../annotations/text/plural';

/** The `import` command. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import articles, or annotated documents from any format, into a store.',
  synopsis: [
    'FILES_OR_FOLDERS... [--store DIR]',
    '[--format FORMAT] ANNOTATED_INPUT... [--store DIR]',
    '[--format FORMAT] ANNOTATED_INPUT --as-layer NAME [--store DIR]',
    'ARTICLE [--published DATE] [--outlet NAME] [--author NAME] [--url URL] [--store DIR]',
  ],
  options: {
    format: { type: 'string', value: 'FORMAT', help: `the inputs are annotated documents in this format (${FORMAT_NAMES.join(', ')})` },
    'as-layer': { type: 'string', value: 'NAME', help: "load a colleague's annotations as their own layer named NAME, beside yours, on the documents whose text matches" },
    store: STORE_OPTION,
    ...METADATA_OPTIONS,
  },
  positionals: { min: 1, name: 'file or folder to import' },
  notes: [
    `Articles are ${ARTICLE_EXTENSIONS.join(', ')} files; a folder is searched through, and other files in it are listed as skipped.`,
    'Inputs that are not articles (a .jsonl, .json, .conll or .csv file, a brat folder) are read as annotated documents,',
    'in the format named by --format or else detected.',
    "Annotated documents are merged into the analyst's own layer of documents already there; repeats are skipped.",
    '--published, --outlet, --author and --url describe a single article (over what its page says of itself).',
    'Exit status: 0 when everything was imported or already there; 1 when nothing was imported, or some annotations',
    'could not be placed (they are listed); 2 on a usage error; 3 when the store is in use.',
  ],
  run: importInputs,
};

/** Runs `parley import` on a command line; resolves with the exit code. */
export function runImport(argv: string[], io: CliIo): Promise<number> {
  return runCommand(importCommand, argv, io);
}

async function importInputs(args: CliArgs, io: CliIo): Promise<number> {
  const store = args.text('store');
  const layer = args.text('as-layer');
  const metadata = metadataFromArgs(args);
  if (!metadata.ok) {
    io.err(`parley import: ${metadata.error.message}`);
    return 2;
  }
  if (metadata.value && (layer !== undefined || args.text('format') !== undefined)) {
    io.err('parley import: --published, --outlet, --author and --url describe an article; they do not go with --format or --as-layer');
    return 2;
  }
  if (layer !== undefined) return runImportLayer(args.text('format'), args.positionals, layer, store, io);
  if (args.text('format') !== undefined || (await holdsAnnotations(args.positionals))) return runImportAnnotated(args.text('format'), args.positionals, store, io);
  return importArticles(args.positionals, store, io, metadata.value);
}

/** Every extension `parley import` takes as an article or a source (PDF, Word, saved page). */
const READABLE_EXTENSIONS = [...new Set([...ARTICLE_EXTENSIONS, ...Object.keys(SOURCE_EXTENSIONS)])];

const isArticle = (name: string) => READABLE_EXTENSIONS.includes(path.extname(name).toLowerCase());

/** True when the inputs are annotated documents rather than articles: a file that is no article (or a .txt in CoNLL), a brat or W3C folder, or a folder with no article in it. */
async function holdsAnnotations(inputs: readonly string[]): Promise<boolean> {
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (!isArticle(input)) return true;
    if (!sourceKindOf(input) && detectContent(input, await peekText(input))) return true;
  }
  const { found, skipped } = await findArticles(inputs);
  if (skipped.some((f) => /\.(ann|jsonld)$/i.test(f))) return true;
  return found.length === 0 && skipped.length > 0;
}

/** The first `PEEK_CHARS` bytes of a file as text ('' when it cannot be read: the import proper reports that). */
async function peekText(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(PEEK_CHARS);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_CHARS, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}

/** One article file found: its path on disk and its name relative to the folder given (its own name when a file was given). */
interface ArticleFile {
  file: string;
  relative: string;
}

/** The article files among `inputs` (folders searched through), and the files skipped. */
async function findArticles(inputs: readonly string[]): Promise<{ found: ArticleFile[]; skipped: string[]; problems: string[] }> {
  const found: ArticleFile[] = [];
  const skipped: string[] = [];
  const problems: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(full, relative);
      else if (!entry.isFile()) continue;
      else if (!isArticle(entry.name)) skipped.push(full);
      else if (found.length >= MAX_INPUT_FILES) throw new Error(`more than ${MAX_INPUT_FILES} articles; import them in smaller batches`);
      else found.push({ file: full, relative });
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) problems.push(`${input}: does not exist`);
    else if (info.isDirectory()) {
      try {
        await walk(input, '');
      } catch (error) {
        problems.push(`${input}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else found.push({ file: input, relative: path.basename(input) });
  }
  return { found, skipped, problems };
}

/** Imports the articles named or found in folders; exit code 0 only if every one was imported or was already there. */
async function importArticles(inputs: readonly string[], storeOption: string | undefined, io: CliIo, metadata?: DocumentMetadata): Promise<number> {
  const { found, skipped, problems } = await findArticles(inputs);
  const articles: Array<{ name: string; relative: string; title: string; source: string; text: string }> = [];
  const sources: SourceInput[] = [];
  const reads: Array<Result<SourceText>> = [];
  for (const { file, relative } of found) {
    const kind = sourceKindOf(file);
    if (kind) {
      // PDF, Word and saved pages: the size is checked for the kind before reading; the text is extracted here.
      const bytes = await readFileWithin(file, MAX_SOURCE_BYTES[kind], file);
      if (!bytes.ok) {
        problems.push(bytes.error.message);
        continue;
      }
      const read = await readSource(file, bytes.value);
      if (!read.ok) {
        problems.push(read.error.message);
        continue;
      }
      sources.push({ name: path.basename(file), relative, bytes: bytes.value });
      reads.push(read);
      continue;
    }
    // Sizes are checked before reading; the text is decoded as strict UTF-8, as the app does.
    const content = await readTextWithin(file, MAX_ARTICLE_FILE_BYTES, file);
    if (!content.ok) {
      problems.push(content.error.message);
      continue;
    }
    const article = articleFromFile(path.basename(file), content.value);
    if (article.ok) articles.push({ name: file, relative, ...article.value });
    else problems.push(article.error.message);
  }
  if (skipped.length > 0) {
    io.err(`  skipped ${plural(skipped.length, 'file')} that ${skipped.length === 1 ? 'is' : 'are'} not ${READABLE_EXTENSIONS.join(', ')} (to import annotated files, name them with --format):`);
    for (const line of capped(skipped.map((s) => `    ${s}`), '    ')) io.err(line);
  }
  if (problems.length > 0) {
    io.err(`parley import: nothing was imported because of ${problems.length} problem(s):`);
    for (const line of capped(problems.map((p) => `  ${p}`))) io.err(line);
    return 1;
  }
  if (articles.length === 0 && sources.length === 0) {
    io.err(`parley import: found no ${READABLE_EXTENSIONS.join(', ')} files in ${inputs.join(', ')}; nothing was imported`);
    return 1;
  }
  if (metadata && articles.length + sources.length !== 1) {
    io.err(`parley import: --published, --outlet, --author and --url describe a single article, and ${articles.length + sources.length} were given; nothing was imported`);
    return 2;
  }

  const storeDir = storeDirOf(storeOption);
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
    let present = 0;
    for (const article of articles) {
      const document = createDocument({ title: article.title, source: article.source, originalPath: article.relative, text: article.text, now });
      if (known.has(document.sha256)) {
        io.out(`  already in the library: ${article.name}`);
        present++;
        continue;
      }
      known.add(document.sha256);
      docs.push({ document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: opened.value.settings.author(), annotations: [] }], decisions: [] });
    }
    const plan = planSourceImport(sources, reads, { documents: [...store.listDocuments(), ...docs.map((d) => d.document)], originalOf: storedOriginalOf(store) }, { author: opened.value.settings.author(), now });
    for (const duplicate of plan.duplicates) io.out(`  already in the library: ${duplicate.name}`);
    present += plan.duplicates.length;
    const added = await commitSourceImport(store, plan, {}, docs);
    if (!added.ok) {
      io.err(`parley import: ${added.error.message}`);
      return 1;
    }
    for (const summary of added.value) io.out(`  imported: ${summary.title} (${summary.id})`);
    if (metadata && added.value.length === 1) {
      // What was given on the command line wins over what the page said of itself; the rest of that is kept.
      const id = added.value[0]!.id;
      const stored = store.getDocument(id);
      const described = await store.setMetadata(id, { ...(stored.ok ? stored.value.document.metadata : undefined), ...metadata });
      if (!described.ok) {
        io.err(`parley import: the article was imported but its metadata could not be set: ${described.error.message}`);
        return 1;
      }
    } else if (metadata) io.out('  the article was already in the library; its metadata was left as it is');
    io.out(`${added.value.length} imported, ${present} already present${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}, into ${storeDir}`);
    return 0;
  } finally {
    await store.close();
  }
}
