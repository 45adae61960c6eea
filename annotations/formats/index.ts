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
import { labelbuddyCodec } from './labelbuddy';
import { labelStudioCodec } from './label-studio';
import { parleyJsonCodec } from './parley-json';
import { spacyCodec } from './spacy';
import { w3cCodec } from './w3c';

export type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, FormatName, IgnoredKind, ImportOptions, ImportOrphan, ImportOutcome, ProgressControl } from './format';
export { exportParleyJson } from './parley-json';

/** Every format name, in the order help texts list them. */
export const FORMAT_NAMES: readonly FormatName[] = ['parley', 'w3c', 'brat', 'doccano', 'label-studio', 'spacy', 'conll', 'csv', 'labelbuddy'];

/** How each format is named to people (dialogs, progress, reports). */
export const FORMAT_TITLES: Record<FormatName, string> = {
  parley: 'Parley JSON',
  w3c: 'W3C Web Annotation',
  brat: 'brat',
  doccano: 'doccano',
  'label-studio': 'Label Studio',
  spacy: 'spaCy / Prodigy',
  conll: 'CoNLL (IOB2)',
  csv: 'CSV',
  labelbuddy: 'labelbuddy',
};

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
};

/** True if `name` is a format name. */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** The codec for a format name, or undefined for an unknown name (case-insensitive; `labelstudio` and `json` are accepted aliases). */
export function getCodec(name: string): FormatCodec | undefined {
  const key = name.trim().toLowerCase();
  const alias: Record<string, FormatName> = { labelstudio: 'label-studio', label_studio: 'label-studio', json: 'parley', prodigy: 'spacy', 'web-annotation': 'w3c' };
  const resolved = isFormatName(key) ? key : alias[key];
  return resolved ? codecs[resolved] : undefined;
}
