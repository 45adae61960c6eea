/** The corpus view's data (issue 14): the library's statements, read in one call. */
import { libraryStatements } from '../../../annotations/corpus/library-statements';
import { ok } from '../../../annotations/result';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

/** Handlers of the corpus view. */
export function createCorpusHandlers({ store }: HandlerContext): Pick<ApiHandlers, 'listStatements'> {
  return {
    async listStatements({ layerId, documentIds }) {
      const corpus = store.exportCorpus(documentIds);
      return ok(libraryStatements(corpus.documents, { entities: store.listEntities(), ...(layerId ? { layerId } : {}) }));
    },
  };
}
