/**
 * The names of every method the renderer may call in the main process. The
 * preload builds its client from this list (it cannot import zod), and
 * `api.ts` checks at compile time that schemas and handlers exist for each.
 */
export const API_METHODS = [
  'getAppInfo',
  'setAuthor',
  'setKeyBindings',
  'listDocuments',
  'getDocument',
  'importTexts',
  'importFromDialog',
  'importDroppedFiles',
  'deleteDocument',
  'setStatus',
  'renameDocument',
  'openOriginal',
  'removeOriginal',
  'storeSize',
  'addAnnotations',
  'updateAnnotation',
  'deleteAnnotations',
  'undo',
  'redo',
  'getLabels',
  'saveLabels',
  'exportToDialog',
  'listBackups',
  'restoreBackup',
  'importLayerFromDialog',
  'importAnnotatedFromDialog',
  'planAnnotatedImportFromDialog',
  'applyAnnotatedImport',
  'removeLayer',
  'decide',
  'acceptAllAgreed',
  'undoReview',
  'redoReview',
  'reviewQueue',
  'decideAcross',
  'preAcceptAgreed',
  'agreement',
  'exportAgreementToDialog',
  'cancelTask',
  'addRelation',
  'deleteRelations',
  'listEntities',
  'createEntity',
  'addEntityAlias',
  'renameEntity',
  'mergeEntities',
  'splitEntity',
  'deleteEntity',
  'setEntityAliases',
  'entityHistory',
  'undoEntityChange',
  'redoEntityChange',
  'changeRelationType',
  'exportStatementsToDialog',
  'listStatements',
  'saveChart',
  'entityRows',
  'entityMentions',
  'searchLibrary',
  'tagSearchHits',
  'corpusHistory',
  'undoCorpusStep',
  'redoCorpusStep',
  'setDocumentMetadata',
  'getSuggestions',
  'acceptSuggestions',
  'rejectSuggestions',
  'importGazetteerFromDialog',
  'workspaceStatus',
  'syncWorkspace',
  'setWorkspacePassword',
] as const;

/** A method name. */
export type ApiMethod = (typeof API_METHODS)[number];

/**
 * Methods only the preload calls, never the page: their input holds file
 * paths, which the preload takes from files the analyst dropped
 * (`webUtils.getPathForFile`), so a page cannot name a file of its choosing.
 * The page reaches them through `ParleyBridge` methods that take the files.
 */
export const PRELOAD_ONLY_METHODS = ['importDroppedFiles'] as const satisfies readonly ApiMethod[];

/** A method the page calls through `window.parley.api`. */
export type PageMethod = Exclude<ApiMethod, (typeof PRELOAD_ONLY_METHODS)[number]>;

/** Whether the page's client carries `method`. */
export function isPageMethod(method: ApiMethod): method is PageMethod {
  return !(PRELOAD_ONLY_METHODS as readonly ApiMethod[]).includes(method);
}

/** The IPC channel that carries calls to `method`. */
export function channelOf(method: ApiMethod): string {
  return `parley:${method}`;
}

/** The one channel on which the main process pushes events to the renderer. */
export const EVENT_CHANNEL = 'parley:event';
