/** The formats a colleague's annotations can come in (and a layer can be exported to), with what each says about who made them. */
import type { ApiInput } from '../../../shared/api';

/** A format name as the API takes it. */
export type LayerFormat = ApiInput<'importLayerFromDialog'>['format'];

/** Whether a file in this format names who made its annotations. */
export type AuthorInFile = 'always' | 'sometimes' | 'never';

/** One format, described for someone choosing a colleague's file. */
export interface LayerFormatInfo {
  value: LayerFormat;
  name: string;
  author: AuthorInFile;
  detail: string;
}

/** Every format, Parley's own first. */
export const LAYER_FORMATS: readonly LayerFormatInfo[] = [
  { value: 'parley', name: 'Parley JSON', author: 'always', detail: 'A colleague’s Parley export. Each of its layers arrives under its author’s name.' },
  { value: 'w3c', name: 'W3C Web Annotation', author: 'sometimes', detail: 'JSON-LD annotations. The creator named in the file becomes the layer’s name.' },
  { value: 'label-studio', name: 'Label Studio', author: 'sometimes', detail: 'A Label Studio JSON export. Each annotator in it becomes a layer of their own.' },
  { value: 'csv', name: 'CSV', author: 'sometimes', detail: 'One row per annotation, with the texts beside it. The author column, if filled, names the layer.' },
  { value: 'brat', name: 'brat', author: 'never', detail: 'Standoff .ann files with their .txt files, or a zip of them.' },
  { value: 'doccano', name: 'doccano', author: 'never', detail: 'A doccano JSONL export: one document per line with its labelled spans.' },
  { value: 'spacy', name: 'spaCy / Prodigy', author: 'never', detail: 'Entity spans in spaCy or Prodigy JSONL.' },
  { value: 'conll', name: 'CoNLL (BIO)', author: 'never', detail: 'One token per line with BIO tags.' },
  { value: 'labelbuddy', name: 'labelbuddy', author: 'never', detail: 'A labelbuddy JSONL export: one document per line with its spans; the text is checked against its checksum.' },
];

/** The description of a format. */
export function layerFormat(value: LayerFormat): LayerFormatInfo {
  return LAYER_FORMATS.find((f) => f.value === value)!;
}
