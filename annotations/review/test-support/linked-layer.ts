/**
 * Test layers with spans and links, written by quote: the spans of `author` on `text`
 * (ids differ per author, as they do between layers) and relations between them named
 * by their quotes. The author `ana` is the analyst's own layer; anyone else a colleague's.
 */
import { createAnnotation } from '../../annotation';
import type { Annotation, AnnotationLayer, Relation } from '../../model';

export const LINKED_LAYER_TIME = '2026-12-01T00:00:00.000Z';

export function linkedLayer(text: string, author: string, spans: ReadonlyArray<readonly [string, string]>, links: ReadonlyArray<readonly [string, string, string]>): AnnotationLayer {
  const now = LINKED_LAYER_TIME;
  const annotations: Annotation[] = spans.map(([exact, labelId], i) => {
    const start = text.indexOf(exact);
    const made = createAnnotation(text, { documentId: 'doc', start, end: start + exact.length, labelId, author, now, id: `ann_${author}_${i}` });
    if (!made.ok) throw new Error(made.error.message);
    return made.value;
  });
  const byQuote = (q: string) => annotations.find((a) => a.quote.exact === q)!.id;
  const relations: Relation[] = links.map(([typeId, s, t], i) => ({ id: `rel_${author}_${i}`, documentId: 'doc', typeId, sourceId: byQuote(s), targetId: byQuote(t), author, createdAt: now, updatedAt: now }));
  return { id: author === 'ana' ? 'own' : `colleague:${author}`, kind: author === 'ana' ? 'own' : 'colleague', author, annotations, relations };
}
