/**
 * `parley suggest`: the suggestion sources of issue 15 from the command line.
 *
 * - `parley suggest --store DIR [--gazetteer FILE]... [--patterns FILE] [--dates] [--own-tags] [--accept]`
 *   lists each document's suggestions; with `--accept` adds them to the
 *   analyst's layer, one undoable step per document, each annotation
 *   recording the source that proposed it (`suggestedBy`).
 * - `parley suggest IN --out OUT [--to FORMAT] ...` pre-annotates articles (a
 *   file or folder of .txt, .md, .html) or an annotated file in any format,
 *   without a store, and writes the result (Parley JSON by default).
 *
 * With none of `--own-tags`, `--gazetteer`, `--patterns`, `--dates`, every
 * source runs with what it has; with any of them, only those run.
 */
import os from 'node:os';
import path from 'node:path';
import { createDocument } from '../../annotations/document';
import { detectFormat } from '../../annotations/formats/detect-format';
import type { FormatFile } from '../../annotations/formats/format';
import { FORMAT_NAMES, getCodec } from '../../annotations/formats/index';
import { ARTICLE_EXTENSIONS, articleFromFile } from '../../annotations/import/article-file';
import { defaultLabelSchema } from '../../annotations/labels';
import type { Corpus, LabelSchema } from '../../annotations/model';
import { OWN_LAYER_ID } from '../../annotations/model';
import type { Result } from '../../annotations/result';
import { annotationsFromSuggestions } from '../../annotations/suggest/accept-suggestions';
import type { Gazetteer } from '../../annotations/suggest/gazetteer';
import { parseGazetteer } from '../../annotations/suggest/gazetteer';
import type { CompiledRule } from '../../annotations/suggest/pattern-rules';
import { compilePatternRules, parsePatternRules, schemaPatternRules, type PatternRule } from '../../annotations/suggest/pattern-rules';
import { acceptIntoCorpus, suggestCorpus } from '../../annotations/suggest/suggest-corpus';
import type { Suggestion, SuggestionSource } from '../../annotations/suggest/suggestion';
import { SUGGESTION_SOURCES } from '../../annotations/suggest/suggestion';
import { plural } from '../../annotations/text/plural';
import { readTextWithin } from '../node/import/input-files';
import { openAppStore } from '../node/open-app-store';
import { openSuggestionLibrary } from '../node/suggestion-library';
import type { CliIo } from './cli-io';
import { chooseCodec, knownFormat, printReadFailure } from './choose-codec';
import { capped, printFailure, reportExportLosses } from './cli-report';
import { runCommand, type CliArgs, type CliCommand } from './command-line';
import { outputProblem } from './output-path';
import { readInputs, writeOutputs } from './read-inputs';
import { reportIncidents } from './report-incidents';
import { STORE_OPTION, storeDirOf } from './store-options';
import { forTerminal } from './terminal-text';

/** Largest gazetteer or patterns file read, in bytes. */
export const MAX_SOURCE_FILE_BYTES = 64 * 1024 * 1024;

/** The `suggest` command. */
export const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: 'Suggest spans from own tags, gazetteers, patterns and dates: list or accept them in a store, or pre-annotate files.',
  synopsis: ['[--store DIR] [--gazetteer FILE]... [--patterns FILE] [--dates] [--own-tags] [--accept]', 'IN --out OUT [--to FORMAT] [--from FORMAT] [--gazetteer FILE]... [--patterns FILE] [--dates] [--own-tags] [--force]'],
  options: {
    store: STORE_OPTION,
    gazetteer: { type: 'string', value: 'FILE', multiple: true, help: 'a gazetteer, CSV (name,label[,aliases,entity]; aliases separated by |) or JSON; may be repeated' },
    patterns: { type: 'string', value: 'FILE', help: 'pattern rules, a JSON array or JSON Lines of {"label","regex","flags"} or {"label","pattern":[token matchers]}' },
    dates: { type: 'boolean', help: 'suggest date expressions with their normalised value' },
    'own-tags': { type: 'boolean', help: "suggest the other occurrences of what the analyst's layer has tagged" },
    accept: { type: 'boolean', help: "with --store: add every suggestion to the analyst's layer (one undoable step per document)" },
    out: { type: 'string', value: 'PATH', help: 'with IN: where to write the pre-annotated documents' },
    to: { type: 'string', value: 'FORMAT', help: `with IN: the format to write (default: parley): ${FORMAT_NAMES.join(', ')}` },
    from: { type: 'string', value: 'FORMAT', help: 'with IN: the format of an annotated IN; detected when left out' },
    force: { type: 'boolean', help: 'replace files that already exist at OUT' },
  },
  positionals: { max: 1, name: 'input (one file or folder)' },
  notes: [
    'With none of --own-tags, --gazetteer, --patterns, --dates every source runs with what it has: in a store, its',
    "own tags, its gazetteers and its labels' patterns; with any of them, only those sources run.",
    'Suggestions rejected in the app are not suggested again. Without --accept nothing is changed.',
    'IN may be articles (a .txt, .md or .html file, or a folder of them) or annotated documents in any format;',
    "suggestions are added to the analyst's layer, each annotation naming its source in suggestedBy (Parley JSON).",
    'Exit status: 0 on success; 1 when an input or source file cannot be read or nothing could be written; 2 on a usage error; 3 when the store is in use.',
  ],
  run: suggest,
};

/** Runs `parley suggest` on a command line; resolves with the exit code. */
export function runSuggest(argv: string[], io: CliIo): Promise<number> {
  return runCommand(suggestCommand, argv, io);
}

/** The sources the flags ask for: the ones named, or all when none is. */
function chosenSources(args: CliArgs): SuggestionSource[] {
  const named: SuggestionSource[] = [];
  if (args.flag('own-tags')) named.push('own-tags');
  if (args.list('gazetteer').length > 0) named.push('gazetteer');
  if (args.text('patterns') !== undefined) named.push('pattern');
  if (args.flag('dates')) named.push('dates');
  return named.length > 0 ? named : [...SUGGESTION_SOURCES];
}

async function readSourceFile(file: string): Promise<Result<string>> {
  return readTextWithin(file, MAX_SOURCE_FILE_BYTES, file);
}

/** The gazetteers and pattern rules given on the command line, read against `labels`; prints what is wrong and returns undefined. */
async function readSourceFiles(args: CliArgs, labels: LabelSchema, io: CliIo): Promise<{ gazetteers: Gazetteer[]; rules: PatternRule[] } | undefined> {
  const gazetteers: Gazetteer[] = [];
  for (const [i, file] of args.list('gazetteer').entries()) {
    const text = await readSourceFile(file);
    const entries = text.ok ? parseGazetteer(text.value, file, labels) : text;
    if (!entries.ok) {
      io.err(`parley suggest: cannot use the gazetteer ${file}:`);
      printFailure(entries.error, io);
      return undefined;
    }
    gazetteers.push({ id: `cli-${i + 1}`, name: path.basename(file), entries: entries.value });
  }
  let rules: PatternRule[] = [];
  const patterns = args.text('patterns');
  if (patterns !== undefined) {
    const text = await readSourceFile(patterns);
    const read = text.ok ? parsePatternRules(text.value, labels) : text;
    if (!read.ok) {
      io.err(`parley suggest: cannot use the patterns in ${patterns}:`);
      printFailure(read.error, io);
      return undefined;
    }
    rules = read.value;
  }
  return { gazetteers, rules };
}

function compiled(rules: readonly PatternRule[], io: CliIo): CompiledRule[] | undefined {
  const c = compilePatternRules(rules);
  if (c.ok) return c.value;
  io.err("parley suggest: the label schema's patterns cannot be used:");
  printFailure(c.error, io);
  return undefined;
}

/** One line per suggestion: span, label, quoted text, sources, value. */
export function suggestionLine(text: string, s: Suggestion): string {
  const value = s.attributes?.value ? ` = ${s.attributes.value}` : '';
  const entity = s.entityId ? ` [${s.entityId}]` : '';
  return `    ${s.start}-${s.end} ${s.labelId} “${forTerminal(text.slice(s.start, s.end))}”${value}${entity} (${s.sources.join(', ')})`;
}

function countBySource(all: Iterable<readonly Suggestion[]>): string {
  const counts = new Map<SuggestionSource, number>();
  for (const list of all) for (const s of list) for (const src of s.sources) counts.set(src, (counts.get(src) ?? 0) + 1);
  return SUGGESTION_SOURCES.filter((s) => counts.has(s)).map((s) => `${s} ${counts.get(s)}`).join(', ') || 'none';
}

async function suggest(args: CliArgs, io: CliIo): Promise<number> {
  const [input] = args.positionals;
  if (input !== undefined) return suggestFiles(input, args, io);
  for (const option of ['out', 'to', 'from'] as const) {
    if (args.text(option) !== undefined) {
      io.err(`parley suggest: --${option} goes with an input (parley suggest IN --out OUT); to change a store, give --store DIR and --accept`);
      return 2;
    }
  }
  return suggestInStore(args, io);
}

async function suggestInStore(args: CliArgs, io: CliIo): Promise<number> {
  const storeDir = storeDirOf(args.text('store'));
  const opened = await openAppStore(storeDir, os.userInfo().username, { seedSamples: false });
  if (!opened.ok) {
    io.err(`parley suggest: ${opened.error.message}`);
    return opened.error.code === 'store-locked' ? 3 : 1;
  }
  const { store, settings, incidents } = opened.value;
  try {
    reportIncidents(incidents, io);
    const library = await openSuggestionLibrary(storeDir);
    if (!library.ok) {
      io.err(`parley suggest: ${library.error.message}`);
      return 1;
    }
    const labels = store.getLabels();
    const given = await readSourceFiles(args, labels, io);
    if (!given) return 1;
    const rules = compiled([...schemaPatternRules(labels), ...given.rules], io);
    if (!rules) return 1;
    const corpus = store.exportCorpus();
    const found = suggestCorpus(corpus, {
      sources: chosenSources(args),
      gazetteers: [...library.value.gazetteers(), ...given.gazetteers],
      patterns: rules,
      rejected: (id) => library.value.rejected(id),
    });
    const accept = args.flag('accept');
    let total = 0;
    let failed = 0;
    for (const doc of corpus.documents) {
      const list = found.get(doc.document.id) ?? [];
      total += list.length;
      io.out(`${forTerminal(doc.document.title)} (${doc.document.id}): ${plural(list.length, 'suggestion')}`);
      for (const line of capped(list.map((s) => suggestionLine(doc.document.text, s)), '    ')) io.out(line);
      if (!accept || list.length === 0) continue;
      const added = annotationsFromSuggestions(doc.document.text, list, settings.author(), new Date().toISOString());
      const changed = added.ok ? await store.changeAnnotations(doc.document.id, OWN_LAYER_ID, { removed: [], added: added.value }, `Accept ${plural(list.length, 'suggestion')}`) : added;
      if (changed.ok) io.out(`  accepted ${plural(list.length, 'suggestion')} into your layer`);
      else {
        failed++;
        io.err(`parley suggest: could not accept the suggestions on ${doc.document.id}: ${changed.error.message}`);
      }
    }
    io.out(`${plural(total, 'suggestion')} on ${plural(corpus.documents.length, 'document')} (by source: ${countBySource(found.values())})${accept ? `; ${failed === 0 ? 'all accepted' : `${failed} document(s) not changed`}` : '; nothing changed (give --accept to add them)'}`);
    return failed === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

const isArticle = (name: string): boolean => (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());

/** The input as a corpus: articles become new documents; anything else is read by its format's codec. */
function corpusOf(input: string, files: FormatFile[], args: CliArgs, io: CliIo): Corpus | number {
  const now = new Date().toISOString();
  const from = args.text('from');
  if (from === undefined && !detectFormat(files) && files.every((f) => isArticle(f.path))) {
    const documents: Corpus['documents'] = [];
    const problems: string[] = [];
    for (const file of files) {
      const article = articleFromFile(file.path, typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data));
      if (!article.ok) {
        problems.push(article.error.message);
        continue;
      }
      const document = createDocument({ ...article.value, originalPath: file.path, now });
      documents.push({ document, layers: [], decisions: [] });
    }
    if (problems.length > 0) {
      io.err(`parley suggest: nothing was written because of ${plural(problems.length, 'problem')}:`);
      for (const line of capped(problems.map((p) => `  ${p}`))) io.err(line);
      return 1;
    }
    return { labels: defaultLabelSchema(), documents };
  }
  const codec = chooseCodec('suggest', from, input, files, io);
  if (typeof codec === 'number') return codec;
  const imported = codec.import(files, { labels: defaultLabelSchema(), now });
  if (!imported.ok) {
    printReadFailure('suggest', codec, files, imported.error, io);
    io.err('Nothing was written.');
    return 1;
  }
  return imported.value.corpus;
}

async function suggestFiles(input: string, args: CliArgs, io: CliIo): Promise<number> {
  const out = args.text('out');
  if (!out) {
    io.err('parley suggest: say where to write the pre-annotated documents with --out PATH');
    return 2;
  }
  if (args.flag('accept') || args.text('store') !== undefined) {
    io.err('parley suggest: --store and --accept work on a store, without IN; with IN the suggestions are always written to OUT');
    return 2;
  }
  const writer = getCodec(args.text('to') ?? 'parley');
  if (!writer) {
    io.err(`parley suggest: unknown format ${args.text('to')}; formats are ${FORMAT_NAMES.join(', ')}`);
    return 2;
  }
  if (!knownFormat('suggest', args.text('from'), io)) return 2;
  const files = await readInputs(input);
  if (!files.ok) {
    printFailure(files.error, io);
    return 1;
  }
  const corpus = corpusOf(input, files.value, args, io);
  if (typeof corpus === 'number') return corpus;
  const given = await readSourceFiles(args, corpus.labels, io);
  if (!given) return 1;
  const rules = compiled([...schemaPatternRules(corpus.labels), ...given.rules], io);
  if (!rules) return 1;
  const found = suggestCorpus(corpus, { sources: chosenSources(args), gazetteers: given.gazetteers, patterns: rules });
  const annotated = acceptIntoCorpus(corpus, found, os.userInfo().username, new Date().toISOString());
  const exported = writer.export(annotated, {});
  if (!exported.ok) {
    printFailure(exported.error, io);
    return 1;
  }
  const shape = await outputProblem(out, exported.value.files.length, writer.name);
  if (shape) {
    io.err(`parley suggest: ${shape}`);
    return 2;
  }
  const written = await writeOutputs(out, exported.value.files, { overwrite: args.flag('force') });
  if (!written.ok) {
    printFailure(written.error, io);
    return 1;
  }
  const total = [...found.values()].reduce((n, l) => n + l.length, 0);
  io.out(`Wrote ${plural(written.value.length, 'file')} to ${out} (${writer.name}): ${plural(corpus.documents.length, 'document')}, ${plural(total, 'suggested annotation')} (by source: ${countBySource(found.values())}).`);
  return reportExportLosses(exported.value, writer.name, io);
}

