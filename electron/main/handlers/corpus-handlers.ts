/**
 * The corpus view's data (issue 14): the library's statements and the
 * entities table, search across the library (the index lives here, in the
 * main process, and is brought up to date before each query), and tagging
 * search hits across documents as one undoable step. What is computed per
 * document is kept until that document changes.
 */
import { entityRows, libraryMentions, summariseRow, type EntityFilter, type EntityMention } from '../../../annotations/corpus/library-entities';
import { LibrarySearch } from '../../../annotations/corpus/library-search';
import { libraryStatements } from '../../../annotations/corpus/library-statements';
import { PerDocumentCache, type DocumentVersion } from '../../../annotations/corpus/per-document-cache';
import type { CorpusDocument } from '../../../annotations/model';
import type { Statement } from '../../../annotations/statements/build-statements';
import { ok } from '../../../annotations/result';
import { CorpusSteps } from '../../node/corpus/corpus-steps';
import type { DocumentSummary } from '../../../shared/library';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

type CorpusMethods = 'listStatements' | 'entityRows' | 'entityMentions' | 'searchLibrary' | 'tagSearchHits' | 'corpusHistory' | 'undoCorpusStep' | 'redoCorpusStep';

/** Rows of the entities table sent unless the call asks for another number. */
const ENTITY_ROW_LIMIT = 300;

/** Handlers of the corpus view. */
export function createCorpusHandlers({ store, settings, now }: HandlerContext): Pick<ApiHandlers, CorpusMethods> {
  const search = new LibrarySearch();
  const steps = new CorpusSteps(store, () => settings.author(), now);
  const statements = new PerDocumentCache<Statement[]>();
  const mentions = new PerDocumentCache<EntityMention[]>();

  /** Every document (or those asked for) with a version that changes with it, its layers, and `context` (a layer, the entities). */
  const versions = (context: string, documentIds?: readonly string[], listed: readonly DocumentSummary[] = store.listDocuments()): DocumentVersion[] => {
    const wanted = documentIds ? new Set(documentIds) : null;
    return listed
      .filter((d) => !wanted || wanted.has(d.id))
      .map((d) => ({ id: d.id, version: `${d.updatedAt}|${d.status}|${d.layers.map((l) => `${l.id}:${l.count}`).join(',')}|${context}` }));
  };
  /** Reads documents by id for one request: the library's documents are listed once, on the first document asked for. */
  const documentReader = () => {
    let byId: Map<string, CorpusDocument> | null = null;
    return (id: string) => (byId ??= new Map(store.exportCorpus().documents.map((d) => [d.document.id, d]))).get(id);
  };
  const libraryMentionsNow = (listed: readonly DocumentSummary[]): EntityMention[] => {
    const entities = store.listEntities();
    const labels = store.getLabels();
    const context = JSON.stringify([entities, labels.relationTypes ?? []]);
    const corpusDocument = documentReader();
    return mentions.collect(versions(context, undefined, listed), (id) => {
      const doc = corpusDocument(id);
      return doc ? libraryMentions([doc], labels, entities) : undefined;
    }).flat();
  };
  /** The rows of the entities table, reading the library's list once. */
  const rowsOf = (filter: EntityFilter) => {
    const listed = store.listDocuments();
    const statuses = new Map(listed.map((d) => [d.id, d.status]));
    return entityRows(libraryMentionsNow(listed), store.listEntities(), filter, (id) => statuses.get(id));
  };

  return {
    async listStatements({ layerId, documentIds }) {
      const entities = store.listEntities();
      const context = `${layerId ?? ''}|${JSON.stringify(entities)}`;
      const corpusDocument = documentReader();
      const found = statements.collect(versions(context, documentIds), (id) => {
        const doc = corpusDocument(id);
        return doc ? libraryStatements([doc], { entities, ...(layerId ? { layerId } : {}) }) : undefined;
      });
      return ok(found.flat());
    },

    async entityRows({ filter, limit }) {
      const rows = rowsOf(filter as EntityFilter);
      return ok({ rows: rows.slice(0, limit ?? ENTITY_ROW_LIMIT).map(summariseRow), total: rows.length });
    },

    async entityMentions({ key, filter }) {
      const row = rowsOf(filter as EntityFilter).find((r) => r.key === key);
      return ok(row?.mentions ?? []);
    },

    async searchLibrary(query) {
      search.sync(
        versions('').map(({ id, version }) => ({ id, version })),
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
