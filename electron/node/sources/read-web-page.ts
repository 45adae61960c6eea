/**
 * A web page saved from a browser: the article body found by Readability
 * (Firefox's reader view) over a linkedom DOM, reduced to text by the same
 * rules as any HTML article (`annotations/import/html-text.ts`), and the
 * page's metadata from its meta tags and JSON-LD. When Readability finds no
 * article (a short page, a list), the whole page's readable text is taken as
 * before, and so does a page nested more than `MAX_DOM_DEPTH` deep (its meta
 * tags are still read). Nothing in the page is run or fetched: linkedom
 * builds a DOM only.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../../../annotations/import/html-text';
import { fail, ok, type Result } from '../../../annotations/result';
import type { SourceMetadata, SourceText } from './source-text';

/** Fewest characters Readability's article must hold to be preferred to the whole page's text. */
const MIN_ARTICLE_CHARS = 200;

/** Deepest nesting of elements handed to the DOM: deeper pages (no real article nests 400 deep) overflow its recursion, so they get the hand rules. */
export const MAX_DOM_DEPTH = 400;

/** Most elements Readability looks at; a bigger page gets the hand rules. */
const MAX_DOM_ELEMENTS = 200_000;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** How deep the page's elements nest, counted from its tags alone (comments and scripts included, which can only overcount). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/gu)) {
    const name = m[2]!.toLowerCase();
    if (VOID_ELEMENTS.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

/** The page's head (where meta tags are) when it is shallow enough for a DOM, else nothing. */
function headOf(html: string): string {
  const end = html.search(/<\/head\s*>/iu);
  const head = end === -1 ? '' : html.slice(0, end);
  return nestingDepth(head) > MAX_DOM_DEPTH ? '' : head;
}

interface MetaDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/gu, ' ').trim();
  return text ? text : undefined;
}

function meta(doc: MetaDocument, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = clean(doc.querySelector(`meta[property="${key}"]`)?.getAttribute('content')) ?? clean(doc.querySelector(`meta[name="${key}"]`)?.getAttribute('content'));
    if (value) return value;
  }
  return undefined;
}

/** The page's NewsArticle-like JSON-LD object (headline, datePublished, author, publisher), if any. */
function jsonLd(doc: MetaDocument): Record<string, unknown> | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const candidates = Array.isArray(parsed) ? parsed : [parsed, ...((parsed as { '@graph'?: unknown[] })?.['@graph'] ?? [])];
    for (const c of candidates) {
      if (c && typeof c === 'object' && ('headline' in c || 'datePublished' in c)) return c as Record<string, unknown>;
    }
  }
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return clean(value.map(nameOf).filter(Boolean).join(', '));
  if (value && typeof value === 'object' && 'name' in value) return nameOf((value as { name: unknown }).name);
  return undefined;
}

/** An ISO 8601 date or date-time, or undefined for anything else. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/u.exec(value.trim());
  return m ? m[0].replace(' ', 'T') : undefined;
}

/** The page's own metadata: headline, byline, publication date, outlet, canonical address. `html` must be shallow enough for a DOM (see `MAX_DOM_DEPTH`). */
export function pageMetadata(html: string, locationHint?: string): { title: string; metadata: SourceMetadata } {
  const { document } = parseHTML(html);
  const doc = document as unknown as MetaDocument;
  const ld = jsonLd(doc);
  const metadata: SourceMetadata = {};
  const url = clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta(doc, 'og:url') ?? clean(locationHint);
  if (url && /^https?:\/\//iu.test(url)) metadata.url = url;
  const outlet = meta(doc, 'og:site_name', 'application-name') ?? nameOf(ld?.publisher);
  if (outlet) metadata.outlet = outlet;
  const author = meta(doc, 'author', 'article:author', 'byl', 'dc.creator', 'sailthru.author') ?? nameOf(ld?.author);
  if (author && !/^https?:\/\//iu.test(author)) metadata.author = author.replace(/^by\s+/iu, '');
  const published = isoDate(meta(doc, 'article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued', 'pubdate') ?? (typeof ld?.datePublished === 'string' ? ld.datePublished : undefined));
  if (published) metadata.publishedAt = published;
  const title = meta(doc, 'og:title', 'twitter:title') ?? (typeof ld?.headline === 'string' ? clean(ld.headline) : undefined) ?? clean(doc.querySelector('h1')?.textContent) ?? clean(doc.querySelector('title')?.textContent) ?? '';
  return { title, metadata };
}

/**
 * Reads a saved page's article and metadata. Fails with `invalid-format`
 * when the page has no readable text.
 */
export function readWebPage(name: string, html: string, kind: 'html' | 'mhtml' = 'html', locationHint?: string): Result<SourceText> {
  const deep = nestingDepth(html) > MAX_DOM_DEPTH;
  const { title, metadata } = pageMetadata(deep ? `${headOf(html)}</head><body></body></html>` : html, locationHint);
  let text = '';
  try {
    if (deep) throw new RangeError('nested too deep for a DOM');
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document, { charThreshold: MIN_ARTICLE_CHARS, maxElemsToParse: MAX_DOM_ELEMENTS }).parse();
    if (article?.content) {
      text = htmlToText(`<html><body>${article.content}</body></html>`).text;
      if (!metadata.author && clean(article.byline)) metadata.author = clean(article.byline)!.replace(/^by\s+/iu, '');
      if (!metadata.outlet && clean(article.siteName)) metadata.outlet = clean(article.siteName)!;
    }
  } catch {
    text = '';
  }
  let handTitle: string | undefined;
  if (text.replace(/\s+/gu, '').length < MIN_ARTICLE_CHARS) {
    // No article found: the whole page's text, by the hand rules.
    const whole = htmlToText(html);
    handTitle = whole.title;
    if (whole.text.trim().length > text.trim().length) text = whole.text;
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return fail('invalid-format', `${name}: the page has no readable text`);
  return ok({ kind, title: title || (handTitle ?? htmlToText(html).title), text, metadata });
}
