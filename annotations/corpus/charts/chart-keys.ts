/**
 * How the corpus charts name the ends of statements: one key per actor,
 * target or position, so that mentions of one entity across documents count
 * as one node, lane, row or column.
 */
import type { StatementSpan } from '../../statements/build-statements';

/** One statement end as a chart sees it: its key, the name to show, and its label. */
export interface ChartEnd {
  /** `entity:<id>` when the span is linked to an entity, else `text:<normalised text>`. */
  key: string;
  /** The entity's name, else the span's text as first seen (whitespace collapsed). */
  name: string;
  labelId: string;
}

/** Names already normalised: a library repeats the same few hundred names thousands of times. Emptied when it grows past `CACHE_LIMIT`. */
const normalised = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Text compared case- and width-insensitively: NFKC, lower case, runs of whitespace as one space, trimmed. */
export function normaliseName(text: string): string {
  let found = normalised.get(text);
  if (found === undefined) {
    // Printable ASCII is its own NFKC form; skipping the call is most of the cost saved.
    const folded = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC');
    found = folded.toLowerCase().replace(/\s+/gu, ' ').trim();
    if (normalised.size >= CACHE_LIMIT) normalised.clear();
    normalised.set(text, found);
  }
  return found;
}

/**
 * The chart end of a span: keyed by its entity when linked, else by its
 * normalised text. A span whose text is only whitespace is keyed by its empty
 * text and named "(blank)", never dropped.
 */
export function chartEnd(span: StatementSpan): ChartEnd {
  if (span.entityId !== undefined) return { key: `entity:${span.entityId}`, name: span.entityName ?? displayName(span.text), labelId: span.labelId };
  let named = textEnds.get(span.text);
  if (named === undefined) {
    named = { key: `text:${normaliseName(span.text)}`, name: displayName(span.text) };
    if (textEnds.size >= CACHE_LIMIT) textEnds.clear();
    textEnds.set(span.text, named);
  }
  return { key: named.key, name: named.name, labelId: span.labelId };
}

/** Keys and names of unlinked spans by their text (see `normalised`). */
const textEnds = new Map<string, { key: string; name: string }>();

function displayName(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  return collapsed === '' ? '(blank)' : collapsed;
}

/**
 * The binary qualifier of the Discourse Network Analyzer ("agreement"), read
 * from a statement's stance: `supports`, `proposes` and `demands` agree with
 * the position, `opposes` disagrees; `neutral`, another stance or none takes
 * no side (such statements join the two-mode network as neutral edges but
 * never make a congruence or conflict tie).
 */
export type Side = 'agree' | 'disagree';

/** The side a stance takes (see `Side`), or undefined for none. */
export function stanceSide(stance: string | undefined): Side | undefined {
  if (stance === 'supports' || stance === 'proposes' || stance === 'demands') return 'agree';
  if (stance === 'opposes') return 'disagree';
  return undefined;
}

/** The key a statement without a stance is counted under. */
export const NO_STANCE = 'none';
