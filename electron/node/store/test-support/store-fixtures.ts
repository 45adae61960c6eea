/** Helpers for store tests: temporary folders, documents and annotations. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAnnotation } from '../../../../annotations/annotation';
import { createDocument } from '../../../../annotations/document';
import { OWN_LAYER_ID, type Annotation, type CorpusDocument } from '../../../../annotations/model';

/** A fresh temporary folder; remove it with `removeTempDir`. */
export function makeTempDir(prefix = 'parley-store-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Removes a temporary folder and everything in it. */
export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** A document with an empty own layer. */
export function makeDocument(id: string, text = `Seoul and Washington met on 26 April 2023 to discuss ${id}.`, title = `Document ${id}`): CorpusDocument {
  return {
    document: createDocument({ id, title, source: 'test', text, now: '2024-01-01T00:00:00.000Z' }),
    layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'tester', annotations: [] }],
    decisions: [],
  };
}

/** An annotation on `doc`'s text; throws on an invalid span (a bug in the test). */
export function makeAnnotation(doc: CorpusDocument, start: number, end: number, labelId = 'actor', id?: string): Annotation {
  const created = createAnnotation(doc.document.text, { documentId: doc.document.id, start, end, labelId, author: 'tester', now: '2024-01-01T00:00:00.000Z', id });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** A text of `length` characters made of words, for large documents. */
export function longText(length: number): string {
  const words = ['Seoul', 'Washington', 'envoy', 'summit', 'declaration', 'group', 'sanctions', 'policy'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${words[i % words.length]} `;
  return text.slice(0, length);
}
