/**
 * Patterns, suggestion source 3: per-label rules kept in the label schema
 * (`Label.patterns`), each a regular expression or a token pattern.
 *
 * A token pattern is a small subset of Prodigy's and spaCy's: a list of token
 * matchers, one per consecutive token, each an object with any of
 * - `lower`: the token lower-cased equals this text,
 * - `text`: the token equals this text exactly,
 * - `is_title`: the token is (true) or is not (false) title-case (`Seoul`, not `SEOUL`),
 * - `regex`: the whole token matches this regular expression (Unicode mode);
 * all keys of one matcher must hold. Keys may be written upper-case as spaCy
 * does (`LOWER`). Operators (`op`) and other keys are refused. A token is a
 * run of letters, digits and marks, or any other single character that is not
 * white space.
 */
import { findLabel } from '../labels';
import type { LabelSchema } from '../model';
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';

/** One token matcher of a token pattern. */
export interface TokenMatcher {
  lower?: string;
  text?: string;
  is_title?: boolean;
  regex?: string;
}

/** One rule of a label: a regular expression with optional flags, or a token pattern. */
export type LabelPattern = { regex: string; flags?: string } | { tokens: TokenMatcher[] };

/** A rule with the label it proposes (a label id of the schema). */
export type PatternRule = LabelPattern & { labelId: string };

/** A rule ready to run, with a name for reasons and errors. */
export interface CompiledRule {
  labelId: string;
  /** `/…/flags` or `[{"lower":"ministry"},…]`: how the rule is named in reasons and errors. */
  describe: string;
  regex?: RegExp;
  tokens?: Array<(token: string) => boolean>;
}

/** Longest regular expression source accepted, in characters. */
export const MAX_PATTERN_LENGTH = 2_000;
const TOKEN_KEYS = ['lower', 'text', 'is_title', 'regex'];

/** How a rule is named in messages. */
export function describePattern(rule: LabelPattern): string {
  return 'regex' in rule ? `/${rule.regex}/${rule.flags ?? ''}` : JSON.stringify(rule.tokens);
}

function isTitle(token: string): boolean {
  return /^\p{Lu}[^\p{Lu}]*$/u.test(token) && /\p{L}/u.test(token);
}

function compileMatcher(matcher: unknown, where: string): { ok: true; test: (token: string) => boolean } | { ok: false; message: string } {
  if (!matcher || typeof matcher !== 'object' || Array.isArray(matcher)) return { ok: false, message: `${where} must be an object such as {"lower": "ministry"}` };
  const tests: Array<(token: string) => boolean> = [];
  const entries = Object.entries(matcher as Record<string, unknown>);
  if (entries.length === 0) return { ok: false, message: `${where} is empty` };
  for (const [rawKey, value] of entries) {
    const key = rawKey.toLowerCase();
    if (!TOKEN_KEYS.includes(key)) return { ok: false, message: `${where}: “${rawKey}” is not supported (use ${TOKEN_KEYS.join(', ')})` };
    if (key === 'is_title') {
      if (typeof value !== 'boolean') return { ok: false, message: `${where}: is_title must be true or false` };
      tests.push((t) => isTitle(t) === value);
      continue;
    }
    if (typeof value !== 'string' || value === '') return { ok: false, message: `${where}: ${key} must be non-empty text` };
    if (key === 'lower') tests.push((t) => t.toLowerCase() === value);
    else if (key === 'text') tests.push((t) => t === value);
    else {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${value})$`, 'u');
      } catch (e) {
        return { ok: false, message: `${where}: ${(e as Error).message}` };
      }
      tests.push((t) => re.test(t));
    }
  }
  return { ok: true, test: (t) => tests.every((f) => f(t)) };
}

/** Compiles one rule, or says what is wrong with it (without naming it; `compilePatternRules` does). */
export function compilePattern(rule: PatternRule): { ok: true; rule: CompiledRule } | { ok: false; message: string } {
  if ('regex' in rule) {
    if (typeof rule.regex !== 'string' || rule.regex === '') return { ok: false, message: 'the regular expression is empty' };
    if (rule.regex.length > MAX_PATTERN_LENGTH) return { ok: false, message: `the regular expression is longer than ${MAX_PATTERN_LENGTH} characters` };
    const flags = rule.flags ?? '';
    if (typeof flags !== 'string' || !/^[dgimsuv]*$/.test(flags)) return { ok: false, message: `flags “${String(flags)}” are not allowed (use any of d, i, m, s, u, v)` };
    let regex: RegExp;
    try {
      regex = new RegExp(rule.regex, flags.includes('g') ? flags : `${flags}g`);
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
    return { ok: true, rule: { labelId: rule.labelId, describe: describePattern(rule), regex } };
  }
  if (!('tokens' in rule) || !Array.isArray(rule.tokens)) return { ok: false, message: 'a rule needs “regex” or “tokens”' };
  if (rule.tokens.length === 0) return { ok: false, message: 'the token pattern is empty' };
  const tokens: Array<(token: string) => boolean> = [];
  for (const [i, matcher] of rule.tokens.entries()) {
    const compiled = compileMatcher(matcher, `token ${i + 1}`);
    if (!compiled.ok) return compiled;
    tokens.push(compiled.test);
  }
  return { ok: true, rule: { labelId: rule.labelId, describe: describePattern(rule), tokens } };
}

/** Compiles every rule; refuses them all when any is invalid, naming each bad rule by number, label and text. */
export function compilePatternRules(rules: readonly PatternRule[]): Result<CompiledRule[]> {
  const compiled: CompiledRule[] = [];
  const problems: Problem[] = [];
  rules.forEach((rule, i) => {
    const c = compilePattern(rule);
    if (c.ok) compiled.push(c.rule);
    else problems.push({ record: `rule ${i + 1}`, message: `rule ${i + 1} (${rule.labelId}, ${describePattern(rule)}): ${c.message}` });
  });
  if (problems.length > 0) return fail('invalid-input', problems.length === 1 ? `Invalid pattern: ${problems[0]!.message}` : `${problems.length} invalid patterns; none was saved.`, problems);
  return ok(compiled);
}

/** The rules a schema's labels carry (`Label.patterns`), each with its label id. */
export function schemaPatternRules(schema: { labels: ReadonlyArray<{ id: string; patterns?: readonly LabelPattern[] }> }): PatternRule[] {
  return schema.labels.flatMap((l) => (l.patterns ?? []).map((p) => ({ ...p, labelId: l.id })));
}

/**
 * Reads a patterns file: a JSON array, or JSON Lines (Prodigy's patterns
 * files), of `{ "label", "regex", "flags"? }`, `{ "label", "tokens": [...] }`
 * or Prodigy's `{ "label", "pattern": [...] }` (a token pattern) and
 * `{ "label", "pattern": "text" }` (an exact phrase: one `text` matcher per
 * token). Labels are resolved against `schema` by id or name; every rule is
 * compiled, and the file is refused, with each bad rule named, when any fails.
 */
export function parsePatternRules(text: string, schema: LabelSchema): Result<PatternRule[]> {
  const body = text.replace(/^\uFEFF/, '').trim();
  let items: Array<{ where: string; value: unknown }>;
  if (body.startsWith('[')) {
    try {
      items = (JSON.parse(body) as unknown[]).map((value, i) => ({ where: `rule ${i + 1}`, value }));
    } catch (e) {
      return fail('invalid-format', `Not valid JSON: ${(e as Error).message}`);
    }
  } else {
    items = [];
    const lines = body.split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        items.push({ where: `line ${i + 1}`, value: JSON.parse(line) });
      } catch (e) {
        return fail('invalid-format', `Line ${i + 1} is not valid JSON: ${(e as Error).message}`, [{ line: i + 1, message: (e as Error).message }]);
      }
    }
  }
  if (items.length === 0) return fail('invalid-input', 'The patterns file has no rules.');
  const rules: PatternRule[] = [];
  const problems: Problem[] = [];
  for (const { where, value } of items) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ record: where, message: `${where}: a rule is an object with “label” and “regex”, “tokens” or “pattern”` });
      continue;
    }
    const v = value as Record<string, unknown>;
    const label = typeof v.label === 'string' ? findLabel(schema, v.label) : undefined;
    if (!label) {
      problems.push({ record: where, message: `${where}: unknown label “${String(v.label)}” (labels: ${schema.labels.map((l) => l.id).join(', ')})` });
      continue;
    }
    let rule: PatternRule;
    if (typeof v.regex === 'string') rule = { labelId: label.id, regex: v.regex, ...(typeof v.flags === 'string' ? { flags: v.flags } : {}) };
    else if (Array.isArray(v.tokens) || Array.isArray(v.pattern)) rule = { labelId: label.id, tokens: (v.tokens ?? v.pattern) as TokenMatcher[] };
    else if (typeof v.pattern === 'string' && v.pattern.trim() !== '') rule = { labelId: label.id, tokens: tokenize(v.pattern).map((t) => ({ text: t.text })) };
    else {
      problems.push({ record: where, message: `${where} (${label.id}): a rule needs “regex”, “tokens” or “pattern”` });
      continue;
    }
    const c = compilePattern(rule);
    if (!c.ok) problems.push({ record: where, message: `${where} (${label.id}, ${describePattern(rule)}): ${c.message}` });
    else rules.push(rule);
  }
  if (problems.length > 0) return fail('invalid-input', problems.length === 1 ? `Invalid pattern: ${problems[0]!.message}` : `${problems.length} invalid patterns; none was read.`, problems);
  return ok(rules);
}

/** One token of a text: its characters and UTF-16 offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Splits a text into tokens: runs of letters, digits and marks, and single other characters (a whole emoji), skipping white space. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}_]+|[^\s]/gu)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}
