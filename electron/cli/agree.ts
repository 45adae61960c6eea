/**
 * `parley agree INPUTS... [--format FORMAT] [--include-unstarted] [--json | --markdown | --csv]`:
 * inter-annotator agreement without the window. Prints the agreement report
 * as aligned text tables (default), JSON, Markdown or CSV on standard output;
 * what was read goes to standard error. Exit code 0 on success, 1 on an input
 * or agreement error, 2 on a usage error.
 *
 * Who the annotators are:
 * - a brat project whose annotations sit in one sub-folder per annotator
 *   (`ana/*.ann`, `ben/*.ann`, shared `annotation.conf` at the top): one
 *   annotator per sub-folder, named after it;
 * - an input holding several layers (a Parley export of own + colleague
 *   layers): one annotator per layer, named by the layer's author; the
 *   reconciled layer is not an annotator and is left out;
 * - otherwise each input is one annotator, named by the single author of its
 *   annotations, or else after the file or folder.
 * Documents are matched across annotators by the SHA-256 of their text.
 * A document an annotator has not started (no annotations, and not marked
 * done in a Parley export) is left out, and named on standard error, unless
 * `--include-unstarted` is given.
 */
import type { CliIo } from './cli-io';
import { commandUsage, runCommand, type CliArgs, type CliCommand } from './command-line';
import path from 'node:path';
import { buildAgreementReport } from '../../annotations/agreement/report';
import type { AgreementDocument, AnnotatorDocuments } from '../../annotations/agreement/agreement-input';
import { reportToCsv } from '../../annotations/agreement/report-csv';
import { reportToMarkdown } from '../../annotations/agreement/report-markdown';
import { reportToText } from '../../annotations/agreement/report-text';
import { unstartedLine } from '../../annotations/agreement/unstarted-documents';
import { detectFormat } from '../../annotations/formats/detect-format';
import { FORMAT_NAMES, getCodec } from '../../annotations/formats/index';
import type { FormatCodec, FormatFile } from '../../annotations/formats/format';
import { describeFailure, formatProblem } from '../../annotations/formats/report';
import { expandZips } from '../../annotations/formats/zip';
import { defaultLabelSchema } from '../../annotations/labels';
import type { Annotation, Corpus, LabelSchema } from '../../annotations/model';
import { textSha256 } from '../../annotations/text-hash';
import { readInputs } from './read-inputs';
import { plural } from '../../annotations/text/plural';

/** The `agree` command. */
export const agreeCommand: CliCommand = {
  name: 'agree',
  summary: "Inter-annotator agreement: instance, token and lenient F1, Cohen's kappa, Krippendorff's alpha.",
  synopsis: ['INPUTS... [--format FORMAT] [--include-unstarted] [--json | --markdown | --csv]'],
  options: {
    format: { type: 'string', value: 'FORMAT', help: `the input format (${FORMAT_NAMES.join(', ')}); guessed from the inputs when left out` },
    'include-unstarted': {
      type: 'boolean',
      help: 'also compare documents an annotator has not started (no annotations, not marked done); by default they are left out, since they would count as total disagreement',
    },
    json: { type: 'boolean', help: 'print the report as JSON instead of a table' },
    markdown: { type: 'boolean', help: 'print the report as Markdown' },
    csv: { type: 'boolean', help: 'print the report as CSV' },
  },
  positionals: { min: 1, name: 'input' },
  notes: [
    'INPUTS: a brat project with one sub-folder per annotator, or one exported file (or folder, or .zip) per',
    'annotator, or a Parley export holding several layers. Documents are matched by the SHA-256 of their text.',
  ],
  run: agree,
};

/** Usage text of `parley agree`. */
export const AGREE_USAGE = commandUsage(agreeCommand);

type Output = 'table' | 'json' | 'markdown' | 'csv';

/** Runs `parley agree` on a command line; resolves with the exit code. Never throws for bad input. */
export function runAgree(argv: string[], io: CliIo): Promise<number> {
  return runCommand(agreeCommand, argv, io);
}

async function agree(parsed: CliArgs, io: CliIo): Promise<number> {
  const outputs = (['json', 'markdown', 'csv'] as const).filter((o) => parsed.flag(o));
  if (outputs.length > 1) {
    io.err(`parley agree: choose one of --json, --markdown, --csv\n\n${AGREE_USAGE}`);
    return 2;
  }
  const args: { inputs: string[]; format?: string; output: Output; includeUnstarted: boolean } = {
    inputs: parsed.positionals,
    output: outputs[0] ?? 'table',
    includeUnstarted: parsed.flag('include-unstarted'),
  };
  const format = parsed.text('format');
  if (format !== undefined) args.format = format;
  let codec: FormatCodec | undefined;
  if (args.format !== undefined) {
    codec = getCodec(args.format);
    if (!codec) {
      io.err(`parley agree: unknown format ${args.format}; formats are ${FORMAT_NAMES.join(', ')}`);
      return 2;
    }
  }

  let labels: LabelSchema = defaultLabelSchema();
  const now = new Date().toISOString();
  const annotators: AnnotatorDocuments[] = [];
  for (const input of args.inputs) {
    const read = await readInputs(input);
    if (!read.ok) {
      for (const line of describeFailure(read.error)) io.err(line);
      return 1;
    }
    const inputCodec = codec ?? guessCodec(input, read.value);
    if (!inputCodec) {
      io.err(`parley agree: cannot tell the format of ${input}; give --format (${FORMAT_NAMES.join(', ')})`);
      return 2;
    }
    let files = read.value;
    if (inputCodec.name === 'brat') {
      const expanded = expandZips(files);
      if (!expanded.ok) {
        for (const line of describeFailure(expanded.error)) io.err(line);
        return 1;
      }
      files = expanded.value;
    }
    const units = inputCodec.name === 'brat' ? splitAnnotatorFolders(files, stemOf(input)) : [{ name: stemOf(input), files }];
    for (const unit of units) {
      const imported = inputCodec.import(unit.files, { labels, author: unit.name, now });
      if (!imported.ok) {
        io.err(`parley agree: could not read ${input}${units.length > 1 ? ` (${unit.name})` : ''} as ${inputCodec.name}`);
        for (const line of describeFailure(imported.error)) io.err(line);
        return 1;
      }
      labels = imported.value.corpus.labels;
      for (const w of imported.value.warnings) io.err(`${input}: ${formatProblem(w)}`);
      annotators.push(...annotatorsOf(imported.value.corpus, unit.name));
    }
  }

  const named = distinctNames(annotators);
  for (const a of named) {
    let count = 0;
    for (const d of a.documents.values()) count += d.annotations.length;
    io.err(`${a.annotator}: ${plural(a.documents.size, 'document')}, ${plural(count, 'annotation')}`);
  }
  if (named.length < 2) {
    io.err(`parley agree: found ${plural(named.length, 'annotator')}; agreement needs two or more (one input per annotator, a brat project with one sub-folder per annotator, or an export with several layers)`);
    return 1;
  }
  const report = buildAgreementReport(named, { labelOrder: labels.labels.map((l) => l.id), relationTypeOrder: (labels.relationTypes ?? []).map((t) => t.id), undirectedRelationTypes: (labels.relationTypes ?? []).filter((t) => !t.directed).map((t) => t.id), includeUnstarted: args.includeUnstarted });
  if (!report.ok) {
    for (const line of describeFailure(report.error)) io.err(line);
    return 1;
  }
  const unstarted = unstartedLine(report.value.unstarted);
  if (unstarted) io.err(report.value.unstarted.included ? unstarted : `${unstarted} Give --include-unstarted to compare them too.`);
  const render: Record<Output, () => string> = {
    table: () => reportToText(report.value),
    json: () => JSON.stringify(report.value, null, 2),
    markdown: () => reportToMarkdown(report.value),
    csv: () => reportToCsv(report.value),
  };
  io.out(render[args.output]().replace(/\s+$/, ''));
  return 0;
}

/** The codec to use when `--format` is absent: brat for zips and folders holding `.ann` files, Parley for `.json`, else what `detectFormat` finds. */
function guessCodec(input: string, files: readonly FormatFile[]): FormatCodec | undefined {
  const extensions = new Set(files.map((f) => path.extname(f.path).toLowerCase()));
  if (extensions.has('.ann') || extensions.has('.zip')) return getCodec('brat');
  if (extensions.size === 1 && extensions.has('.json')) return getCodec('parley');
  if (extensions.size === 1 && extensions.has('.jsonl')) return getCodec('doccano');
  if (extensions.size === 1 && extensions.has('.conll')) return getCodec('conll');
  if (extensions.size === 1 && extensions.has('.csv')) return getCodec('csv');
  const found = detectFormat(files);
  return found ? getCodec(found.format) : undefined;
}

/** File or folder name without extension: the annotator's name when nothing better is known. */
function stemOf(input: string): string {
  const base = path.basename(path.resolve(input));
  const ext = path.extname(base);
  return ext && ext !== base ? base.slice(0, -ext.length) : base;
}

/**
 * Splits a brat project into one file set per annotator sub-folder. A single
 * top folder wrapping everything (as zips often have) is looked through;
 * files at the top (`annotation.conf`, `visual.conf`) are shared by every
 * annotator. Without two sub-folders holding `.ann` files, the whole input is
 * one annotator.
 */
export function splitAnnotatorFolders(files: readonly FormatFile[], name: string): Array<{ name: string; files: FormatFile[] }> {
  let current = files.map((f) => ({ ...f, path: f.path.replace(/\\/g, '/') }));
  for (;;) {
    const first = new Set(current.map((f) => (f.path.includes('/') ? f.path.slice(0, f.path.indexOf('/')) : '')));
    if (first.size !== 1 || first.has('')) break;
    current = current.map((f) => ({ ...f, path: f.path.slice(f.path.indexOf('/') + 1) }));
  }
  const shared = current.filter((f) => !f.path.includes('/'));
  const groups = new Map<string, FormatFile[]>();
  for (const f of current) {
    const slash = f.path.indexOf('/');
    if (slash < 0) continue;
    const folder = f.path.slice(0, slash);
    const list = groups.get(folder) ?? [];
    list.push({ ...f, path: f.path.slice(slash + 1) });
    groups.set(folder, list);
  }
  const annotatorFolders = [...groups].filter(([, list]) => list.some((f) => f.path.toLowerCase().endsWith('.ann')));
  if (annotatorFolders.length < 2) return [{ name, files: current }];
  return annotatorFolders.map(([folder, list]) => ({ name: folder, files: [...shared, ...list] }));
}

/**
 * The annotators in one imported corpus: one per layer when it holds several
 * (the reconciled layer excepted), else one named by the single author of the
 * annotations or `fallbackName`. A layer holds only the documents it exists
 * on; a single-layer input holds every document it contains.
 */
export function annotatorsOf(corpus: Corpus, fallbackName: string): AnnotatorDocuments[] {
  const layerIds: string[] = [];
  const authors = new Map<string, string>();
  for (const d of corpus.documents) {
    for (const l of d.layers) {
      if (l.kind === 'reconciled' || layerIds.includes(l.id)) continue;
      layerIds.push(l.id);
      authors.set(l.id, l.author);
    }
  }
  const keyOf = (text: string, sha: string) => sha || textSha256(text);
  if (layerIds.length <= 1) {
    const documents = new Map<string, AgreementDocument>();
    const annotationAuthors = new Set<string>();
    for (const d of corpus.documents) {
      const annotations: Annotation[] = d.layers.filter((l) => l.kind !== 'reconciled').flatMap((l) => l.annotations);
      for (const a of annotations) annotationAuthors.add(a.author);
      documents.set(keyOf(d.document.text, d.document.sha256), { text: d.document.text, title: d.document.title, annotations, done: d.document.status === 'done' });
    }
    const [author] = annotationAuthors;
    return [{ annotator: annotationAuthors.size === 1 && author ? author : fallbackName, documents }];
  }
  return layerIds.map((id) => {
    const documents = new Map<string, AgreementDocument>();
    for (const d of corpus.documents) {
      const layer = d.layers.find((l) => l.id === id);
      if (layer) documents.set(keyOf(d.document.text, d.document.sha256), { text: d.document.text, title: d.document.title, annotations: layer.annotations, ...(layer.relations ? { relations: layer.relations } : {}), done: d.document.status === 'done' });
    }
    return { annotator: authors.get(id) || id, documents };
  });
}

/** Makes annotator names distinct by numbering repeats: `ana`, `ana (2)`. */
function distinctNames(annotators: AnnotatorDocuments[]): AnnotatorDocuments[] {
  const used = new Set<string>();
  return annotators.map((a) => {
    let name = a.annotator;
    for (let n = 2; used.has(name); n++) name = `${a.annotator} (${n})`;
    used.add(name);
    return name === a.annotator ? a : { ...a, annotator: name };
  });
}
