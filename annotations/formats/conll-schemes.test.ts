/**
 * CoNLL files as they circulate: IOB1 (the original CoNLL-2003 tagging),
 * IOB2, IOBES and BILOU, two columns or CoNLL-2003's four, under the names
 * those files go by.
 */
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { CONLL_FILE, detectTagScheme, importConll } from './conll';
import type { ImportOutcome } from './format';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };

/** Tokens and their tags, one sentence; returned as `token<TAB>tag` lines. */
const sentence = (...pairs: Array<[string, string]>): string => pairs.map(([t, g]) => `${t}\t${g}`).join('\n');

function spansOf(outcome: ImportOutcome, doc = 0): string[] {
  const names = new Map(outcome.corpus.labels.labels.map((l) => [l.id, l.name]));
  return outcome.corpus.documents[doc]!.layers[0]!.annotations.map((a) => `${names.get(a.labelId)}:${a.quote.exact}`);
}

function read(data: string, path = 'tagged.conll'): ImportOutcome {
  const result = importConll([{ path, data }], options);
  if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
  return result.value;
}

/** The same two sentences (Hangul, a flag, adjacent spans of one label) in each scheme. */
const TOKENS = ['통일부', 'and', 'Kim', 'Sung-han', 'met', '🇺🇸', 'Seoul', 'envoys'];
const SCHEMES: Record<string, string[]> = {
  IOB1: ['I-ORG', 'O', 'I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'O'],
  IOB2: ['B-ORG', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'O'],
  IOBES: ['S-ORG', 'O', 'B-PER', 'E-PER', 'O', 'S-LOC', 'S-LOC', 'O'],
  BILOU: ['U-ORG', 'O', 'B-PER', 'L-PER', 'O', 'U-LOC', 'U-LOC', 'O'],
};
const EXPECTED = ['ORG:통일부', 'PER:Kim Sung-han', 'LOC:🇺🇸', 'LOC:Seoul'];

describe('CoNLL tagging schemes', () => {
  for (const [scheme, tags] of Object.entries(SCHEMES)) {
    it(`reads ${scheme}, keeping adjacent spans of one label apart, with CRLF line ends`, () => {
      const lf = `${sentence(...TOKENS.slice(0, 5).map((t, k): [string, string] => [t, tags[k]!]))}\n\n${sentence(...TOKENS.slice(5).map((t, k): [string, string] => [t, tags[k + 5]!]))}\n`;
      const data = lf.replace(/\n/g, '\r\n');
      const outcome = read(data);
      expect(outcome.corpus.documents[0]!.document.text).toBe('통일부 and Kim Sung-han met\n🇺🇸 Seoul envoys');
      expect(spansOf(outcome)).toEqual(EXPECTED);
      expect(outcome.warnings.map((w) => w.message)).toEqual(scheme === 'IOB2' ? [] : [expect.stringMatching(new RegExp(`^tags read as ${scheme}`))]);
    });
  }

  it('detects the scheme from the tags present', () => {
    const tags = (...t: string[]) => [t.map((x) => (x === 'O' ? { prefix: 'O', label: '' } : { prefix: x[0]!, label: x.slice(2) }))];
    expect(detectTagScheme(tags('I-PER', 'I-PER', 'O', 'I-LOC'))).toBe('IOB1');
    expect(detectTagScheme(tags('B-PER', 'I-PER', 'O', 'B-LOC'))).toBe('IOB2');
    expect(detectTagScheme(tags('O', 'B-PER', 'O', 'I-LOC'))).toBe('IOB2');
    expect(detectTagScheme(tags('B-PER', 'E-PER', 'O'))).toBe('IOBES');
    expect(detectTagScheme(tags('U-PER', 'O'))).toBe('BILOU');
    expect(detectTagScheme(tags('S-PER', 'U-LOC'))).toEqual({ mixed: expect.stringMatching(/mixes IOBES/) });
  });

  it('refuses an IOBES end tag that closes nothing, and a file mixing IOBES and BILOU', () => {
    const bad = importConll([{ path: 'x.conll', data: sentence(['Seoul', 'S-LOC'], ['talks', 'E-EVENT']) }], options);
    expect(bad.ok ? [] : bad.error.problems!.map((p) => `${p.line}: ${p.message}`)).toEqual(['2: E-EVENT does not continue a EVENT span (IOBES starts every span with B- or S-)']);
    const mixed = importConll([{ path: 'x.conll', data: sentence(['Seoul', 'S-LOC'], ['talks', 'U-EVENT']) }], options);
    expect(mixed.ok ? '' : mixed.error.problems![0]!.message).toMatch(/mixes IOBES/);
  });
});

describe('CoNLL-2003 files', () => {
  const FOUR_COLUMNS = [
    '-DOCSTART- -X- -X- O',
    '',
    'SEOUL NNP B-NP I-LOC',
    'AND CC O O',
    'TOKYO NNP B-NP I-LOC',
    'RESUME VBP B-VP O',
    'TALKS NNS B-NP O',
    '. . O O',
    '',
    'Kim NNP B-NP I-PER',
    'Sung-han NNP I-NP I-PER',
    'led VBD B-VP O',
    'the DT B-NP O',
    'Unification NNP I-NP I-ORG',
    'Ministry NNP I-NP I-ORG',
    'delegation NN I-NP O',
    '. . O O',
    '',
    '-DOCSTART- -X- -X- O',
    '',
    'Washington NNP B-NP I-LOC',
    'replied VBD B-VP O',
    '',
  ].join('\n');

  it('reads the four columns (word POS chunk NER), IOB1 tags and -DOCSTART- documents', () => {
    const outcome = read(FOUR_COLUMNS, 'eng.testa');
    expect(outcome.corpus.documents.map((d) => d.document.text)).toEqual(['SEOUL AND TOKYO RESUME TALKS .\nKim Sung-han led the Unification Ministry delegation .', 'Washington replied']);
    expect(spansOf(outcome, 0)).toEqual(['LOC:SEOUL', 'LOC:TOKYO', 'PER:Kim Sung-han', 'ORG:Unification Ministry']);
    expect(spansOf(outcome, 1)).toEqual(['LOC:Washington']);
    expect(outcome.corpus.documents.map((d) => d.document.title)).toEqual(['eng 1', 'eng 2']);
  });

  it('accepts the names CoNLL files go by, and no others', () => {
    for (const name of ['eng.train', 'eng.testa', 'eng.testb', 'ner.txt', 'a.conll', 'b.iob', 'c.bio', 'd.iobes', 'e.bilou', 'f.tsv']) expect(CONLL_FILE.test(name), name).toBe(true);
    for (const name of ['notes.md', 'tasks.json', 'corpus.ann']) expect(CONLL_FILE.test(name), name).toBe(false);
    for (const name of ['eng.train', 'eng.testb']) expect(importConll([{ path: name, data: FOUR_COLUMNS }], options).ok).toBe(true);
  });
});
