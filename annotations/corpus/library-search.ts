/**
 * Search across the library (issue 14): an in-process MiniSearch index of
 * every document's title, text and own-layer notes finds the documents that
 * hold each term (a word's beginning, any case); the hits themselves are then
 * found in those documents' text with exact UTF-16 offsets and shown in
 * context with the tags over them. The index is kept up to date one document
 * at a time (`sync`), never rebuilt per query.
 */
import MiniSearch from 'minisearch';
import { parseDateValue } from '../dates/date-value';
import { OWN_LAYER_ID, type Annotation, type AnnotationLayer, type ParleyDocument } from '../model';
import { keywordInContext, type KeywordInContext } from './keyword-in-context';
import { normaliseTerm, searchTerms } from './search-terms';

/** A document as the search reads it. */
export interface SearchableDocument {
  document: ParleyDocument;
  layers: readonly AnnotationLayer[];
}

/** What to find, and where. Absent filters let everything through. */
export interface LibrarySearchQuery {
  /** Words to find, in this order, each at a word's beginning (any case); white space matches any white space. */
  text: string;
  /** Only hits that overlap a span of this label (own layer). */
  labelId?: string;
  /** Only documents with a span linked to this entity (own layer). */
  entityId?: string;
  /** Only documents published on or after this day (YYYY-MM-DD); documents without a date are left out when a range is given. */
  from?: string;
  /** Only documents published on or before this day. */
  to?: string;
  /** Only documents from this outlet (any case). */
  outlet?: string;
  /** Most hits returned (default 1,000); `total` still counts them all. */
  limit?: number;
}

/** An own-layer span over a hit. */
export interface SearchHitTag {
  annotationId: string;
  labelId: string;
  entityId?: string;
  start: number;
  end: number;
}

/** One hit: in a document's text (taggable) or in a span's note. */
export interface LibrarySearchHit {
  documentId: string;
  documentTitle: string;
  where: 'text' | 'note';
  /** For a hit in a note, the span whose note it is. */
  annotationId?: string;
  /** UTF-16 offsets, end exclusive, in the text (or in the note). */
  start: number;
  end: number;
  context: KeywordInContext;
  /** Own-layer spans that overlap the hit, in reading order (for a note: its span). */
  tags: SearchHitTag[];
}

/** The answer to a query. */
export interface LibrarySearchResult {
  hits: LibrarySearchHit[];
  /** Every hit, including those past the limit. */
  total: number;
  /** Documents with at least one hit. */
  documents: number;
  truncated: boolean;
}

/** Most hits a query returns unless it asks for fewer. */
export const DEFAULT_HIT_LIMIT = 1_000;

interface Indexed {
  version: string;
  doc: SearchableDocument;
  order: number;
}

interface IndexEntry {
  id: string;
  title: string;
  text: string;
  notes: string;
}

function ownLayer(doc: SearchableDocument): readonly Annotation[] {
  return doc.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [];
}

function entryOf(doc: SearchableDocument): IndexEntry {
  const notes = ownLayer(doc).flatMap((a) => (a.note ? [a.note] : []));
  return { id: doc.document.id, title: doc.document.title, text: doc.document.text, notes: notes.join('\n') };
}

/** The pattern of a query: its words escaped, white space matching any white space, and a word's beginning required when it starts with a letter or digit. */
export function queryPattern(text: string): RegExp | null {
  const trimmed = text.trim().normalize('NFC');
  if (trimmed === '') return null;
  const body = trimmed
    .split(/\s+/u)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const wordStart = /^[\p{L}\p{N}]/u.test(trimmed) ? '(?<![\\p{L}\\p{N}\\p{M}])' : '';
  return new RegExp(wordStart + body, 'giu');
}

function publishedDay(doc: ParleyDocument): string | undefined {
  const value = doc.metadata?.publishedAt;
  if (!value) return undefined;
  const parsed = parseDateValue(/^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value);
  return parsed.ok ? parsed.value.start : undefined;
}

function tagOf(a: Annotation): SearchHitTag {
  const tag: SearchHitTag = { annotationId: a.id, labelId: a.labelId, start: a.start, end: a.end };
  if (a.entityId !== undefined) tag.entityId = a.entityId;
  return tag;
}

/** An index of the library's documents, brought up to date by `sync` and asked by `search`. */
export class LibrarySearch {
  private readonly index = new MiniSearch<IndexEntry>({
    fields: ['title', 'text', 'notes'],
    tokenize: searchTerms,
    processTerm: normaliseTerm,
    searchOptions: { prefix: true, combineWith: 'AND' },
  });
  private readonly docs = new Map<string, Indexed>();

  /** How many documents are indexed. */
  get size(): number {
    return this.docs.size;
  }

  /**
   * Brings the index up to date with the library: `entries` are every
   * document's id and a version that changes whenever the document or its
   * layers do (its `updatedAt`), in library order. Documents gone are
   * dropped, new or changed ones (read with `read`) indexed again; the rest
   * are left alone. Returns how many documents were (re)indexed.
   */
  sync(entries: ReadonlyArray<{ id: string; version: string }>, read: (id: string) => SearchableDocument | undefined): number {
    const live = new Set(entries.map((e) => e.id));
    for (const id of [...this.docs.keys()]) {
      if (!live.has(id)) {
        this.index.discard(id);
        this.docs.delete(id);
      }
    }
    let changed = 0;
    entries.forEach((entry, order) => {
      const known = this.docs.get(entry.id);
      if (known && known.version === entry.version) {
        known.order = order;
        return;
      }
      const doc = read(entry.id);
      if (!doc) return;
      if (known) this.index.replace(entryOf(doc));
      else this.index.add(entryOf(doc));
      this.docs.set(entry.id, { version: entry.version, doc, order });
      changed += 1;
    });
    return changed;
  }

  /** The hits of `query` in library order, then text order (text hits before note hits). A query with no words or signs finds nothing. */
  search(query: LibrarySearchQuery): LibrarySearchResult {
    const pattern = queryPattern(query.text);
    const limit = query.limit ?? DEFAULT_HIT_LIMIT;
    const result: LibrarySearchResult = { hits: [], total: 0, documents: 0, truncated: false };
    if (!pattern) return result;
    const terms = searchTerms(query.text);
    const candidates = terms.length === 0 ? [...this.docs.values()] : this.index.search(terms.join(' ')).flatMap((r) => this.docs.get(r.id as string) ?? []);
    candidates.sort((a, b) => a.order - b.order);
    const outlet = query.outlet?.trim().toLowerCase();
    for (const { doc } of candidates) {
      const day = publishedDay(doc.document);
      if ((query.from || query.to) && (!day || (query.from && day < query.from) || (query.to && day > query.to))) continue;
      if (outlet && doc.document.metadata?.outlet?.trim().toLowerCase() !== outlet) continue;
      const own = ownLayer(doc);
      if (query.entityId !== undefined && !own.some((a) => a.entityId === query.entityId)) continue;
      const found = this.hitsIn(doc, own, pattern, query.labelId, result.hits, limit);
      if (found === 0) continue;
      result.documents += 1;
      result.total += found;
    }
    result.truncated = result.total > result.hits.length;
    return result;
  }

  /** Counts the hits in one document; those that fit under `limit` are added to `into` with their context (the rest are only counted). */
  private hitsIn(doc: SearchableDocument, own: readonly Annotation[], pattern: RegExp, labelId: string | undefined, into: LibrarySearchHit[], limit: number): number {
    const { id: documentId, title: documentTitle, text } = doc.document;
    let found = 0;
    const sorted = [...own].sort((a, b) => a.start - b.start || a.end - b.end);
    const over = (start: number, end: number) => {
      const spans: Annotation[] = [];
      for (const a of sorted) {
        if (a.start >= end) break;
        if (a.end > start) spans.push(a);
      }
      return spans;
    };
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start) continue;
      const tags = labelId !== undefined || into.length < limit ? over(start, end) : [];
      if (labelId !== undefined && !tags.some((a) => a.labelId === labelId)) continue;
      found += 1;
      if (into.length < limit) into.push({ documentId, documentTitle, where: 'text', start, end, context: keywordInContext(text, start, end), tags: tags.map(tagOf) });
    }
    for (const a of sorted) {
      if (!a.note || (labelId !== undefined && a.labelId !== labelId)) continue;
      for (const match of a.note.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (end === start) continue;
        found += 1;
        if (into.length < limit) into.push({ documentId, documentTitle, where: 'note', annotationId: a.id, start, end, context: keywordInContext(a.note, start, end), tags: [tagOf(a)] });
      }
    }
    return found;
  }
}
