/**
 * The parts of the window the library does not show, each in its own chunk so the window loads
 * only the library's code before it asks for the list. `preloadLazyParts` fetches them once the
 * library is shown, the reader (CodeMirror and the date parser with it) first: the first document
 * opens then, and its chunk arrives while that document is on its way. Fetched earlier, beside the
 * list's calls, its evaluation took the main thread while the list's answer waited (in paired runs
 * the 1,000-row list was painted about 90 ms later).
 */
import { lazyPart } from '../ui/lazy-part';

export const Reader = lazyPart(() => import('../reader/reader').then((m) => m.Reader));

export const CorpusView = lazyPart(() => import('../corpus/corpus-view').then((m) => m.CorpusView));
export const AgreementView = lazyPart(() => import('../agreement/agreement-view').then((m) => m.AgreementView));
export const ReviewMode = lazyPart(() => import('../review/review-mode').then((m) => m.ReviewMode));
export const ExportDialog = lazyPart(() => import('./export-dialog').then((m) => m.ExportDialog));
export const LoadLayerDialog = lazyPart(() => import('../review/load-layer-dialog').then((m) => m.LoadLayerDialog));
export const LabelEditorDialog = lazyPart(() => import('../labels/label-editor-dialog').then((m) => m.LabelEditorDialog));
export const KeySettingsDialog = lazyPart(() => import('../reader/key-settings-dialog').then((m) => m.KeySettingsDialog));
export const EntitiesDialog = lazyPart(() => import('../statements/entities-dialog').then((m) => m.EntitiesDialog));
export const DocumentMetadataDialog = lazyPart(() => import('../library/document-metadata-dialog').then((m) => m.DocumentMetadataDialog));

const PARTS = [Reader, CorpusView, AgreementView, ReviewMode, ExportDialog, LoadLayerDialog, LabelEditorDialog, KeySettingsDialog, EntitiesDialog, DocumentMetadataDialog];

/** Fetches every lazy part in the background, so a later switch of mode or dialog does not wait on the disk. */
export function preloadLazyParts(): void {
  for (const part of PARTS) void part.preload().catch(() => undefined);
}
