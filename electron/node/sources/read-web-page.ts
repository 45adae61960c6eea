/**
 * A web page saved from a browser: the article body found by Readability
 * (Firefox's reader view) over a linkedom DOM, reduced to text by the same
 * rules as any HTML article (`annotations/import/html-text.ts`), and the
 * page's metadata from its meta tags and JSON-LD. When Readability finds no
 * article (a short page, a list), the whole page's readable text is taken as
 * before. Nothing in the page is run or fetched: linkedom builds a DOM only.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../../../annotations/import/html-text';
import { fail, ok, type Result } from '../../../annotations/result';
import type { SourceMetadata, SourceText } from './source-text';

/** Fewest characters Readability's article must hold to be preferred to the whole page's text. */
const MIN_ARTICLE_CHARS = 200;

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

/** The page's own metadata: headline, byline, publication date, outlet, canonical address. */
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
  const { title, metadata } = pageMetadata(html, locationHint);
  let text = '';
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document, { charThreshold: MIN_ARTICLE_CHARS }).parse();
    if (article?.content) {
      text = htmlToText(`<html><body>${article.content}</body></html>`).text;
      if (!metadata.author && clean(article.byline)) metadata.author = clean(article.byline)!.replace(/^by\s+/iu, '');
      if (!metadata.outlet && clean(article.siteName)) metadata.outlet = clean(article.siteName)!;
    }
  } catch {
    text = '';
  }
  if (text.replace(/\s+/gu, '').length < MIN_ARTICLE_CHARS) {
    // No article found: the whole page's text, by the hand rules.
    const whole = htmlToText(html).text;
    if (whole.trim().length > text.trim().length) text = whole;
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return fail('invalid-format', `${name}: the page has no readable text`);
  // A headline Readability leaves at the top of the body is kept; the title is the page's own either way.
  return ok({ kind, title: title || htmlToText(html).title, text, metadata });
}
