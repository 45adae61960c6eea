/** Helpers shared by exporters: which annotations to write, label names, progress and cancellation. */
import type { Annotation, AnnotationLayer, Corpus, CorpusDocument, Label } from '../model';
import { OWN_LAYER_ID } from '../model';
import type { Result } from '../result';
import { fail } from '../result';
import type { ExportOptions } from './format';

/** The layers of a document that an export writes: `options.layerIds`, or the analyst's own. */
export function exportedLayers(doc: CorpusDocument, options: ExportOptions): AnnotationLayer[] {
  const wanted = options.layerIds ?? [OWN_LAYER_ID];
  return doc.layers.filter((l) => wanted.includes(l.id));
}

/** The annotations an export writes for a document, in reading order, across the exported layers. */
export function exportedAnnotations(doc: CorpusDocument, options: ExportOptions): Annotation[] {
  return exportedLayers(doc, options)
    .flatMap((l) => l.annotations)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Looks labels up by id; an id missing from the schema is returned as its own name. */
export class LabelNames {
  private readonly byId: Map<string, Label>;

  constructor(corpus: Corpus) {
    this.byId = new Map(corpus.labels.labels.map((l) => [l.id, l]));
  }

  /** The display name of a label id (the id itself when the schema lacks it). */
  name(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }

  /** The label with this id, if the schema has it. */
  get(id: string): Label | undefined {
    return this.byId.get(id);
  }
}

/** Reports progress; returns a `cancelled` failure if the caller asked to stop. */
export function exportStep(options: ExportOptions, format: string, done: number, total: number): Result<never> | undefined {
  options.onProgress?.(done, total);
  if (options.isCancelled?.()) return fail('cancelled', `${format} export cancelled`);
  return undefined;
}
