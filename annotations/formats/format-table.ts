/**
 * The list of interchange formats, once. Everything that names, lists or
 * describes formats derives from this table: the `FormatName` type, the CLI's
 * usage lines, the titles in dialogs and reports, the detection messages, the
 * open dialog's file extensions, the IPC schema's enum and the renderer's
 * format choices. Adding a format here (and its codec in `index.ts`, which
 * then fails to compile until it exists) is all it takes to offer it.
 */

/** Whether a file in a format names who made its annotations. */
export type AuthorsInFile = 'always' | 'sometimes' | 'never';

/** One interchange format, described for people and for each part of the app. */
export interface FormatInfo {
  /** The name `--format`, `--from` and `--to` take, and the API's format value. */
  readonly name: string;
  /** How the format is named to people (dialogs, progress, reports). */
  readonly title: string;
  /** How detection names what it found ("Label Studio JSON", "doccano JSON Lines"). */
  readonly detectedTitle: string;
  /** File extensions (no dot) the open dialog offers for it, the usual one first. */
  readonly extensions: readonly string[];
  /** True if an export writes several files (a text beside each annotation file, or a labelling config beside the tasks), so it goes to a folder or a .zip. */
  readonly folder: boolean;
  /** Whether its files name who made the annotations (a colleague's layer can then be named from the file). */
  readonly authors: AuthorsInFile;
  /** One line for the command line's help: what the format holds and how it counts offsets. */
  readonly usage: string;
}

/** Every format, in the order help texts and choices list them: Parley's own first. */
export const FORMATS = [
  {
    name: 'parley',
    title: 'Parley JSON',
    detectedTitle: 'Parley JSON',
    extensions: ['json'],
    folder: false,
    authors: 'always',
    usage: 'Parley tagged JSON: lossless, with labels, layers, decisions, checksums and both offset units',
  },
  {
    name: 'w3c',
    title: 'W3C Web Annotation',
    detectedTitle: 'W3C Web Annotation JSON-LD',
    extensions: ['json', 'jsonld', 'jsonl'],
    folder: true,
    authors: 'sometimes',
    usage: 'W3C Web Annotation JSON-LD (TextQuoteSelector + TextPositionSelector in code points, tagging bodies)',
  },
  {
    name: 'brat',
    title: 'brat',
    detectedTitle: 'brat standoff',
    extensions: ['zip', 'ann', 'txt', 'conf'],
    folder: true,
    authors: 'never',
    usage: 'brat standoff: .txt + .ann pairs with annotation.conf (a folder or a zip), code points',
  },
  {
    name: 'doccano',
    title: 'doccano',
    detectedTitle: 'doccano JSON Lines',
    extensions: ['jsonl', 'json'],
    folder: false,
    authors: 'never',
    usage: 'doccano JSONL for sequence labelling ({"text", "label": [[start, end, label]]}, code points)',
  },
  {
    name: 'label-studio',
    title: 'Label Studio',
    detectedTitle: 'Label Studio JSON',
    extensions: ['json'],
    folder: true,
    authors: 'sometimes',
    usage: 'Label Studio JSON tasks with labels results (value.start, value.end, value.text, value.labels)',
  },
  {
    name: 'spacy',
    title: 'spaCy / Prodigy',
    detectedTitle: 'spaCy / Prodigy JSON Lines',
    extensions: ['jsonl', 'json'],
    folder: false,
    authors: 'never',
    usage: 'spaCy / Prodigy JSONL ({"text", "spans": [{start, end, label}]}, code points)',
  },
  {
    name: 'conll',
    title: 'CoNLL (IOB2)',
    detectedTitle: 'CoNLL',
    extensions: ['conll', 'txt', 'iob', 'testa', 'testb', 'train'],
    folder: false,
    authors: 'never',
    usage: 'CoNLL-2003 style IOB2 (token<TAB>tag), tokenised by a documented rule',
  },
  {
    name: 'csv',
    title: 'CSV',
    detectedTitle: 'CSV',
    extensions: ['csv'],
    folder: true,
    authors: 'sometimes',
    usage: 'CSV, one row per annotation (document, start, end, text, label, note, author, created), with the texts beside it',
  },
  {
    name: 'labelbuddy',
    title: 'labelbuddy',
    detectedTitle: 'labelbuddy JSON Lines',
    extensions: ['jsonl', 'json'],
    folder: false,
    authors: 'never',
    usage: 'labelbuddy JSON Lines ({"text", "annotations": [{label_name, start_char, end_char, start_byte, end_byte}], "utf8_text_md5_checksum"})',
  },
  {
    name: 'refi-qda',
    title: 'REFI-QDA',
    detectedTitle: 'REFI-QDA project',
    extensions: ['qdpx', 'qde'],
    folder: false,
    authors: 'sometimes',
    usage: 'REFI-QDA project (.qdpx: project.qde + sources/), the exchange standard of ATLAS.ti, MAXQDA, NVivo and QualCoder; codes, coded selections, notes, links; code points',
  },
] as const satisfies readonly [FormatInfo, ...FormatInfo[]];

/** Names accepted by `--from`, `--to` and `--format`, and by the API. */
export type FormatName = (typeof FORMATS)[number]['name'];

/** Every format name, in table order; a non-empty tuple, as schema enums want. */
export const FORMAT_NAMES = FORMATS.map((f) => f.name) as unknown as readonly [FormatName, ...FormatName[]];

const BY_NAME = new Map<string, FormatInfo>(FORMATS.map((f) => [f.name, f]));

/** The table's row for a format. */
export function formatInfo(name: FormatName): FormatInfo {
  return BY_NAME.get(name)!;
}

/** True if `name` is a format name (exactly, case included). */
export function isFormatName(name: string): name is FormatName {
  return BY_NAME.has(name);
}

function byName<T>(pick: (f: FormatInfo) => T): Record<FormatName, T> {
  return Object.fromEntries(FORMATS.map((f) => [f.name, pick(f)])) as Record<FormatName, T>;
}

/** How each format is named to people (dialogs, progress, reports). */
export const FORMAT_TITLES: Readonly<Record<FormatName, string>> = byName((f) => f.title);

/** How detection names each format in its messages. */
export const DETECTED_FORMAT_TITLES: Readonly<Record<FormatName, string>> = byName((f) => f.detectedTitle);

/** The names of the formats written as a folder (or a .zip), in table order. */
export const FOLDER_FORMATS: readonly FormatName[] = FORMATS.filter((f) => f.folder).map((f) => f.name);

/** A list of names in prose: "a", "a and b", "a, b and c". */
function prose(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The formats part of the command line's overall help: every name, which are
 * written as a folder, and one line per format.
 */
export function formatsUsage(): string[] {
  const width = Math.max(...FORMATS.map((f) => f.name.length));
  return [
    `Formats: ${FORMAT_NAMES.join(', ')}. ${prose(FOLDER_FORMATS)} are written as a folder (or a .zip).`,
    ...FORMATS.map((f) => `  ${f.name.padEnd(width)}  ${f.usage}`),
  ];
}
