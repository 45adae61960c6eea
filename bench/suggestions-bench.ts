/**
 * `npm run bench:suggest`: does suggesting help? A scripted analyst annotates
 * generated seed-style articles to a known answer twice, once by keyboard
 * alone and once reviewing suggestions first, and the bench prints the
 * keystrokes and the time per correct annotation both ways, and each
 * source's precision and recall against the answer.
 *
 * The articles are short reports of my own wording, built from templates
 * with a seeded generator, so the answer (every span and label) is known by
 * construction. Time is the keystroke-level model (Card, Moran and Newell,
 * 1980): K = 0.28 s a keystroke, M = 1.35 s to decide; the time suggesting
 * takes on this machine is measured and added.
 *
 * The analyst without suggestions reaches each span by search: Ctrl+F, the
 * shortest prefix of the span that finds it from the caret (or the whole
 * span and Enter to step past earlier copies), Enter (selects the hit), Ctrl+Shift+Right once per further word of the span, Escape, and
 * the label key; one decision (M) per span. With suggestions, the analyst
 * goes through the document's suggestions with `y` (correct: same span and
 * label as the answer) or `n`, one decision each, then tags what is left the
 * first way. Documents are done in order: what was tagged in earlier ones
 * feeds the own-tags source of the next. A third run walks untagged mentions
 * of known names with Alt+M (`runMentionWalk`).
 */
import { defaultLabelSchema } from '../annotations/labels';
import type { Gazetteer } from '../annotations/suggest/gazetteer';
import { compilePatternRules } from '../annotations/suggest/pattern-rules';
import type { EntityNames, OwnTag, TaggedText } from '../annotations/suggest/own-tag-suggestions';
import { untaggedMentions } from '../annotations/suggest/untagged-mentions';
import { suggestForDocument } from '../annotations/suggest/suggest-document';
import type { Suggestion, SuggestionSource } from '../annotations/suggest/suggestion';
import { SUGGESTION_SOURCES } from '../annotations/suggest/suggestion';

/** mulberry32, seeded: the same articles on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keystroke-level model operators, in seconds. */
export const KLM = { keystroke: 0.28, mental: 1.35 } as const;

/** One span of the answer. */
export interface GoldSpan {
  start: number;
  end: number;
  labelId: string;
}

/** A generated article and its answer. */
export interface BenchArticle {
  id: string;
  title: string;
  text: string;
  publishedAt: string;
  gold: GoldSpan[];
}

interface Name {
  text: string;
  labelId: 'actor' | 'policy-body';
  entity: string;
}

const ENTITIES: Array<{ id: string; kind: 'actor' | 'policy-body'; names: string[] }> = [
  { id: 'chung', kind: 'actor', names: ['Chung Dong-young', '정동영'] },
  { id: 'sung-kim', kind: 'actor', names: ['Sung Kim'] },
  { id: 'park', kind: 'actor', names: ['Park Jie-won', '박지원'] },
  { id: 'campbell', kind: 'actor', names: ['Kurt Campbell'] },
  { id: 'moon', kind: 'actor', names: ['Moon Jae-in', '문재인'] },
  { id: 'seoul', kind: 'actor', names: ['Seoul', '서울'] },
  { id: 'washington', kind: 'actor', names: ['Washington'] },
  { id: 'pyongyang', kind: 'actor', names: ['Pyongyang', '평양'] },
  { id: 'mou', kind: 'policy-body', names: ['Ministry of Unification', '통일부'] },
  { id: 'nsc', kind: 'policy-body', names: ['National Security Council', 'NSC'] },
  { id: 'wg', kind: 'policy-body', names: ['Working Group'] },
  { id: 'assembly', kind: 'policy-body', names: ['National Assembly', '국회'] },
  { id: 'state', kind: 'policy-body', names: ['State Department'] },
];

/** The gazetteer the analyst brings: most bodies and a few actors, not everything. */
export const BENCH_GAZETTEER: Gazetteer = {
  id: 'bench',
  name: 'bench-gazetteer.csv',
  entries: ENTITIES.filter((e) => e.kind === 'policy-body' || ['seoul', 'washington', 'pyongyang'].includes(e.id)).map((e) => ({ name: e.names[0]!, labelId: e.kind, aliases: e.names.slice(1), entity: e.id })),
};

/** The patterns the analyst writes: positions after a few verbs, and "Ministry of X". */
export const BENCH_PATTERNS = [
  { labelId: 'position', regex: '(?:called for|proposed|urged) (?:(?! at the | on | before | next | last | June)[^.,;])+' },
  { labelId: 'policy-body', tokens: [{ lower: 'ministry' }, { lower: 'of' }, { is_title: true }] },
];

const POSITIONS_MATCHED = ['called for the resumption of family reunions', 'proposed a joint liaison office', 'urged a freeze on new sanctions', 'called for a phased easing of controls', 'proposed monthly working-level talks'];
const POSITIONS_UNMATCHED = ['insisted on full verification first', 'backed an end-of-war declaration', 'opposed any new deployment'];
const DATES = ['22 June 2021', 'on Tuesday', 'next April', 'before the end of the year', 'June 3, 2021', 'last March'];
const KO_DATES = ['2021년 6월 22일', '2021년 7월'];
const FILLERS = ['Officials gave few details.', 'The talks ran late into the evening.', 'April Ryan asked about the timetable.', 'Reporters may attend the briefing.', 'The Ministry of Culture was not involved.', 'Students at Seoul National University followed the talks.'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

class ArticleBuilder {
  text = '';
  gold: GoldSpan[] = [];
  add(piece: string, labelId?: string): this {
    if (labelId) this.gold.push({ start: this.text.length, end: this.text.length + piece.length, labelId });
    this.text += piece;
    return this;
  }
}

function nameOf(rand: () => number, kind: 'actor' | 'policy-body', korean: boolean): Name {
  const entity = pick(rand, ENTITIES.filter((e) => e.kind === kind));
  const names = korean ? entity.names.filter((n) => /\p{Script=Hangul}/u.test(n)) : entity.names.filter((n) => !/\p{Script=Hangul}/u.test(n));
  return { text: pick(rand, names.length > 0 ? names : entity.names), labelId: kind, entity: entity.id };
}

/** `count` articles from `seed`: English with some Korean sentences, CRLF in every third, an emoji now and then. */
export function benchArticles(count: number, seed = 15): BenchArticle[] {
  const rand = prng(seed);
  const out: BenchArticle[] = [];
  for (let i = 0; i < count; i++) {
    const b = new ArticleBuilder();
    const eol = i % 3 === 0 ? '\r\n' : '\n';
    const sentences = 4 + Math.floor(rand() * 4);
    for (let s = 0; s < sentences; s++) {
      const r = rand();
      if (r < 0.5) {
        const actor = nameOf(rand, 'actor', false);
        const matched = rand() < 0.65;
        b.add(actor.text, 'actor').add(' ').add(pick(rand, matched ? POSITIONS_MATCHED : POSITIONS_UNMATCHED), 'position');
        if (rand() < 0.6) b.add(' at the ').add(nameOf(rand, 'policy-body', false).text, 'policy-body');
        if (rand() < 0.6) {
          const date = pick(rand, DATES);
          const prep = date.startsWith('on ') || date.startsWith('before ');
          b.add(' ').add(prep && date.startsWith('on ') ? 'on ' : '').add(date.startsWith('on ') ? date.slice(3) : date, 'date');
        }
        b.add('.');
      } else if (r < 0.7) {
        const actor = nameOf(rand, 'actor', true);
        b.add(actor.text, 'actor').add('은 ').add(nameOf(rand, 'policy-body', true).text, 'policy-body').add('와 ').add(pick(rand, KO_DATES), 'date').add('에 만났다.');
      } else if (r < 0.85) {
        b.add(pick(rand, FILLERS));
      } else {
        b.add('Talks between ').add(nameOf(rand, 'actor', false).text, 'actor').add(' and ').add(nameOf(rand, 'actor', false).text, 'actor').add(' resumed ').add('22 June 2021', 'date').add(rand() < 0.3 ? ' 📌' : '').add('.');
      }
      b.add(s % 3 === 2 ? eol + eol : ' ');
    }
    out.push({ id: `bench-${i + 1}`, title: `Briefing ${i + 1}`, text: b.text, publishedAt: '2021-06-17', gold: b.gold });
  }
  return out;
}

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

/** Keys to tag one span by search from `caret`: Ctrl+F, the shortest prefix found first from the caret, Enter, Ctrl+Shift+Right per further word, Escape, the label key. */
export function keysToTag(text: string, span: GoldSpan, caret: number): number {
  const quote = text.slice(span.start, span.end);
  const firstHit = (needle: string): number => {
    const at = text.indexOf(needle, caret);
    return at < 0 ? text.indexOf(needle) : at;
  };
  let prefix = 1;
  while (prefix < quote.length && firstHit(quote.slice(0, prefix)) !== span.start) prefix++;
  // Even the whole quote finds an earlier copy first: Enter steps to the next hit until it is this one.
  let extraEnters = 0;
  for (let at = firstHit(quote); at !== span.start && at >= 0 && extraEnters < 1000; extraEnters++) {
    const next = text.indexOf(quote, at + 1);
    at = next < 0 ? text.indexOf(quote) : next;
  }
  const chars = [...quote.slice(0, prefix)].length;
  const selectedEnd = span.start + prefix;
  let moreWords = 0;
  for (const m of quote.matchAll(WORD)) if (span.start + m.index + m[0].length > selectedEnd) moreWords++;
  return 1 + chars + 1 + extraEnters + moreWords + 1 + 1;
}

const key = (s: { start: number; end: number; labelId: string }): string => `${s.start}-${s.end}:${s.labelId}`;

/** Counts for one run over the articles. */
export interface RunResult {
  keystrokes: number;
  decisions: number;
  correct: number;
  /** Measured milliseconds spent computing suggestions. */
  suggestMs: number;
}

/** Per source: how many proposed, how many of those in the answer. */
export type SourceScores = Record<SuggestionSource | 'all', { proposed: number; correct: number }>;

/** Runs the scripted analyst over `articles`, with or without suggestions. */
export function runAnalyst(articles: readonly BenchArticle[], withSuggestions: boolean, scores?: SourceScores): RunResult {
  const compiled = compilePatternRules(BENCH_PATTERNS);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const entities: EntityNames[] = ENTITIES.map((e) => ({ id: e.id, name: e.names[0]!, aliases: e.names.slice(1), kind: e.kind }));
  const done: TaggedText[] = [];
  const result: RunResult = { keystrokes: 0, decisions: 0, correct: 0, suggestMs: 0 };
  for (const article of articles) {
    const gold = new Map(article.gold.map((g) => [key(g), g]));
    const tagged = new Set<string>();
    if (withSuggestions) {
      const t0 = performance.now();
      const suggestions: Suggestion[] = suggestForDocument({ documentId: article.id, text: article.text }, [], {
        library: done,
        entities,
        gazetteers: [BENCH_GAZETTEER],
        patterns: compiled.value,
        dateLabelId: 'date',
        referenceDate: article.publishedAt,
      });
      result.suggestMs += performance.now() - t0;
      for (const s of suggestions) {
        result.keystrokes += 1;
        result.decisions += 1;
        const right = gold.has(key(s));
        if (right) tagged.add(key(s));
        if (scores) {
          for (const src of s.sources) {
            scores[src].proposed++;
            if (right) scores[src].correct++;
          }
          scores.all.proposed++;
          if (right) scores.all.correct++;
        }
      }
    }
    let caret = 0;
    for (const g of article.gold) {
      if (tagged.has(key(g))) continue;
      result.keystrokes += keysToTag(article.text, g, caret);
      result.decisions += 1;
      caret = g.end;
      tagged.add(key(g));
    }
    result.correct += article.gold.length;
    done.push({ documentId: article.id, title: article.title, text: article.text, tags: article.gold.map((g) => ({ documentId: article.id, ...g, ...entityOf(article.text, g) })) });
  }
  return result;
}

/**
 * The scripted analyst with the next-mention key instead of suggestions: for
 * each span of the answer in reading order, if it is an untagged mention of a
 * known name (an entity's name or alias, or a text already tagged in this
 * article) after the caret, Alt+M walks there (one key and one decision per
 * mention passed or taken) and the label key tags it; otherwise the span is
 * reached by search as in the keyboard-only run. `suggestMs` holds the time
 * spent finding mentions.
 */
export function runMentionWalk(articles: readonly BenchArticle[]): RunResult {
  const entities: EntityNames[] = ENTITIES.map((e) => ({ id: e.id, name: e.names[0]!, aliases: e.names.slice(1), kind: e.kind }));
  const result: RunResult = { keystrokes: 0, decisions: 0, correct: 0, suggestMs: 0 };
  for (const article of articles) {
    const own: OwnTag[] = [];
    let caret = 0;
    for (const g of [...article.gold].sort((a, b) => a.start - b.start)) {
      const t0 = performance.now();
      const mentions = untaggedMentions({ documentId: article.id, title: article.title, text: article.text, tags: own }, entities);
      result.suggestMs += performance.now() - t0;
      const reachable = mentions.some((m) => m.start === g.start && m.end === g.end) && g.start >= caret;
      if (reachable) {
        const passed = mentions.filter((m) => m.start >= caret && m.start < g.start).length;
        result.keystrokes += passed + 1 + 1;
        result.decisions += passed + 1;
      } else {
        result.keystrokes += keysToTag(article.text, g, caret);
        result.decisions += 1;
      }
      own.push({ documentId: article.id, ...g, ...entityOf(article.text, g) });
      caret = g.end;
    }
    result.correct += article.gold.length;
  }
  return result;
}

function entityOf(text: string, g: GoldSpan): { entityId?: string } {
  const quote = text.slice(g.start, g.end);
  const entity = ENTITIES.find((e) => e.kind === g.labelId && e.names.includes(quote));
  return entity ? { entityId: entity.id } : {};
}

/** Seconds the keystroke-level model gives a run, plus the measured suggestion time. */
export function modelSeconds(run: RunResult): number {
  return run.keystrokes * KLM.keystroke + run.decisions * KLM.mental + run.suggestMs / 1000;
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

/** Runs the bench and returns the printed table. */
export function suggestionsBench(count = 40): string {
  const articles = benchArticles(count);
  const goldTotal = articles.reduce((n, a) => n + a.gold.length, 0);
  const goldByLabel = new Map<string, number>();
  for (const a of articles) for (const g of a.gold) goldByLabel.set(g.labelId, (goldByLabel.get(g.labelId) ?? 0) + 1);
  const scores = Object.fromEntries([...SUGGESTION_SOURCES, 'all'].map((s) => [s, { proposed: 0, correct: 0 }])) as SourceScores;
  const without = runAnalyst(articles, false);
  const withS = runAnalyst(articles, true, scores);
  const walk = runMentionWalk(articles);
  const row = (name: string, r: RunResult) =>
    `| ${name} | ${r.keystrokes} | ${(r.keystrokes / r.correct).toFixed(2)} | ${modelSeconds(r).toFixed(0)} | ${(modelSeconds(r) / r.correct).toFixed(2)} |`;
  const lines = [
    `Suggestions bench: ${articles.length} generated articles, ${goldTotal} annotations in the answer (${[...goldByLabel].map(([l, n]) => `${l} ${n}`).join(', ')}), ${defaultLabelSchema().labels.length} labels.`,
    '',
    '| Run | Keystrokes | Keystrokes per correct annotation | Time (s, KLM + measured) | Seconds per correct annotation |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('Keyboard only', without),
    row('Suggestions first (y/n), then keyboard', withS),
    row('Keyboard with next mention (Alt+M, then the label key)', walk),
    '',
    `Suggesting took ${withS.suggestMs.toFixed(1)} ms in all (${(withS.suggestMs / articles.length).toFixed(2)} ms per article); finding untagged mentions ${(walk.suggestMs / Math.max(1, walk.decisions)).toFixed(3)} ms per look-up.`,
    '',
    '| Source | Proposed | Correct | Precision | Recall |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...[...SUGGESTION_SOURCES, 'all' as const].map((s) => {
      const { proposed, correct } = scores[s];
      return `| ${s === 'all' ? 'all (merged)' : s} | ${proposed} | ${correct} | ${proposed ? pct(correct / proposed) : '–'} | ${pct(correct / goldTotal)} |`;
    }),
  ];
  return lines.join('\n');
}
