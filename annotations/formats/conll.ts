/**
 * CoNLL-2003 style IOB2: one `token<TAB>tag` line per token, a blank line
 * after each sentence, `-DOCSTART-` before each document. Tags are `O`,
 * `B-LABEL` and `I-LABEL`; spaces in label names become `_`.
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
import { fail, ok } from '../result';
import { CorpusBuilder } from './corpus-builder';
import { exportedAnnotations, exportStep, LabelNames } from './export-support';
import { baseName, fileText, withoutExtension } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { showText } from './offsets';
import { expandZips } from './zip';

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
  const total = corpus.documents.length;
  for (let i = 0; i < total; i++) {
    const stop = exportStep(options, 'CoNLL', i, total);
    if (stop) return stop;
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
  }
  exportStep(options, 'CoNLL', total, total);
  if (notes > 0) warnings.push({ message: `${notes} note${notes === 1 ? '' : 's'} not written: CoNLL has no place for notes` });
  return ok({ files: [{ path: CONLL_EXPORT_FILE, data: out.join('\n') + '\n' }], warnings });
}

/** Reads IOB2 CoNLL files; malformed lines and `I-` tags that continue nothing fail the import. */
export function importConll(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const expanded = expandZips(files);
  if (!expanded.ok) return expanded;
  const inputs = expanded.value.filter((f) => /\.(conll|iob|iob2|txt|tsv|bio)$/i.test(f.path));
  if (inputs.length === 0) return fail('invalid-input', 'no .conll file was given');
  const builder = new CorpusBuilder(options, 'CoNLL');
  for (let n = 0; n < inputs.length; n++) {
    const stop = builder.step(n, inputs.length);
    if (stop) return stop;
    readConllFile(inputs[n]!, builder);
  }
  builder.step(inputs.length, inputs.length);
  return builder.finish();
}

interface PendingSpan {
  start: number;
  end: number;
  label: string;
  line: number;
}

function readConllFile(file: FormatFile, builder: CorpusBuilder): void {
  const source = fileText(file);
  if (source.length > MAX_CONLL_LENGTH) {
    builder.error({ file: file.path }, `file is ${source.length} characters; the limit is ${MAX_CONLL_LENGTH}`);
    return;
  }
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let docCount = 0;
  let text = '';
  let sentenceOpen = false;
  let spans: PendingSpan[] = [];
  let open: PendingSpan | undefined;
  let hasContent = false;
  let firstLine = 1;
  const flushDoc = (): void => {
    if (!hasContent && text === '') return;
    if (text.endsWith('\n')) text = text.slice(0, -1);
    docCount++;
    const doc = builder.addDocument({ file: file.path, line: firstLine }, { title: `${withoutExtension(baseName(file.path))} ${docCount}`, source: baseName(file.path), text });
    if (doc) for (const s of spans) builder.addSpan(doc, { file: file.path, line: s.line }, s);
    text = '';
    spans = [];
    open = undefined;
    sentenceOpen = false;
    hasContent = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (raw.trim() === '') {
      if (sentenceOpen) {
        text += '\n';
        sentenceOpen = false;
      }
      open = undefined;
      continue;
    }
    const cols = raw.includes('\t') ? raw.split('\t').map((c) => c.trim()) : raw.trim().split(/\s+/);
    if (cols[0] === DOCSTART) {
      flushDoc();
      firstLine = line;
      continue;
    }
    if (!hasContent) firstLine = line;
    hasContent = true;
    if (cols.length < 2 || cols[0] === '') {
      builder.error({ file: file.path, line }, 'expected a token and a tag separated by a tab');
      continue;
    }
    const token = cols[0]!;
    const tag = cols[cols.length - 1]!;
    const m = /^([BI])-(.+)$/.exec(tag);
    if (tag !== 'O' && !m) {
      builder.error({ file: file.path, line }, `tag ${JSON.stringify(tag)} is not O, B-LABEL or I-LABEL`);
      continue;
    }
    if (sentenceOpen) text += ' ';
    const start = text.length;
    text += token;
    sentenceOpen = true;
    if (tag === 'O') {
      open = undefined;
    } else if (m![1] === 'B') {
      open = { start, end: text.length, label: m![2]!, line };
      spans.push(open);
    } else if (open && open.label === m![2]) {
      open.end = text.length;
    } else {
      builder.error({ file: file.path, line }, `${tag} does not continue a ${m![2]} span (IOB2 starts every span with B-)`);
    }
  }
  flushDoc();
}

/** The CoNLL codec. */
export const conllCodec: FormatCodec = {
  name: 'conll',
  description: 'CoNLL-2003 style IOB2 (token<TAB>tag), tokenised by a documented rule',
  import: importConll,
  export: exportConll,
};
