/** The formats a colleague's annotations can come in (and a layer can be exported to), with what each says about who made them. */
import { FORMATS, type AuthorsInFile } from '../../../annotations/formats/format-table';
import type { ApiInput } from '../../../shared/api';

/** A format name as the API takes it. */
export type LayerFormat = ApiInput<'importLayerFromDialog'>['format'];

/** Whether a file in this format names who made its annotations. */
export type AuthorInFile = AuthorsInFile;

/** One format, described for someone choosing a colleague's file. */
export interface LayerFormatInfo {
  value: LayerFormat;
  name: string;
  author: AuthorInFile;
  detail: string;
}

/** What a colleague's file in each format holds, and where the layer's name comes from. */
const DETAILS: Record<LayerFormat, string> = {
  parley: 'A colleague’s Parley export. Each of its layers arrives under its author’s name.',
  w3c: 'JSON-LD annotations. The creator named in the file becomes the layer’s name.',
  'label-studio': 'A Label Studio JSON export. Each annotator in it becomes a layer of their own.',
  csv: 'One row per annotation, with the texts beside it. The author column, if filled, names the layer.',
  brat: 'Standoff .ann files with their .txt files, or a zip of them.',
  doccano: 'A doccano JSONL export: one document per line with its labelled spans.',
  spacy: 'Entity spans in spaCy or Prodigy JSONL.',
  conll: 'One token per line with BIO tags.',
  labelbuddy: 'A labelbuddy JSONL export: one document per line with its spans; the text is checked against its checksum.',
  'refi-qda': 'A REFI-QDA project (.qdpx) from ATLAS.ti, MAXQDA, NVivo or QualCoder. The coders named in it become the spans’ authors.',
};

const AUTHOR_ORDER: Record<AuthorInFile, number> = { always: 0, sometimes: 1, never: 2 };

/** Every format, those whose files name their authors first (Parley's own first of all), otherwise in the table's order. */
export const LAYER_FORMATS: readonly LayerFormatInfo[] = [...FORMATS]
  .sort((a, b) => AUTHOR_ORDER[a.authors] - AUTHOR_ORDER[b.authors])
  .map((f) => ({ value: f.name, name: f.title, author: f.authors, detail: DETAILS[f.name] }));

/** The description of a format. */
export function layerFormat(value: LayerFormat): LayerFormatInfo {
  return LAYER_FORMATS.find((f) => f.value === value)!;
}
