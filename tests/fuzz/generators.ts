/**
 * Seeded generators for the fuzz suites: a deterministic PRNG, valid seed
 * files of every interchange format (the sample corpus exported by each
 * codec), and mutators that turn them hostile. Every case is built from its
 * own PRNG seeded by (run seed, suite, case index), so a failure printed as
 * `importers #1234` is rebuilt exactly by `buildImportCase('importers', 1234, …)`.
 */
import { strFromU8, zipSync } from 'fflate';
import { codecs, FORMAT_NAMES, type FormatFile, type FormatName } from '../../annotations/formats/index';
import { sampleCorpus, SAMPLE_NOW } from '../../annotations/formats/test-fixtures/sample-corpus';
import { unzipFiles } from '../../annotations/formats/zip';

/** The run's seed: `PARLEY_FUZZ_SEED` or a fixed default, so CI runs are repeatable. */
export const FUZZ_SEED = Number(process.env.PARLEY_FUZZ_SEED ?? 20_250_601) >>> 0;

/** Cases per suite in CI (`CI=true`): at least 10,000 for the importers and for the IPC handlers, as issue 6 asks. */
const CI_CASES = { importers: 10_000, ipc: 10_000, csv: 2_000 } as const;

/** Cases per suite in a quick local run. */
const LOCAL_CASES = { importers: 1_600, ipc: 800, csv: 400 } as const;

/** A fuzz suite. */
export type FuzzSuite = keyof typeof CI_CASES;

/** How many cases `suite` runs: `PARLEY_FUZZ_CASES` if set (the same number for every suite), else the CI or the local count. */
export function fuzzCases(suite: FuzzSuite): number {
  const fromEnv = Number(process.env.PARLEY_FUZZ_CASES);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return Math.floor(fromEnv);
  return (process.env.CI === 'true' ? CI_CASES : LOCAL_CASES)[suite];
}

/** Mulberry32: small, fast, and the same sequence on every platform. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** Picks by weight. */
  weighted<T>(items: ReadonlyArray<{ weight: number; value: T }>): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item.value;
    }
    return items[items.length - 1]!.value;
  }
}

/** The PRNG of one case. */
export function caseRng(suite: FuzzSuite, index: number): Rng {
  let h = FUZZ_SEED ^ 0x9e3779b9;
  for (const c of `${suite}#${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return new Rng(h);
}

// ---------------------------------------------------------------------------
// Hostile values

/** Keys and names that can reach a prototype when code indexes a plain object with them. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

/** Cells a spreadsheet would evaluate (OWASP's list: = + - @ tab CR). */
export const CSV_INJECTIONS = [
  "=cmd|' /C calc'!A0",
  '+1',
  '-2',
  '@SUM(1)',
  '=HYPERLINK("http://example.invalid/?x="&A1,"click")',
  '\t=1+1',
  '\r=1+1',
  "'=already escaped",
  '-2+3+cmd|\' /C calc\'!A0',
  '=1,2\n3"4',
] as const;

/** Markup and script that must only ever be shown as text. */
export const MARKUP_PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">link</a>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '</textarea><script>window.__pwned=1</script>',
  '${window.__pwned=1}',
] as const;

/** Byte sequences that are not valid UTF-8. */
const INVALID_UTF8: readonly number[][] = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
  [0x80],
  [0xe2, 0x82],
];

const encoder = new TextEncoder();
const lenientDecoder = new TextDecoder();

/** A string of `length` code units of one kind. */
export function hugeString(rng: Rng, length: number): string {
  const kind = rng.int(4);
  if (kind === 0) return 'A'.repeat(length);
  if (kind === 1) return '통일부 '.repeat(Math.ceil(length / 4)).slice(0, length);
  if (kind === 2) return '🇰🇷'.repeat(Math.ceil(length / 4)).slice(0, length);
  const chunk = Array.from({ length: 4096 }, () => String.fromCharCode(rng.range(0x20, 0x7e))).join('').replace(/["\\]/g, 'x');
  return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

/** `depth` levels of nested arrays or objects around `inner` (valid JSON when `inner` is). */
export function deepJson(depth: number, inner = '1', kind: 'array' | 'object' = 'array'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
}

/** A JS value nested `depth` levels deep, built without recursion. */
export function deepValue(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** An object with an own `__proto__` key, the way JSON.parse builds one. */
export function protoObject(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const o = JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as Record<string, unknown>;
  return Object.assign(o, extra);
}

/** A random value of any JSON type (and a few that JSON lacks). */
export function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 9 : 12)) {
    case 0:
      return null;
    case 1:
      return rng.pick([0, -1, 1, 1.5, -0, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e308, NaN, Infinity, -Infinity]);
    case 2:
      return rng.pick(['', ' ', 'x', 'own', '__proto__', 'constructor', 'doc_0', '../../etc/passwd', 'colleague:', 'colleague:x', '\u0000', '\ud800', ...CSV_INJECTIONS, ...MARKUP_PAYLOADS]);
    case 3:
      return rng.chance(0.5);
    case 4:
      return undefined;
    case 5:
      return 'x'.repeat(rng.pick([201, 256, 10_001, 70_000]));
    case 6:
      return BigInt(rng.int(1000));
    case 7:
      return rng.pick([() => 1, Symbol('s'), new Date(0), /re/, new Map(), new Uint8Array(3)]);
    case 8:
      return protoObject();
    case 9:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    case 10: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--) o[rng.pick(['a', 'documentId', 'start', 'end', 'labelId', 'files', 'layerId', 'format'])] = randomValue(rng, depth + 1);
      return o;
    }
    default:
      return deepValue(rng.range(10_000, 50_000), rng.chance(0.5) ? 'array' : 'object');
  }
}

// ---------------------------------------------------------------------------
// Seed files

function normaliseIds(files: FormatFile[]): FormatFile[] {
  const ids = new Map<string, string>();
  return files.map((f) => {
    if (typeof f.data !== 'string') return f;
    const data = f.data.replace(/\b(doc|ann|dec)_[0-9a-f]{24}\b/g, (id, prefix: string) => {
      let mapped = ids.get(id);
      if (!mapped) {
        mapped = `${prefix}_${(ids.size + 1).toString(16).padStart(24, '0')}`;
        ids.set(id, mapped);
      }
      return mapped;
    });
    return { path: f.path, data };
  });
}

/** GUIDs (REFI-QDA's, derived from random ids) replaced by numbered ones, in contents and file names alike. */
function normaliseGuids(files: FormatFile[]): FormatFile[] {
  const guids = new Map<string, string>();
  const swap = (text: string) =>
    text.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, (guid) => {
      let mapped = guids.get(guid);
      if (!mapped) {
        mapped = `00000000-0000-4000-8000-${(guids.size + 1).toString(16).padStart(12, '0')}`;
        guids.set(guid, mapped);
      }
      return mapped;
    });
  return files.map((f) => ({ path: swap(f.path), data: typeof f.data === 'string' ? swap(f.data) : f.data }));
}

const seeds = new Map<FormatName, FormatFile[]>();

/** The sample corpus exported in `format`, with ids made deterministic. Valid input for that format's import. */
export function seedFiles(format: FormatName): FormatFile[] {
  let files = seeds.get(format);
  if (!files) {
    const exported = codecs[format].export(sampleCorpus(), { now: SAMPLE_NOW });
    if (!exported.ok) throw new Error(`cannot build the ${format} seed: ${exported.error.message}`);
    // A REFI-QDA project is a zip: its XML and texts are what is worth mutating, so the seed is the project unpacked (which the importer reads too).
    const unpacked = format === 'refi-qda' ? unzipFiles(exported.value.files[0]!) : undefined;
    if (unpacked && !unpacked.ok) throw new Error(`cannot unpack the ${format} seed: ${unpacked.error.message}`);
    files = unpacked ? normaliseGuids(unpacked.value.map((f) => ({ path: f.path, data: strFromU8(f.data as Uint8Array) }))) : normaliseIds(exported.value.files);
    seeds.set(format, files);
  }
  return files.map((f) => ({ path: f.path, data: f.data }));
}

const JSON_FORMATS: ReadonlySet<FormatName> = new Set(['parley', 'w3c', 'doccano', 'label-studio', 'spacy', 'labelbuddy']);

function isJsonPath(p: string): boolean {
  return /\.(json|jsonl|jsonld)$/i.test(p);
}

// ---------------------------------------------------------------------------
// Mutators

/** What a case did, for reproduction. */
export interface ImportCase {
  format: FormatName;
  files: FormatFile[];
  mutations: string[];
  /**
   * Set when every mutation kept the files well-formed and only renamed one
   * label: an import that succeeds must then hold exactly as many annotations
   * (plus orphans) as the unmutated seed.
   */
  labelRenamedTo?: string;
}

type Mutation = (rng: Rng, data: string, path: string) => string | Uint8Array;

function asText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : lenientDecoder.decode(data);
}

function insertAt(data: string, at: number, piece: string): string {
  return data.slice(0, at) + piece + data.slice(at);
}

function escapeFor(path: string, value: string): string {
  if (isJsonPath(path)) return JSON.stringify(value).slice(1, -1);
  if (/\.xml$/i.test(path)) return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  if (/\.csv$/i.test(path) && /[",\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

const NUMBER = /-?\d+(\.\d+)?/g;

const mutations: Record<string, Mutation> = {
  'flip-bytes'(rng, data) {
    const bytes = encoder.encode(data);
    for (let n = rng.range(1, 8); n > 0 && bytes.length > 0; n--) bytes[rng.int(bytes.length)]! ^= 1 << rng.int(8);
    return bytes;
  },
  truncate(rng, data) {
    return data.slice(0, rng.int(data.length + 1));
  },
  duplicate(rng, data) {
    const a = rng.int(data.length + 1);
    const b = Math.min(data.length, a + rng.int(400));
    return insertAt(data, rng.int(data.length + 1), data.slice(a, b).repeat(rng.range(1, 20)));
  },
  'delete-slice'(rng, data) {
    const a = rng.int(data.length + 1);
    return data.slice(0, a) + data.slice(Math.min(data.length, a + rng.range(1, 60)));
  },
  'deep-nesting'(rng, data) {
    const depth = rng.range(10_000, 50_000);
    const kind = rng.chance(0.5) ? 'array' : 'object';
    // Either wrap a JSON value (the file stays valid JSON) or drop brackets anywhere.
    const values = [...data.matchAll(/:\s*(-?\d+|"(?:[^"\\]|\\.)*"|true|false|null)/g)];
    if (values.length > 0 && rng.chance(0.6)) {
      const m = rng.pick(values);
      const start = m.index! + m[0].length - m[1]!.length;
      return data.slice(0, start) + deepJson(depth, m[1], kind) + data.slice(start + m[1]!.length);
    }
    const at = rng.int(data.length + 1);
    return rng.chance(0.5) ? insertAt(data, at, deepJson(depth, '1', kind)) : insertAt(data, at, (kind === 'array' ? '[' : '{').repeat(depth));
  },
  'proto-keys'(rng, data) {
    const piece = rng.pick([
      '"__proto__":{"polluted":"yes"},',
      '"constructor":{"prototype":{"polluted":"yes"}},',
      '"prototype":{"polluted":"yes"},',
      '"__proto__":[],',
      '"hasOwnProperty":1,',
      '"toString":"x",',
    ]);
    const braces = [...data.matchAll(/\{(?=\s*")/g)];
    if (braces.length > 0 && rng.chance(0.8)) return insertAt(data, rng.pick(braces).index! + 1, piece);
    const keys = [...data.matchAll(/"([A-Za-z_]+)"\s*:/g)];
    if (keys.length > 0) {
      const k = rng.pick(keys);
      return data.slice(0, k.index!) + `"${rng.pick(PROTO_NAMES)}":` + data.slice(k.index! + k[0].length);
    }
    return insertAt(data, rng.int(data.length + 1), rng.pick(PROTO_NAMES));
  },
  offsets(rng, data) {
    const numbers = [...data.matchAll(NUMBER)];
    if (numbers.length === 0) return data;
    let out = data;
    // Replace from the end so earlier indexes stay valid.
    const chosen = Array.from({ length: rng.range(1, 3) }, () => rng.int(numbers.length))
      .filter((v, i, a) => a.indexOf(v) === i)
      .sort((a, b) => b - a);
    for (const i of chosen) {
      const m = numbers[i]!;
      const n = Number(m[0]);
      const next = numbers[i + 1];
      let replacement: string;
      switch (rng.int(7)) {
        case 0:
          replacement = String(-n - 1);
          break;
        case 1:
          replacement = next ? next[0] : String(n + 1);
          break;
        case 2:
          replacement = rng.pick(['2147483648', '9007199254740993', '1e21', '1e309', '99999999999999999999999999999999', '4294967296']);
          break;
        case 3:
          replacement = String(n + rng.range(1, 400));
          break;
        case 4:
          replacement = rng.pick(['1.5', '-0', '0x10', 'NaN', '"12"', 'null', '']);
          break;
        case 5:
          replacement = String(Math.max(0, n - rng.range(1, 3)));
          break;
        default:
          replacement = String(n + 1);
      }
      out = out.slice(0, m.index!) + replacement + out.slice(m.index! + m[0].length);
    }
    return out;
  },
  'swap-offsets'(rng, data) {
    // Reverse a start/end pair: the number before the next number on the same line or object.
    const pairs = [...data.matchAll(/(\d+)([ ,;:\s"a-z]{1,12})(\d+)/g)];
    if (pairs.length === 0) return data;
    const m = rng.pick(pairs);
    return data.slice(0, m.index!) + `${m[3]}${m[2]}${m[1]}` + data.slice(m.index! + m[0].length);
  },
  quotes(rng, data) {
    const quotes = [...data.matchAll(/["']/g)];
    if (quotes.length === 0) return insertAt(data, rng.int(data.length + 1), '"');
    let out = data;
    for (let n = rng.range(1, 3); n > 0; n--) {
      const m = rng.pick(quotes);
      if (m.index! >= out.length) continue;
      out = out.slice(0, m.index!) + rng.pick(['', "'", '“', '”', '""', '\\"', '"\n', '«']) + out.slice(m.index! + 1);
    }
    return out;
  },
  'quote-mismatch'(rng, data) {
    // Change one letter: either in a quote (which then no longer matches its text) or in the text itself.
    const letters = [...data.matchAll(/[A-Za-z가-힣]/g)];
    if (letters.length === 0) return data;
    const m = rng.pick(letters);
    const c = m[0];
    const swapped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    return data.slice(0, m.index!) + (swapped === c ? 'Z' : swapped) + data.slice(m.index! + 1);
  },
  'invalid-utf8'(rng, data) {
    const bytes = encoder.encode(data);
    const out: number[] = Array.from(bytes);
    for (let n = rng.range(1, 4); n > 0; n--) out.splice(rng.int(out.length + 1), 0, ...rng.pick(INVALID_UTF8));
    return new Uint8Array(out);
  },
  'huge-string'(rng, data, path) {
    const size = rng.range(2, 5) * 1024 * 1024;
    const strings = [...data.matchAll(/"(?:text|title|exact|value|label|note|name)"\s*:\s*"/g)];
    if (isJsonPath(path) && strings.length > 0) {
      const m = rng.pick(strings);
      return insertAt(data, m.index! + m[0].length, hugeString(rng, size));
    }
    return insertAt(data, rng.int(data.length + 1), hugeString(rng, size));
  },
  'line-ends'(rng, data) {
    switch (rng.int(5)) {
      case 0:
        return data.replace(/\r\n/g, '\n');
      case 1:
        return data.replace(/\r?\n/g, '\r\n');
      case 2:
        return data.replace(/\r?\n/g, '\r');
      case 3:
        return insertAt(data, rng.int(data.length + 1), rng.pick(['\u0000', '\uFEFF', '\u2028', '\ud800', '\udc00', '\u202e']));
      default:
        return data.replace(/\r?\n/g, '');
    }
  },
  'wrong-type'(rng, data, path) {
    if (!isJsonPath(path)) return mutations.garbage!(rng, data, path);
    const lines = path.endsWith('.jsonl') ? data.split('\n') : [data];
    const li = rng.int(lines.length);
    let value: unknown;
    try {
      value = JSON.parse(lines[li]!);
    } catch {
      return data;
    }
    const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
    // Iterative: an earlier mutation may have nested the value 50,000 levels deep.
    const pending: unknown[] = [value];
    while (pending.length > 0 && nodes.length <= 5000) {
      const v = pending.pop();
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          nodes.push({ parent: v, key: i });
          pending.push(x);
        });
      } else if (v !== null && typeof v === 'object') {
        const record = v as Record<string, unknown>;
        for (const k of Object.keys(record)) {
          nodes.push({ parent: record, key: k });
          pending.push(record[k]);
        }
      }
    }
    if (nodes.length === 0) return data;
    for (let n = rng.range(1, 3); n > 0; n--) {
      const { parent, key } = rng.pick(nodes);
      const replacement = rng.pick<unknown>([null, 0, -1, 1.5, '', 'x', [], {}, true, 1e300, [1, 2], { start: 1 }, '-1', 'Infinity']);
      (parent as Record<string | number, unknown>)[key] = replacement;
      if (rng.chance(0.2) && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
    }
    try {
      lines[li] = JSON.stringify(value, null, path.endsWith('.jsonl') ? undefined : 2);
    } catch {
      return data; // nested too deep to write back: keep the earlier mutation
    }
    return lines.join('\n');
  },
  garbage(rng, data) {
    switch (rng.int(6)) {
      case 0:
        return '';
      case 1:
        return rng.pick(['null', '[]', '{}', '"', '0', 'true', '\uFEFF', '[{}]', '{"format":"parley"}', '\n\n\n', ',,,,\n,,,', 'T1\tActor 5 0\tx']);
      case 2:
        return new Uint8Array(Array.from({ length: rng.range(1, 2000) }, () => rng.int(256)));
      case 3:
        return Array.from({ length: rng.range(1, 2000) }, () => String.fromCharCode(rng.int(0x3000))).join('');
      case 4:
        return data.split('').reverse().join('');
      default:
        return data.slice(rng.int(data.length));
    }
  },
  'csv-injection'(rng, data, path) {
    // Put a formula where a label, note or title goes.
    const payload = rng.pick([...CSV_INJECTIONS, ...MARKUP_PAYLOADS]);
    const targets = [...data.matchAll(/Created by the Washington Declaration\.|Panmunjom talks|Policy body|Policy_body|Position/g)];
    if (targets.length === 0) return insertAt(data, rng.int(data.length + 1), payload);
    const m = rng.pick(targets);
    return data.slice(0, m.index!) + escapeFor(path, payload) + data.slice(m.index! + m[0].length);
  },
};

/** Label names that are valid in every format's syntax but hostile to naive code. */
const HOSTILE_LABEL_NAMES = [...PROTO_NAMES, "=cmd|'/C_calc'!A0", '+1', '-2', '@SUM(1)', '<script>alert(1)</script>', '{{constructor.constructor(1)()}}', 'Ｄate'] as const;

/** Every kind of hostile edit the mutators make, so a suite can check that each one ran. */
export const MUTATION_NAMES: readonly string[] = Object.keys(mutations);

const MUTATION_WEIGHTS: ReadonlyArray<{ weight: number; value: string }> = [
  { weight: 10, value: 'flip-bytes' },
  { weight: 8, value: 'truncate' },
  { weight: 5, value: 'duplicate' },
  { weight: 5, value: 'delete-slice' },
  { weight: 6, value: 'deep-nesting' },
  { weight: 8, value: 'proto-keys' },
  { weight: 12, value: 'offsets' },
  { weight: 6, value: 'swap-offsets' },
  { weight: 8, value: 'quotes' },
  { weight: 8, value: 'quote-mismatch' },
  { weight: 7, value: 'invalid-utf8' },
  { weight: 0.4, value: 'huge-string' },
  { weight: 4, value: 'line-ends' },
  { weight: 10, value: 'wrong-type' },
  { weight: 3, value: 'garbage' },
  { weight: 5, value: 'csv-injection' },
];

function replaceAllIn(files: FormatFile[], from: string, to: string): FormatFile[] {
  return files.map((f) => (typeof f.data === 'string' ? { path: f.path, data: f.data.split(from).join(escapeFor(f.path, to)) } : f));
}

function fileSetMutation(rng: Rng, files: FormatFile[], format: FormatName, mutationsDone: string[]): FormatFile[] {
  switch (rng.int(8)) {
    case 0: {
      mutationsDone.push('drop-file');
      const out = [...files];
      out.splice(rng.int(out.length), 1);
      return out;
    }
    case 1: {
      const name = rng.pick(['../../etc/passwd', '/abs/x.txt', 'C:\\x.ann', '', 'a\u0000b.json', `${'x'.repeat(5000)}.txt`, '__proto__', 'constructor.json', 'CON', '.ann']);
      mutationsDone.push(`rename-file:${JSON.stringify(name.slice(0, 20))}`);
      const out = [...files];
      const i = rng.int(out.length);
      out[i] = { path: name, data: out[i]!.data };
      return out;
    }
    case 2: {
      mutationsDone.push('duplicate-file');
      return [...files, rng.pick(files)];
    }
    case 3: {
      const other = rng.pick(FORMAT_NAMES.filter((f) => f !== format));
      mutationsDone.push(`cross-format:${other}`);
      return rng.chance(0.5) ? seedFiles(other) : [...files, ...seedFiles(other)];
    }
    case 4: {
      mutationsDone.push('zip');
      const entries: Record<string, Uint8Array> = {};
      for (const f of files) entries[rng.chance(0.1) ? `../${f.path}` : f.path] = typeof f.data === 'string' ? encoder.encode(f.data) : f.data;
      const zipped = zipSync(entries);
      if (rng.chance(0.5)) {
        mutationsDone.push('zip-flip');
        for (let n = rng.range(1, 6); n > 0; n--) zipped[rng.int(zipped.length)]! ^= 1 << rng.int(8);
      }
      return [{ path: 'export.zip', data: zipped }];
    }
    case 5:
      mutationsDone.push('no-files');
      return [];
    case 6:
      mutationsDone.push('many-files');
      return [...Array.from({ length: rng.range(50, 300) }, (_, i): FormatFile => ({ path: `doc-${i}.txt`, data: `text ${i}` })), ...files];
    default:
      mutationsDone.push('bytes-instead-of-text');
      return files.map((f) => ({ path: f.path, data: typeof f.data === 'string' ? encoder.encode(f.data) : f.data }));
  }
}

/** Builds case `index` of `suite` for `format`: seed files with one to three mutations. */
export function buildImportCase(suite: FuzzSuite, index: number, format: FormatName): ImportCase {
  const rng = caseRng(suite, index);
  let files = seedFiles(format);
  const done: string[] = [];
  // One case in ten renames a label to a hostile name and changes nothing else.
  if (rng.chance(0.1)) {
    const name = rng.pick(HOSTILE_LABEL_NAMES);
    return { format, files: replaceAllIn(files, 'Date', name), mutations: [`rename-label:${name}`], labelRenamedTo: name };
  }
  if (rng.chance(0.12)) files = fileSetMutation(rng, files, format, done);
  const count = rng.weighted([
    { weight: 6, value: 1 },
    { weight: 3, value: 2 },
    { weight: 1, value: 3 },
  ]);
  for (let n = 0; n < count && files.length > 0; n++) {
    const name = rng.weighted(MUTATION_WEIGHTS);
    // Aim at the annotation files more than at plain texts.
    const annotated = files.map((f, i) => ({ f, i })).filter(({ f }) => !/\.(txt|conf)$/i.test(f.path));
    const target = annotated.length > 0 && rng.chance(0.8) ? rng.pick(annotated).i : rng.int(files.length);
    const file = files[target]!;
    const mutated = mutations[name]!(rng, asText(file.data), file.path);
    files = files.map((f, i) => (i === target ? { path: f.path, data: mutated } : f));
    done.push(`${name}@${file.path.slice(0, 40)}`);
  }
  return { format, files, mutations: done };
}

/**
 * The files of a case packed into one `.zip`, the way a brat corpus is often
 * shared. One archive in four then has a few bits flipped, or is cut short.
 */
export function zippedCase(c: ImportCase, rng: Rng): ImportCase {
  const entries: Record<string, Uint8Array> = {};
  for (const f of c.files) entries[f.path] = typeof f.data === 'string' ? encoder.encode(f.data) : f.data;
  let zipped = zipSync(entries);
  const mutations = [...c.mutations, 'zip'];
  if (rng.chance(0.25)) {
    if (rng.chance(0.5)) {
      mutations.push('zip-flip');
      for (let n = rng.range(1, 6); n > 0; n--) zipped[rng.int(zipped.length)]! ^= 1 << rng.int(8);
    } else {
      mutations.push('zip-truncate');
      zipped = zipped.slice(0, rng.int(zipped.length));
    }
  }
  const damaged = mutations.length > c.mutations.length + 1;
  return { format: c.format, files: [{ path: 'corpus.zip', data: zipped }], mutations, labelRenamedTo: damaged ? undefined : c.labelRenamedTo };
}

/** True for a format whose files are JSON. */
export function isJsonFormat(format: FormatName): boolean {
  return JSON_FORMATS.has(format);
}

/** The sizes of a case's files, for a failure report. */
export function describeFiles(files: FormatFile[]): string {
  return files.map((f) => `${f.path.slice(0, 40)}(${typeof f.data === 'string' ? `${f.data.length} chars` : `${f.data.length} bytes`})`).join(', ');
}

/** Every own property name of the built-in prototypes, to notice pollution. */
export function prototypeSnapshot(): string {
  const protos: Array<[string, object]> = [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
    ['Map', Map.prototype],
  ];
  return protos.map(([name, p]) => `${name}:${Reflect.ownKeys(p).map(String).sort().join(',')}`).join('\n');
}

/** Describes pollution of Object.prototype, or undefined if there is none. */
export function pollution(snapshot: string): string | undefined {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined) return `({}).polluted is ${String(probe.polluted)}`;
  if ([].constructor !== Array || probe.constructor !== Object) return 'constructor replaced';
  const now = prototypeSnapshot();
  return now === snapshot ? undefined : `built-in prototypes changed:\n${now}`;
}
