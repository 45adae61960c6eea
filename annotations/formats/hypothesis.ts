/**
 * The output of the Hypothesis search API, `{"total", "rows": [{"id", "uri",
 * "text", "tags", "target": [{"source", "selector": [...]}], "user",
 * "created", "updated", "document": {"title": [...]}}]}`, turned into W3C
 * shaped annotations the W3C importer reads: each tag a `tagging` body, the
 * text a `commenting` body. Replies, page notes and annotations without tags
 * have no place in Parley and are counted.
 */
import { isRecord, own } from './json-limits';

/** A row as a W3C-shaped annotation, with where it sat in the file. */
export interface HypothesisItem {
  value: Record<string, unknown>;
  path: string;
  /** The page title Hypothesis recorded, if any. */
  title?: string;
}

/** What a Hypothesis API file held: annotations Parley can read, and rows it set aside by kind. */
export interface HypothesisRows {
  items: HypothesisItem[];
  ignored: Array<{ kind: string; count: number; why: string }>;
  problems: Array<{ path: string; message: string }>;
}

/** True for a parsed value shaped like a Hypothesis API search result. */
export function isHypothesisResult(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Array.isArray(own(value, 'rows')) && !('type' in value);
}

/** Converts the rows of a Hypothesis API result. */
export function readHypothesisRows(value: Record<string, unknown>): HypothesisRows {
  const out: HypothesisRows = { items: [], ignored: [], problems: [] };
  const counts = new Map<string, { count: number; why: string }>();
  const ignore = (kind: string, why: string): void => {
    const c = counts.get(kind) ?? { count: 0, why };
    c.count++;
    counts.set(kind, c);
  };
  (own(value, 'rows') as unknown[]).forEach((row, i) => {
    const path = `$.rows[${i}]`;
    if (!isRecord(row)) return out.problems.push({ path, message: 'must be an object' });
    const references = own(row, 'references');
    if (Array.isArray(references) && references.length > 0) return ignore('Hypothesis replies', 'Parley holds spans, not discussions');
    const targets = own(row, 'target');
    const target = Array.isArray(targets) ? targets[0] : undefined;
    if (!isRecord(target) || !Array.isArray(own(target, 'selector'))) return ignore('Hypothesis page notes', 'they mark no span of the text');
    const tags = own(row, 'tags');
    const tagList = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
    if (tagList.length === 0) return ignore('Hypothesis annotations without tags', 'a Parley annotation needs a label, and Hypothesis tags are read as labels');
    const text = own(row, 'text');
    const body: unknown[] = tagList.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t }));
    if (typeof text === 'string' && text.trim() !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: text });
    const source = typeof own(target, 'source') === 'string' ? own(target, 'source') : own(row, 'uri');
    const user = own(row, 'user');
    const annotation: Record<string, unknown> = { type: 'Annotation', body, target: { source, selector: own(target, 'selector') } };
    if (typeof user === 'string') annotation['creator'] = user.replace(/^acct:/, '');
    if (typeof own(row, 'created') === 'string') annotation['created'] = own(row, 'created');
    if (typeof own(row, 'updated') === 'string') annotation['modified'] = own(row, 'updated');
    const document = own(row, 'document');
    const titles = isRecord(document) ? own(document, 'title') : undefined;
    const title = Array.isArray(titles) && typeof titles[0] === 'string' ? titles[0] : undefined;
    out.items.push({ value: annotation, path, ...(title ? { title } : {}) });
  });
  for (const [kind, c] of counts) out.ignored.push({ kind, count: c.count, why: c.why });
  return out;
}
