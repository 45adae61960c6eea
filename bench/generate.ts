/**
 * Deterministic bench corpus: English-like policy prose with paragraphs, some
 * CRLF line endings, some Hangul and emoji, and word-aligned annotations that
 * overlap and nest. The same seed always gives the same text and spans, so
 * Parley and the peer see identical input.
 */

/** One generated annotation: a UTF-16 span and a label id. */
export interface BenchSpan {
  start: number;
  end: number;
  labelId: string;
}

/** Labels the generated annotations use (the default schema's first three). */
export const GENERATED_LABELS = ['actor', 'policy-body', 'position'] as const;
/** Label the tag measurement applies (shortcut `4`); no generated span uses it. */
export const TAG_LABEL = { id: 'date', shortcut: '4' } as const;

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = ['the Ministry of Foreign Affairs', 'Seoul', 'Washington', 'the European Commission', 'the Council', 'the Treasury', 'the opposition party', 'the Prime Minister', 'the trade representative', 'the National Assembly', 'the delegation', '외교부', '국회'];
const BODIES = ['the working group', 'the joint committee', 'the standing forum', 'the security council', 'the trilateral mechanism', 'the review panel', 'the 2+2 dialogue', '한미 실무그룹'];
const VERBS = ['proposed', 'rejected', 'welcomed', 'postponed', 'endorsed', 'questioned', 'announced', 'reaffirmed', 'suspended', 'negotiated'];
const OBJECTS = ['a phased reduction of tariffs', 'new export controls', 'the consultation pledge', 'a review of the agreement', 'closer coordination on sanctions', 'the draft communiqué', 'funding for the programme', 'a moratorium on new permits', 'the revised budget'];
const TAILS = ['after lengthy talks', 'despite objections', 'on Tuesday', 'in March 2024', 'before the summit', 'without a vote', 'for the third time this year', 'under pressure from allies', 'at the request of observers'];
const CONNECTIVES = ['Meanwhile,', 'However,', 'In response,', 'According to officials,', 'Earlier,', 'By contrast,', 'As expected,'];
const EMOJI = ['📌', '🇰🇷', '🇺🇸', '✅', '📈'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function sentence(rand: () => number): string {
  const lead = rand() < 0.3 ? `${pick(rand, CONNECTIVES)} ` : '';
  let s = `${lead}${pick(rand, ACTORS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} through ${pick(rand, BODIES)} ${pick(rand, TAILS)}`;
  if (rand() < 0.04) s += ` ${pick(rand, EMOJI)}`;
  s += rand() < 0.1 ? '?' : '.';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A text of exactly `length` UTF-16 code units (a trailing half surrogate pair is replaced by a space). */
export function generateText(length: number, seed: number): string {
  const rand = prng(seed);
  const parts: string[] = [`Bench document of ${length} characters: allies review the working group\n\n`];
  let size = parts[0]!.length;
  while (size < length) {
    const count = 3 + Math.floor(rand() * 5);
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) sentences.push(sentence(rand));
    const eol = rand() < 0.1 ? '\r\n\r\n' : '\n\n';
    const paragraph = sentences.join(' ') + eol;
    parts.push(paragraph);
    size += paragraph.length;
  }
  let text = parts.join('').slice(0, length);
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) text = `${text.slice(0, -1)} `;
  return text;
}

/** Word spans `[start, end)`: runs of non-space, trailing ASCII punctuation dropped. */
function words(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index + 1 && /[.,?!:;]/.test(text[end - 1]!)) end--;
    found.push([m.index, end]);
  }
  return found;
}

/**
 * `count` distinct annotations on `text`, sorted by start. Each covers one to
 * six whole words (shorter ones more likely); starts are uniform over the
 * words, so spans overlap and nest wherever they fall together, densely so
 * when there are more annotations than words. The first always covers the
 * first word, so the first screen of every document holds a mark.
 * Throws if the text cannot hold `count` distinct spans.
 */
export function generateSpans(text: string, count: number, seed: number): BenchSpan[] {
  const rand = prng(seed);
  const ws = words(text);
  const seen = new Set<string>();
  const spans: BenchSpan[] = [];
  const add = (start: number, end: number, labelId: string) => {
    const key = `${start}:${end}:${labelId}`;
    if (seen.has(key)) return;
    seen.add(key);
    spans.push({ start, end, labelId });
  };
  add(ws[0]![0], ws[0]![1], GENERATED_LABELS[0]);
  let attempts = 0;
  while (spans.length < count) {
    if (++attempts > count * 50) throw new Error(`cannot place ${count} distinct spans on ${text.length} characters`);
    const i = Math.floor(rand() * ws.length);
    const r = rand();
    const length = r < 0.45 ? 1 : r < 0.7 ? 2 : r < 0.85 ? 3 : r < 0.93 ? 4 : r < 0.97 ? 5 : 6;
    const j = Math.min(ws.length - 1, i + length - 1);
    add(ws[i]![0], ws[j]![1], pick(rand, GENERATED_LABELS));
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** One bench row: text size and annotation count. */
export interface BenchCase {
  id: string;
  chars: number;
  annotations: number;
}

/** The nine rows: (10k, 100k, 1M characters) × (100, 1,000, 20,000 annotations). */
export function benchCases(quick: boolean): BenchCase[] {
  const sizes = quick ? [10_000, 1_000_000] : [10_000, 100_000, 1_000_000];
  const counts = quick ? [100, 20_000] : [100, 1_000, 20_000];
  return sizes.flatMap((chars) => counts.map((annotations) => ({ id: `${chars / 1000}k-${annotations}`, chars, annotations })));
}

/** One generated library article: a title line, seed-style prose and its annotations. */
export interface BenchArticle {
  title: string;
  text: string;
  spans: BenchSpan[];
}

/**
 * `count` distinct articles of 2,000 to 8,000 characters (the size of the
 * sample articles, some longer), each starting with its own title line and
 * carrying `annotationsEach` overlapping annotations; deterministic for a seed.
 * The texts differ, so an import keeps every one of them.
 */
export function generateArticles(count: number, annotationsEach: number, seed: number, minChars = 2_000): BenchArticle[] {
  const rand = prng(seed);
  const articles: BenchArticle[] = [];
  for (let i = 0; i < count; i++) {
    const title = `Article ${i + 1}: ${pick(rand, ACTORS)} and ${pick(rand, BODIES)}`;
    const length = minChars + Math.floor(rand() * minChars * 3);
    const text = `${title}\n\n${generateText(length, seed * 7919 + i).slice(0, length)}`;
    articles.push({ title, text, spans: generateSpans(text, annotationsEach, seed * 104_729 + i) });
  }
  return articles;
}
