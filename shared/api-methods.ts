/**
 * The names of every method the renderer may call in the main process. The
 * preload builds its client from this list (it cannot import zod), and
 * `api.ts` checks at compile time that schemas and handlers exist for each.
 */
export const API_METHODS = [
  'getAppInfo',
  'setAuthor',
  'listDocuments',
  'getDocument',
  'importTexts',
  'importFromDialog',
  'deleteDocument',
  'setStatus',
  'renameDocument',
  'openOriginal',
  'removeOriginal',
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
  'changeRelationType',
  'exportStatementsToDialog',
  'listStatements',
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

/** The IPC channel that carries calls to `method`. */
export function channelOf(method: ApiMethod): string {
  return `parley:${method}`;
}

/** The one channel on which the main process pushes events to the renderer. */
export const EVENT_CHANNEL = 'parley:event';
