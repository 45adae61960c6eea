/**
 * The main process's implementation of the API, one group of handlers per
 * concern, each a thin layer over the store and the engine. Inputs arrive
 * already checked against their schemas.
 */
import type { ApiHandlers } from '../ipc/register-api';
import { createAgreementHandlers } from './agreement-handlers';
import { createAnnotatedImportHandlers } from './annotated-import-handlers';
import { createAnnotationHandlers } from './annotation-handlers';
import { createChartHandlers } from './chart-handlers';
import { createCorpusHandlers } from './corpus-handlers';
import { createExportHandlers } from './export-handlers';
import { handlerContext, type HandlerDeps } from './handler-deps';
import { createLabelHandlers } from './label-handlers';
import { createLibraryHandlers } from './library-handlers';
import { createWorkspaceHandlers } from './workspace-handlers';
import { createReviewHandlers } from './review-handlers';
import { createEntityHandlers } from './entity-handlers';
import { createRelationHandlers } from './relation-handlers';
import { createSuggestionHandlers } from './suggestion-handlers';
import { createSourceHandlers } from './source-handlers';

export type { HandlerDeps } from './handler-deps';

/** Builds every handler of the API over one store. */
export function createHandlers(deps: HandlerDeps): ApiHandlers {
  const context = handlerContext(deps);
  return {
    ...createLibraryHandlers(context),
    ...createWorkspaceHandlers(context),
    ...createAnnotationHandlers(context),
    ...createLabelHandlers(context),
    ...createExportHandlers(context),
    ...createAnnotatedImportHandlers(context),
    ...createReviewHandlers(context),
    ...createAgreementHandlers(context),
    ...createRelationHandlers(context),
    ...createEntityHandlers(context),
    ...createSuggestionHandlers(context),
    ...createSourceHandlers(context),
    ...createCorpusHandlers(context),
    ...createChartHandlers(context),
  };
}
