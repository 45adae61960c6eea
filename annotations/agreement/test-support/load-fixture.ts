/** Loads an agreement fixture (test-fixtures/*.json) as engine input. Test-only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../model';
import type { AgreementDocument, AnnotatorDocuments } from '../agreement-input';

/** Directory of the committed fixtures and reference values. */
export const FIXTURE_DIR = join(__dirname, '..', 'test-fixtures');

interface FixtureFile {
  description: string;
  annotators: string[];
  documents: Array<{ id: string; title: string; text: string; annotations: Record<string, Array<[number, number, string, string]>> }>;
}

/** Annotations from compact `[start, end, label, quote]` rows. */
export function annotationsFrom(documentId: string, author: string, rows: ReadonlyArray<readonly [number, number, string, string?]>): Annotation[] {
  return rows.map(([start, end, labelId, quote], i) => ({
    id: `${author}-${documentId}-${i}`,
    documentId,
    start,
    end,
    quote: { exact: quote ?? '', prefix: '', suffix: '' },
    labelId,
    author,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  }));
}

/** The fixture `file` as one `AnnotatorDocuments` per annotator. */
export function loadFixture(file: string): AnnotatorDocuments[] {
  const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as FixtureFile;
  return fixture.annotators.map((annotator) => {
    const documents = new Map<string, AgreementDocument>();
    for (const doc of fixture.documents) {
      const rows = doc.annotations[annotator];
      if (rows) documents.set(doc.id, { text: doc.text, title: doc.title, annotations: annotationsFrom(doc.id, annotator, rows) });
    }
    return { annotator, documents };
  });
}

/** Every fixture file name except the reference values. */
export function fixtureNames(): string[] {
  const reference = JSON.parse(readFileSync(join(FIXTURE_DIR, 'reference-values.json'), 'utf8')) as Record<string, unknown>;
  return Object.keys(reference);
}
