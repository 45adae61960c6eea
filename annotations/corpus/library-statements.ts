/**
 * The statements of a whole library: one layer of every document, in library
 * order, with each end's entity named. The statement table, the corpus view's
 * charts, `parley statements` and the export all read this one list.
 */
import type { CorpusDocument, Entity } from '../model';
import { buildStatements, type Statement } from '../statements/build-statements';

/** What `libraryStatements` reads besides the documents. */
export interface LibraryStatementOptions {
  /** The layer to read in each document (default: the analyst's own); a document without it gives no rows. */
  layerId?: string;
  /** The library's entities, to name each end's entity. */
  entities?: readonly Entity[];
}

/**
 * Every statement of `documents`, document by document in the order given,
 * each document's in reading order (see `buildStatements`). Never fails: a
 * document without the layer, or without positions, adds nothing.
 */
export function libraryStatements(documents: readonly CorpusDocument[], options: LibraryStatementOptions = {}): Statement[] {
  const statementOptions = { entities: options.entities ?? [], ...(options.layerId ? { layerId: options.layerId } : {}) };
  return documents.flatMap((doc) => buildStatements(doc, statementOptions));
}
