/**
 * The registry of interchange formats: every codec by its CLI name. The app's
 * import and export dialogs, `parley convert`, `parley validate` and
 * `parley agree` all go through `getCodec`.
 */
import { bratCodec } from './brat';
import { conllCodec } from './conll';
import { csvCodec } from './csv';
import { doccanoCodec } from './doccano';
import type { FormatCodec, FormatName } from './format';
import { isFormatName } from './format-table';
import { labelbuddyCodec } from './labelbuddy';
import { labelStudioCodec } from './label-studio';
import { parleyJsonCodec } from './parley-json';
import { refiQdaCodec } from './refi-qda';
import { spacyCodec } from './spacy';
import { w3cCodec } from './w3c';

export type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, FormatName, IgnoredKind, ImportOptions, ImportOrphan, ImportOutcome, ProgressControl } from './format';
export { exportParleyJson } from './parley-json';

export { FORMAT_NAMES, FORMAT_TITLES, FORMATS, formatInfo, isFormatName } from './format-table';
export type { FormatInfo } from './format-table';

/** Every codec by name. */
export const codecs: Record<FormatName, FormatCodec> = {
  parley: parleyJsonCodec,
  w3c: w3cCodec,
  brat: bratCodec,
  doccano: doccanoCodec,
  'label-studio': labelStudioCodec,
  spacy: spacyCodec,
  conll: conllCodec,
  csv: csvCodec,
  labelbuddy: labelbuddyCodec,
  'refi-qda': refiQdaCodec,
};

/** The codec for a format name, or undefined for an unknown name (case-insensitive; `labelstudio` and `json` are accepted aliases). */
export function getCodec(name: string): FormatCodec | undefined {
  const key = name.trim().toLowerCase();
  const alias: Record<string, FormatName> = { labelstudio: 'label-studio', label_studio: 'label-studio', json: 'parley', prodigy: 'spacy', 'web-annotation': 'w3c', refi: 'refi-qda', qdpx: 'refi-qda' };
  const resolved = isFormatName(key) ? key : alias[key];
  return resolved ? codecs[resolved] : undefined;
}
