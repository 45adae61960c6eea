/** Helpers shared by exporters: which annotations to write, label names, progress and cancellation. */
import type { Annotation, AnnotationLayer, AttributeDefinition, Corpus, CorpusDocument, Label, Relation, RelationType } from '../model';
import { OWN_LAYER_ID } from '../model';
import type { Problem, Result } from '../result';
import { plural } from '../text/plural';
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

/** The relations an export writes for a document: those of the exported layers. */
export function exportedRelations(doc: CorpusDocument, options: ExportOptions): Relation[] {
  return exportedLayers(doc, options).flatMap((l) => l.relations ?? []);
}

/**
 * The warnings of a format that holds neither relations nor attribute values:
 * how many of each the export leaves out, and why. Empty when there are none.
 */
export function relationsAndAttributesNotWritten(corpus: Corpus, options: ExportOptions, format: string): Problem[] {
  let relations = 0;
  let values = 0;
  for (const d of corpus.documents) {
    relations += exportedRelations(d, options).length;
    for (const a of exportedAnnotations(d, options)) values += Object.keys(a.attributes ?? {}).length;
  }
  const out: Problem[] = [];
  if (relations > 0) out.push({ message: `${plural(relations, 'relation')} not written: ${format} has no place for relations` });
  if (values > 0) out.push({ message: `${plural(values, 'attribute value')} not written: ${format} has no place for attributes` });
  return out;
}

/** One attribute value of a span, with its definition and, for a choice, the option's name. */
export interface AttributeValueView {
  /** The attribute id as stored. */
  id: string;
  /** The attribute's name (its id when the label does not define it). */
  name: string;
  /** The stored value: an option id for a choice. */
  value: string;
  /** The value as people read it: the option's name for a choice, else the value. */
  display: string;
  definition?: AttributeDefinition;
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

  /** The attribute values of an annotation, in the order its label defines its attributes (others after). */
  attributes(a: Annotation): AttributeValueView[] {
    const definitions = this.byId.get(a.labelId)?.attributes ?? [];
    const rank = (id: string) => {
      const i = definitions.findIndex((d) => d.id === id);
      return i < 0 ? definitions.length : i;
    };
    return Object.entries(a.attributes ?? {})
      .sort(([x], [y]) => rank(x) - rank(y))
      .map(([id, value]) => {
        const definition = definitions.find((d) => d.id === id);
        const option = definition?.type === 'choice' ? definition.options?.find((o) => o.id === value) : undefined;
        return { id, name: definition?.name ?? id, value, display: option?.name ?? value, ...(definition ? { definition } : {}) };
      });
  }
}

/** Looks relation types up by id; an id missing from the schema is returned as its own name. */
export class RelationTypeNames {
  private readonly byId: Map<string, RelationType>;

  constructor(corpus: Corpus) {
    this.byId = new Map((corpus.labels.relationTypes ?? []).map((t) => [t.id, t]));
  }

  /** The display name of a relation type id (the id itself when the schema lacks it). */
  name(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }

  /** The type with this id, if the schema has it. */
  get(id: string): RelationType | undefined {
    return this.byId.get(id);
  }
}

/** Reports progress; returns a `cancelled` failure if the caller asked to stop. */
export function exportStep(options: ExportOptions, format: string, done: number, total: number): Result<never> | undefined {
  options.onProgress?.(done, total);
  if (options.isCancelled?.()) return fail('cancelled', `${format} export cancelled`);
  return undefined;
}

/**
 * The exporters' loop over a corpus: calls `write` with the index of each
 * document in corpus order, reporting progress before each document and once
 * at the end. Stops with a `cancelled` failure naming `format` when the
 * caller asks (`options.isCancelled`), or with the first failure `write`
 * returns; undefined when every document was written.
 */
export function forEachExportedDocument(corpus: Corpus, options: ExportOptions, format: string, write: (index: number) => Result<never> | void): Result<never> | undefined {
  const total = corpus.documents.length;
  for (let i = 0; i < total; i++) {
    const stop = exportStep(options, format, i, total) ?? write(i);
    if (stop) return stop;
  }
  exportStep(options, format, total, total);
  return undefined;
}
