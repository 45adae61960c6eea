/**
 * Importing source files (PDF, Word, saved pages) into a store, for the app's
 * handlers and the command line alike: each file read (in a worker, by the
 * caller) becomes a document carrying its metadata, its pages and the sha256
 * of its original; the same file imported again, or the same text, is
 * recognised as the document already there; the originals are kept in the
 * store beside the documents. All or nothing: when the documents cannot be
 * added, the originals written for them are removed again.
 */
import { createDocument } from '../../../annotations/document';
import { OWN_LAYER_ID, type CorpusDocument, type ParleyDocument } from '../../../annotations/model';
import { ok, type Problem, type Result } from '../../../annotations/result';
import type { ProgressControl } from '../../../annotations/formats/format';
import type { DocumentSummary } from '../../../shared/library';
import type { ParleyStore } from '../store/parley-store';
import { OriginalFiles, sha256Of } from './original-files';
import type { SourceText } from './source-text';

/** A source file as read from disk or dropped on the window. */
export interface SourceInput {
  /** Its name as shown (`report.pdf`, or a path the analyst typed). */
  name: string;
  /** Its path relative to the folder given (`/` between folders), kept as the document's `originalPath`. */
  relative: string;
  bytes: Uint8Array;
}

/** Documents to add, files already in the library, and files that could not be read. */
export interface SourceImportPlan {
  docs: CorpusDocument[];
  /** Originals to keep, one per document added. */
  originals: Array<{ name: string; bytes: Uint8Array }>;
  duplicates: Array<{ name: string; existingId: string }>;
  problems: Problem[];
}

/** The document a source's text becomes. */
export function sourceDocument(input: SourceInput, read: SourceText, originalSha256: string, now: string): ParleyDocument {
  const document: ParleyDocument = {
    ...createDocument({ title: read.title, source: input.name, originalPath: input.relative, text: read.text, now }),
    originalSha256,
    originalName: input.relative.slice(input.relative.lastIndexOf('/') + 1),
  };
  if (Object.keys(read.metadata).length > 0) document.metadata = { ...read.metadata };
  if (read.pages) document.pages = read.pages.map((p) => ({ start: p.start, end: p.end }));
  return document;
}

/**
 * Plans an import: pairs each input with what reading it gave, and leaves
 * out a file whose original (by sha256) or whose text (by checksum) a
 * document of the library, or an earlier file of the same import, already
 * has.
 */
export function planSourceImport(
  inputs: readonly SourceInput[],
  reads: ReadonlyArray<Result<SourceText>>,
  library: { documents: ReadonlyArray<{ id: string; sha256: string }>; originalOf: (documentId: string) => string | undefined },
  options: { author: string; now: string },
): SourceImportPlan {
  const byText = new Map(library.documents.map((d) => [d.sha256, d.id]));
  const byOriginal = new Map<string, string>();
  for (const d of library.documents) {
    const original = library.originalOf(d.id);
    if (original) byOriginal.set(original, d.id);
  }
  const plan: SourceImportPlan = { docs: [], originals: [], duplicates: [], problems: [] };
  for (const [i, input] of inputs.entries()) {
    const read = reads[i];
    if (!read || !read.ok) {
      plan.problems.push({ file: input.name, message: read ? read.error.message : `${input.name} was not read` });
      continue;
    }
    const originalSha256 = sha256Of(input.bytes);
    const document = sourceDocument(input, read.value, originalSha256, options.now);
    const existing = byOriginal.get(originalSha256) ?? byText.get(document.sha256);
    if (existing) {
      plan.duplicates.push({ name: input.name, existingId: existing });
      continue;
    }
    byOriginal.set(originalSha256, document.id);
    byText.set(document.sha256, document.id);
    plan.docs.push({ document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: options.author, annotations: [] }], decisions: [] });
    plan.originals.push({ name: input.relative, bytes: input.bytes });
  }
  return plan;
}

/** The sha256 of the original a stored document was extracted from, if any. */
export function storedOriginalOf(store: ParleyStore): (documentId: string) => string | undefined {
  return (documentId) => {
    const view = store.getDocument(documentId);
    return view.ok ? view.value.document.originalSha256 : undefined;
  };
}

/**
 * Keeps the plan's originals, then adds its documents (after `alongside`,
 * documents of the same import from plain articles). When the documents
 * cannot be added (or the import is cancelled), the originals written for
 * them are removed, so the store is as it was.
 */
export async function commitSourceImport(store: ParleyStore, plan: SourceImportPlan, control: ProgressControl = {}, alongside: readonly CorpusDocument[] = []): Promise<Result<DocumentSummary[]>> {
  if (plan.docs.length === 0 && alongside.length === 0) return ok([]);
  const originals = new OriginalFiles(store.dir);
  const before = new Set((await originals.list()).map((e) => e.sha256));
  const written: string[] = [];
  const undo = async () => {
    for (const sha of written) await originals.remove(sha);
  };
  for (const original of plan.originals) {
    const kept = await originals.put(original.name, original.bytes);
    if (!kept.ok) {
      await undo();
      return kept;
    }
    if (!before.has(kept.value)) written.push(kept.value);
  }
  const added = await store.addDocuments([...alongside, ...plan.docs], control);
  if (!added.ok) {
    await undo();
    return added;
  }
  return added;
}

