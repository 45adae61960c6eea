/**
 * The corpus view's data (issue 14): the library's statements and entity
 * mentions, search across the library (the index lives here, in the main
 * process, and is brought up to date before each query), and tagging search
 * hits across documents as one undoable step.
 */
import { libraryMentions } from '../../../annotations/corpus/library-entities';
import { LibrarySearch } from '../../../annotations/corpus/library-search';
import { libraryStatements } from '../../../annotations/corpus/library-statements';
import { ok } from '../../../annotations/result';
import { CorpusSteps } from '../../node/corpus/corpus-steps';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

type CorpusMethods = 'listStatements' | 'listEntityMentions' | 'searchLibrary' | 'tagSearchHits' | 'corpusHistory' | 'undoCorpusStep' | 'redoCorpusStep';

/** Handlers of the corpus view. */
export function createCorpusHandlers({ store, settings, now }: HandlerContext): Pick<ApiHandlers, CorpusMethods> {
  const search = new LibrarySearch();
  const steps = new CorpusSteps(store, () => settings.author(), now);
  return {
    async listStatements({ layerId, documentIds }) {
      const corpus = store.exportCorpus(documentIds);
      return ok(libraryStatements(corpus.documents, { entities: store.listEntities(), ...(layerId ? { layerId } : {}) }));
    },

    async listEntityMentions() {
      return ok(libraryMentions(store.exportCorpus().documents, store.getLabels(), store.listEntities()));
    },

    async searchLibrary(query) {
      search.sync(
        store.listDocuments().map((d) => ({ id: d.id, version: d.updatedAt })),
        (id) => {
          const view = store.getDocument(id);
          return view.ok ? view.value : undefined;
        },
      );
      return ok(search.search(query));
    },

    async tagSearchHits({ labelId, hits }) {
      return steps.tag(hits, labelId);
    },

    async corpusHistory() {
      return ok(steps.state());
    },

    undoCorpusStep: () => steps.undo(),
    redoCorpusStep: () => steps.redo(),
  };
}
