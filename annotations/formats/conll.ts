/**
 * CoNLL-2003 style IOB2: one `token<TAB>tag` line per token, a blank line
 * after each sentence, `-DOCSTART-` before each document. Tags are `O`,
 * `B-LABEL` and `I-LABEL`; spaces in label names become `_`. Import also
 * reads IOB1 (the original CoNLL-2003 tagging), IOBES and BILOU, told apart
 * by the tags present, and CoNLL-2003's four columns (`word POS chunk NER`:
 * the tag is always the last column).
 *
 * Tokenisation rule (`tokenize`): a line break ends a sentence; within a line,
 * a token is a run of letters, marks, digits and `_`, or a pair of regional
 * indicators (a flag), or an emoji with its modifiers and joiners, or any other
 * single non-space character. The format cannot hold overlapping spans, spans
 * that start or end inside a token, or spans across a line break: export
 * leaves them out and lists each one in its warnings, never altering them.
 * Import rebuilds the text by joining tokens with single spaces and sentences
 * with line breaks, so the original spacing does not travel.
 */
import type { Annotation, Corpus } from '../model';
import type { Problem, Result } from '../result';
import { ok } from '../result';
import { CorpusBuilder } from './corpus-builder';
import { exportedAnnotations, forEachExportedDocument, LabelNames, relationsAndAttributesNotWritten } from './export-support';
import { baseName, fileText, withoutExtension } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { showText } from './offsets';
import { importInputs, readEachInput } from './import-inputs';
import { plural } from '../text/plural';

/** Default file name of an export. */
export const CONLL_EXPORT_FILE = 'corpus.conll';
/** The document separator line's token. */
export const DOCSTART = '-DOCSTART-';
/** Largest CoNLL file accepted, in characters. */
export const MAX_CONLL_LENGTH = 64 * 1024 * 1024;

/** A token with its UTF-16 offsets and the 0-based line (sentence) it is on. */
export interface Token {
  text: string;
  start: number;
  end: number;
  sentence: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}_]+|\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*|\S/gu;

/** Splits a text into tokens by the documented rule. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let lineStart = 0;
  const lines = text.split(/(\r\n|\n|\r)/);
  for (let i = 0; i < lines.length; i++) {
    const part = lines[i]!;
    if (i % 2 === 1) {
      lineStart += part.length;
      sentence++;
      continue;
    }
    for (const m of part.matchAll(TOKEN)) tokens.push({ text: m[0], start: lineStart + m.index!, end: lineStart + m.index! + m[0].length, sentence });
    lineStart += part.length;
  }
  return tokens;
}

/** Label name as a tag suffix: whitespace becomes `_`. */
function tagLabel(name: string): string {
  return name.trim().replace(/\s+/g, '_');
}

/** Writes one CoNLL file; spans the format cannot hold are listed in the warnings, not changed. */
export function exportConll(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const out: string[] = [];
  const warnings: Problem[] = [];
  let notes = 0;
  const stopped = forEachExportedDocument(corpus, options, 'CoNLL', (i) => {
    const cd = corpus.documents[i]!;
    const tokens = tokenize(cd.document.text);
    const tags = tokens.map(() => 'O');
    const startAt = new Map(tokens.map((t, k) => [t.start, k]));
    const endAt = new Map(tokens.map((t, k) => [t.end, k]));
    const owner: Array<Annotation | undefined> = tokens.map(() => undefined);
    const skip = (a: Annotation, why: string): void => {
      warnings.push({ record: `${cd.document.title} [${a.start}, ${a.end})`, message: `${names.name(a.labelId)} ${showText(a.quote.exact)} not written: ${why}` });
    };
    for (const a of exportedAnnotations(cd, options)) {
      if (a.note) notes++;
      const first = startAt.get(a.start);
      const last = endAt.get(a.end);
      if (first === undefined || last === undefined || last < first) {
        skip(a, 'it starts or ends inside a token');
        continue;
      }
      if (tokens[first]!.sentence !== tokens[last]!.sentence) {
        skip(a, 'it crosses a line break, which ends a CoNLL sentence');
        continue;
      }
      let clash: Annotation | undefined;
      for (let k = first; k <= last && !clash; k++) clash = owner[k];
      if (clash) {
        skip(a, `it overlaps ${names.name(clash.labelId)} ${showText(clash.quote.exact)} and IOB2 holds one tag per token`);
        continue;
      }
      const tag = tagLabel(names.name(a.labelId));
      for (let k = first; k <= last; k++) {
        owner[k] = a;
        tags[k] = `${k === first ? 'B' : 'I'}-${tag}`;
      }
    }
    out.push(`${DOCSTART}\tO`, '');
    let sentence = -1;
    tokens.forEach((t, k) => {
      if (sentence !== -1 && t.sentence !== sentence) out.push('');
      sentence = t.sentence;
      out.push(`${t.text}\t${tags[k]}`);
    });
    if (tokens.length > 0) out.push('');
    });
  if (stopped) return stopped;
  if (notes > 0) warnings.push({ message: `${plural(notes, 'note')} not written: CoNLL has no place for notes` });
  warnings.push(...relationsAndAttributesNotWritten(corpus, options, 'CoNLL'));
  return ok({ files: [{ path: CONLL_EXPORT_FILE, data: out.join('\n') + '\n' }], warnings });
}

/** File names read as CoNLL, including CoNLL-2003's `eng.train`, `eng.testa` and `eng.testb`. */
export const CONLL_FILE = /\.(conll|conll03|conllu?|iob|iob1|iob2|iobes|bio|bioes|bilou|txt|tsv|train|testa|testb|dev|test)$/i;

/**
 * Reads CoNLL files tagged in IOB1, IOB2, IOBES or BILOU (detected per file,
 * see `detectTagScheme`), with two columns or CoNLL-2003's four; malformed
 * lines and tags that continue nothing fail the import.
 */
export function importConll(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const opened = importInputs(files, CONLL_FILE, 'no .conll file was given');
  if (!opened.ok) return opened;
  const builder = new CorpusBuilder(options, 'CoNLL');
  return readEachInput(builder, opened.value.inputs, (file) => readConllFile(file, builder)) ?? builder.finish();
}

interface PendingSpan {
  start: number;
  end: number;
  label: string;
  line: number;
}

/** The tagging schemes import reads, told apart by the tags a file uses. */
export type TagScheme = 'IOB1' | 'IOB2' | 'IOBES' | 'BILOU';

/** One non-blank, non-`-DOCSTART-` line: its token, its tag split into prefix and label. */
interface TokenLine {
  line: number;
  token: string;
  prefix: string;
  label: string;
}

const TAG = /^([BIESLU])-(.+)$/;

/**
 * The scheme of a file's tags: IOBES when it has `E-` or `S-` tags, BILOU when
 * it has `L-` or `U-` tags, IOB1 when some span starts with `I-` and no `B-`
 * starts a span after an `O` (in IOB1, `B-` only separates two adjacent spans
 * of one label), else IOB2. A file mixing IOBES and BILOU tags has no scheme.
 */
export function detectTagScheme(sentences: ReadonlyArray<ReadonlyArray<{ prefix: string; label: string }>>): TagScheme | { mixed: string } {
  let iobes = false;
  let bilou = false;
  let iStarts = false;
  let bAfterOther = false;
  for (const tags of sentences) {
    tags.forEach((t, k) => {
      const prev = k > 0 ? tags[k - 1] : undefined;
      const continues = prev !== undefined && prev.prefix !== 'O' && prev.label === t.label;
      if (t.prefix === 'E' || t.prefix === 'S') iobes = true;
      if (t.prefix === 'L' || t.prefix === 'U') bilou = true;
      if (t.prefix === 'I' && !continues) iStarts = true;
      if (t.prefix === 'B' && !continues) bAfterOther = true;
    });
  }
  if (iobes && bilou) return { mixed: 'the file mixes IOBES (E-, S-) and BILOU (L-, U-) tags' };
  if (iobes) return 'IOBES';
  if (bilou) return 'BILOU';
  return iStarts && !bAfterOther ? 'IOB1' : 'IOB2';
}

function readConllFile(file: FormatFile, builder: CorpusBuilder): void {
  const source = fileText(file);
  if (source.length > MAX_CONLL_LENGTH) {
    builder.error({ file: file.path }, `file is ${source.length} characters; the limit is ${MAX_CONLL_LENGTH}`);
    return;
  }
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  // First pass: documents of sentences of tagged tokens, so the scheme is known before spans are built.
  const documents: Array<{ line: number; sentences: TokenLine[][] }> = [];
  let current: { line: number; sentences: TokenLine[][] } | undefined;
  let sentence: TokenLine[] = [];
  const endSentence = (): void => {
    if (sentence.length > 0) current!.sentences.push(sentence);
    sentence = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (raw.trim() === '') {
      if (current) endSentence();
      continue;
    }
    const cols = raw.includes('\t') ? raw.split('\t').map((c) => c.trim()) : raw.trim().split(/\s+/);
    if (cols[0] === DOCSTART) {
      if (current) endSentence();
      current = { line, sentences: [] };
      documents.push(current);
      continue;
    }
    if (!current) {
      current = { line, sentences: [] };
      documents.push(current);
    }
    if (cols.length < 2 || cols[0] === '') {
      builder.error({ file: file.path, line }, 'expected a token and a tag separated by a tab');
      continue;
    }
    // The tag is the last column: `token tag`, or CoNLL-2003's `token POS chunk tag`.
    const tag = cols[cols.length - 1]!;
    const m = TAG.exec(tag);
    if (tag !== 'O' && !m) {
      builder.error({ file: file.path, line }, `tag ${JSON.stringify(tag)} is not O or a tag such as B-LABEL, I-LABEL, E-LABEL, S-LABEL, L-LABEL or U-LABEL`);
      continue;
    }
    sentence.push({ line, token: cols[0]!, prefix: m ? m[1]! : 'O', label: m ? m[2]! : '' });
  }
  if (current) endSentence();
  const scheme = detectTagScheme(documents.flatMap((d) => d.sentences));
  if (typeof scheme !== 'string') {
    builder.error({ file: file.path }, scheme.mixed);
    return;
  }
  if (scheme !== 'IOB2' && documents.length > 0) builder.warn({ file: file.path }, `tags read as ${scheme}${scheme === 'IOB1' ? ' (spans may start with I-, as in the original CoNLL-2003 files)' : ''}; exports write IOB2`);
  documents
    .filter((d) => d.sentences.length > 0)
    .forEach((d, n) => {
      const { text, spans } = buildSpans(d.sentences, scheme, (line, message) => builder.error({ file: file.path, line }, message));
      const doc = builder.addDocument({ file: file.path, line: d.line }, { title: `${withoutExtension(baseName(file.path))} ${n + 1}`, source: baseName(file.path), text });
      if (doc) for (const s of spans) builder.addSpan(doc, { file: file.path, line: s.line }, s);
    });
}

/** Joins tokens with spaces and sentences with line breaks, and decodes the tags of `scheme` into spans. */
function buildSpans(sentences: TokenLine[][], scheme: TagScheme, error: (line: number, message: string) => void): { text: string; spans: PendingSpan[] } {
  const spans: PendingSpan[] = [];
  const iob = scheme === 'IOB1' || scheme === 'IOB2';
  const [endPrefix, singlePrefix] = scheme === 'BILOU' ? ['L', 'U'] : ['E', 'S'];
  let text = '';
  for (const sentence of sentences) {
    if (text !== '') text += '\n';
    let open: PendingSpan | undefined;
    sentence.forEach((t, k) => {
      if (k > 0) text += ' ';
      const start = text.length;
      text += t.token;
      const { prefix, label, line } = t;
      const continues = open !== undefined && open.label === label;
      if (prefix === 'O') {
        open = undefined;
      } else if (!iob && prefix === singlePrefix) {
        spans.push({ start, end: text.length, label, line });
        open = undefined;
      } else if (prefix === 'B' || (scheme === 'IOB1' && prefix === 'I' && !continues)) {
        open = { start, end: text.length, label, line };
        spans.push(open);
      } else if (prefix === 'I' || (!iob && prefix === endPrefix)) {
        if (!continues) return error(line, `${prefix}-${label} does not continue a ${label} span (${scheme} starts every span with B-${iob ? '' : ` or ${singlePrefix}-`})`);
        open!.end = text.length;
        if (prefix === endPrefix) open = undefined;
      } else {
        error(line, `${prefix}-${label} is not a tag of ${scheme}`);
      }
    });
  }
  return { text, spans };
}

/** The CoNLL codec. */
export const conllCodec: FormatCodec = {
  name: 'conll',
  import: importConll,
  export: exportConll,
};
