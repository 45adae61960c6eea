/**
 * Collects what an import reads (documents, spans, labels, problems) and turns
 * it into a `Corpus` only if nothing was wrong: imports are all or nothing.
 * Label names are resolved at the end with `resolveLabels`, so unknown labels
 * are added to the schema rather than dropped; so are attributes, their
 * options and relation types the project does not have yet. Relations refer
 * to spans by the file's own keys (a brat `T3`, a Label Studio region id) and
 * are tied to annotation ids at the end.
 */
import { describeSpan } from '../anchoring';
import { checkSpan, sortAnnotations } from '../annotation';
import { MAX_TEXT_LENGTH } from '../document';
import { newId } from '../ids';
import { copyAttribute, findLabel, labelIdFromName, labelKey, resolveLabels } from '../labels';
import type { Annotation, AnnotationLayer, AttributeDefinition, CorpusDocument, DocumentMetadata, DocumentOrigin, DocumentStatus, Label, LabelSchema, LayerKind, ParleyDocument, Relation, RelationType, ReviewDecision } from '../model';
import { OWN_LAYER_ID } from '../model';
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';
import { textSha256 } from '../text-hash';
import type { ImportOptions, ImportOrphan, ImportOutcome } from './format';
import { plural } from '../text/plural';
import { appendAll } from '../append-all';

/** Where a record came from, for problem reports. */
export type Location = Omit<Problem, 'message'>;

/** The layer an imported span goes to (default: the analyst's own). */
export interface LayerRef {
  id: string;
  kind: LayerKind;
  author: string;
}

/** A span read from a file, offsets already converted to UTF-16. */
export interface SpanInput {
  start: number;
  end: number;
  /** Label id or name as the file gives it. */
  label: string;
  note?: string;
  author?: string;
  createdAt?: string;
  updatedAt?: string;
  id?: string;
  layer?: LayerRef;
  /**
   * The file's own name for the span within its document (a brat `T3`, a
   * Label Studio region id, a REFI-QDA selection GUID), by which relations
   * refer to it. When several spans share a key, the first is the one meant.
   */
  key?: string;
  /** Attribute values by attribute id or name, as the file gives them (a choice by its option id or name). */
  attributes?: Record<string, string>;
  /** The canonical entity the span names. */
  entityId?: string;
  /** Which suggestion source proposed the span (`own-tags`, `gazetteer`, `pattern`, `dates`). */
  suggestedBy?: string;
}

/** A relation read from a file, between two spans of one document named by their keys. */
export interface RelationInput {
  sourceKey: string;
  targetKey: string;
  /** Relation type id or name as the file gives it. */
  type: string;
  /** Whether the file says the link has a direction (used only when the type is new). */
  directed?: boolean;
  note?: string;
  author?: string;
  createdAt?: string;
  updatedAt?: string;
  id?: string;
}

/** Handle to a document added to the builder. */
export interface DocumentHandle {
  readonly index: number;
  readonly id: string;
  readonly text: string;
}

type PendingSpan = SpanInput & { layer: LayerRef };
type PendingRelation = RelationInput & { at: Location };

interface PendingDocument {
  handle: DocumentHandle;
  title: string;
  source: string;
  originalPath?: string;
  origin?: DocumentOrigin;
  metadata?: DocumentMetadata;
  /** Pages and the original file of a text extracted from a source (Parley JSON carries them). */
  original?: OriginalFacts;
  importedAt: string;
  status: DocumentStatus;
  spans: PendingSpan[];
  /** Span index by the file's key for it. */
  keys: Map<string, number>;
  relations: PendingRelation[];
  layers: Map<string, LayerRef>;
  decisions: ReviewDecision[];
}

/** A document's pages and the source file its text was extracted from, as the model keeps them. */
export type OriginalFacts = Pick<ParleyDocument, 'pages' | 'originalSha256' | 'originalName'>;

/** Most problems listed in one report; the count of the rest is given. */
const MAX_LISTED_PROBLEMS = 200;

/** Builds an `ImportOutcome` from records read by a codec. */
export class CorpusBuilder {
  private readonly docs: PendingDocument[] = [];
  private readonly docIds = new Set<string>();
  private readonly problems: Problem[] = [];
  private problemCount = 0;
  private readonly warnings: Problem[] = [];
  private readonly ignoredCounts = new Map<string, { count: number; why?: string }>();
  private readonly definedLabels: Label[] = [];
  private readonly definedAttributes: Array<{ label: string; attribute: AttributeDefinition }> = [];
  private readonly definedRelationTypes: RelationType[] = [];
  private readonly orphans: ImportOrphan[] = [];
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly options: ImportOptions,
    private readonly formatName: string,
  ) {}

  /** One string for each distinct short value (labels, authors, dates repeat on every row). */
  private intern(value: string): string {
    if (value.length > 64) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    // A copy of its own, so that the value does not hold on to the file it was sliced from.
    const own = [...value].join('');
    this.strings.set(own, own);
    return own;
  }

  /** True once any problem has been reported. */
  get failed(): boolean {
    return this.problemCount > 0;
  }

  /** Records a problem that will make the import fail. */
  error(at: Location, message: string): void {
    this.problemCount++;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ ...at, message });
  }

  /** Records something kept but worth telling. */
  warn(at: Location, message: string): void {
    if (this.warnings.length < MAX_LISTED_PROBLEMS) this.warnings.push({ ...at, message });
  }

  /** Counts a record type the format has but Parley does not hold; `why` is said once in the report. */
  ignore(kind: string, count = 1, why?: string): void {
    if (count <= 0) return;
    const entry = this.ignoredCounts.get(kind);
    if (entry) entry.count += count;
    else this.ignoredCounts.set(kind, why ? { count, why } : { count });
  }

  /** Declares labels the file defines (with colours and shortcuts) before spans refer to them. */
  defineLabels(labels: Label[]): void {
    appendAll(this.definedLabels, labels);
  }

  /** Declares an attribute the file defines for a label (by the label's id or name), with its type and options. */
  defineAttribute(label: string, attribute: AttributeDefinition): void {
    this.definedAttributes.push({ label, attribute });
  }

  /** Declares relation types the file defines (with colours and direction) before relations refer to them. */
  defineRelationTypes(types: RelationType[]): void {
    appendAll(this.definedRelationTypes, types);
  }

  /** Author to stamp when the file names none. */
  get defaultAuthor(): string {
    return this.options.author ?? 'unknown';
  }

  /** The analyst's own layer for this import. */
  get ownLayer(): LayerRef {
    return { id: OWN_LAYER_ID, kind: 'own', author: this.defaultAuthor };
  }

  /** Adds a document; fails the import (and returns undefined) on an over-long text or a duplicate id. */
  addDocument(
    at: Location,
    input: { title: string; source?: string; originalPath?: string; origin?: DocumentOrigin; metadata?: DocumentMetadata; original?: OriginalFacts; text: string; id?: string; importedAt?: string; status?: DocumentStatus },
  ): DocumentHandle | undefined {
    if (input.text.length > MAX_TEXT_LENGTH) {
      this.error(at, `text is ${input.text.length} characters; the limit is ${MAX_TEXT_LENGTH}`);
      return undefined;
    }
    const id = input.id ?? newId('doc');
    if (this.docIds.has(id)) {
      this.error(at, `document id ${id} appears twice`);
      return undefined;
    }
    this.docIds.add(id);
    const handle: DocumentHandle = { index: this.docs.length, id, text: input.text };
    this.docs.push({
      handle,
      title: input.title.trim() || 'Untitled',
      source: input.source ?? `${this.formatName} import`,
      ...(input.originalPath ? { originalPath: input.originalPath } : {}),
      ...(input.origin ? { origin: input.origin } : {}),
      ...(input.metadata && Object.keys(input.metadata).length > 0 ? { metadata: input.metadata } : {}),
      ...(input.original && Object.keys(input.original).length > 0 ? { original: input.original } : {}),
      importedAt: input.importedAt ?? this.options.now,
      status: input.status ?? 'todo',
      spans: [],
      keys: new Map(),
      relations: [],
      layers: new Map(),
      decisions: [],
    });
    return handle;
  }

  /** Adds a span to a document; reports (and skips) one that does not fit the text. Returns false on a problem. */
  addSpan(doc: DocumentHandle, at: Location, span: SpanInput): boolean {
    const check = checkSpan(doc.text, span.start, span.end);
    if (!check.ok) {
      this.error(at, check.error.message);
      return false;
    }
    if (span.label.trim() === '') {
      this.error(at, 'label is empty');
      return false;
    }
    const pending = this.docs[doc.index]!;
    const layer = span.layer ?? this.ownLayer;
    if (!pending.layers.has(layer.id)) pending.layers.set(layer.id, layer);
    // Only what the annotation will hold is kept, and repeated cells (labels, authors, dates) as one
    // string each: a cell sliced from a file would otherwise keep the whole file alive.
    const kept: PendingSpan = { start: span.start, end: span.end, label: this.intern(span.label), layer };
    if (span.note !== undefined && span.note !== '') kept.note = span.note;
    if (span.author !== undefined) kept.author = this.intern(span.author);
    if (span.createdAt !== undefined) kept.createdAt = this.intern(span.createdAt);
    if (span.updatedAt !== undefined) kept.updatedAt = this.intern(span.updatedAt);
    if (span.id !== undefined) kept.id = span.id;
    if (span.attributes && Object.keys(span.attributes).length > 0) kept.attributes = span.attributes;
    if (span.entityId !== undefined) kept.entityId = span.entityId;
    if (span.suggestedBy !== undefined) kept.suggestedBy = span.suggestedBy;
    if (span.key !== undefined && !pending.keys.has(span.key)) pending.keys.set(span.key, pending.spans.length);
    pending.spans.push(kept);
    return true;
  }

  /** True if a span with this key was added to the document. */
  hasKey(doc: DocumentHandle, key: string): boolean {
    return this.docs[doc.index]!.keys.has(key);
  }

  /**
   * Adds a relation between two spans of a document, named by their keys.
   * The keys are checked when the import finishes: a key no span has, or ends
   * in two different layers, fail the import naming `at`.
   */
  addRelation(doc: DocumentHandle, at: Location, relation: RelationInput): void {
    if (relation.type.trim() === '') {
      this.error(at, 'relation type is empty');
      return;
    }
    this.docs[doc.index]!.relations.push({ ...relation, type: this.intern(relation.type), at });
  }

  /** Declares a layer even if it ends up empty (keeps a layer's author across a round trip). */
  addLayer(doc: DocumentHandle, layer: LayerRef): void {
    const pending = this.docs[doc.index]!;
    if (!pending.layers.has(layer.id)) pending.layers.set(layer.id, layer);
  }

  /** Keeps review decisions with a document. */
  addDecisions(doc: DocumentHandle, decisions: ReviewDecision[]): void {
    appendAll(this.docs[doc.index]!.decisions, decisions);
  }

  /** Lists an annotation that could not be placed; it is kept out of the layer. */
  addOrphan(orphan: ImportOrphan, at: Location): void {
    this.orphans.push(orphan);
    this.warn(at, `annotation ${orphan.annotation.id} could not be placed: ${orphan.reason}`);
  }

  /** Reports progress; returns a `cancelled` failure if the caller asked to stop. */
  step(done: number, total: number): Result<never> | undefined {
    this.options.onProgress?.(done, total);
    if (this.options.isCancelled?.()) return fail('cancelled', `${this.formatName} import cancelled`);
    return undefined;
  }

  /** The outcome, or a failure listing every problem found. */
  finish(): Result<ImportOutcome> {
    this.checkRelations();
    if (this.problemCount > 0) {
      const more = this.problemCount - this.problems.length;
      const problems = more > 0 ? [...this.problems, { message: `…and ${more} more problems` }] : this.problems;
      return fail('invalid-format', `${this.formatName} import failed with ${plural(this.problemCount, 'problem')}; nothing was imported`, problems);
    }
    const schema = this.mergeDefinedLabels(this.options.labels);
    // A span naming a label the file defines is resolved by that label's name, so a file
    // label `x1` called "Actor" lands on the project's Actor rather than becoming a new label.
    const definedNames = new Map(this.definedLabels.map((l) => [l.id, l.name]));
    const nameOf = (label: string): string => definedNames.get(label) ?? label;
    const names = new Set<string>();
    for (const d of this.docs) for (const s of d.spans) names.add(nameOf(s.label));
    const resolved = resolveLabels(schema, names);
    this.reportLabelMatches(resolved.schema, names, resolved.added);
    const attributes = new AttributeResolver(resolved.schema.labels);
    for (const d of this.definedAttributes) {
      const id = resolved.ids.get(nameOf(d.label)) ?? findLabel(resolved.schema, d.label)?.id;
      if (id) attributes.define(id, d.attribute);
    }
    const relationTypes = new RelationTypeResolver(resolved.schema.relationTypes ?? [], this.definedRelationTypes);
    const documents: CorpusDocument[] = this.docs.map((d) => {
      // Every document gets the analyst's own layer, even when the file marked nothing in it.
      if (d.layers.size === 0) d.layers.set(OWN_LAYER_ID, this.ownLayer);
      const layers: AnnotationLayer[] = [...d.layers.values()].map((ref) => ({ id: ref.id, kind: ref.kind, author: ref.author, annotations: [] }));
      const byLayer = new Map(layers.map((l) => [l.id, l]));
      const seenIds = new Set<string>();
      const spanIds: string[] = [];
      for (const s of d.spans) {
        let id = s.id ?? newId('ann');
        while (seenIds.has(id)) id = newId('ann');
        seenIds.add(id);
        spanIds.push(id);
        const { quote } = describeSpan(d.handle.text, s.start, s.end);
        const annotation: Annotation = {
          id,
          documentId: d.handle.id,
          start: s.start,
          end: s.end,
          quote,
          labelId: resolved.ids.get(nameOf(s.label))!,
          author: s.author ?? s.layer.author,
          createdAt: s.createdAt ?? this.options.now,
          updatedAt: s.updatedAt ?? s.createdAt ?? this.options.now,
        };
        if (s.note !== undefined) annotation.note = s.note;
        if (s.attributes) annotation.attributes = attributes.values(annotation.labelId, s.attributes);
        if (s.entityId !== undefined) annotation.entityId = s.entityId;
        if (s.suggestedBy !== undefined) annotation.suggestedBy = s.suggestedBy;
        byLayer.get(s.layer.id)!.annotations.push(annotation);
      }
      for (const r of d.relations) {
        const source = d.keys.get(r.sourceKey)!;
        const layer = byLayer.get(d.spans[source]!.layer.id)!;
        const relation: Relation = {
          id: r.id ?? newId('rel'),
          documentId: d.handle.id,
          typeId: relationTypes.id(r.type, r.directed),
          sourceId: spanIds[source]!,
          targetId: spanIds[d.keys.get(r.targetKey)!]!,
          author: r.author ?? d.spans[source]!.author ?? layer.author,
          createdAt: r.createdAt ?? this.options.now,
          updatedAt: r.updatedAt ?? r.createdAt ?? this.options.now,
        };
        if (r.note !== undefined && r.note !== '') relation.note = r.note;
        (layer.relations ??= []).push(relation);
      }
      d.relations = [];
      // The pending spans of a document are let go as soon as its annotations exist.
      d.spans = [];
      for (const l of layers) sortAnnotations(l.annotations);
      return {
        document: { id: d.handle.id, title: d.title, source: d.source, ...(d.originalPath ? { originalPath: d.originalPath } : {}), ...(d.origin ? { origin: d.origin } : {}), ...(d.metadata ? { metadata: d.metadata } : {}), ...d.original, text: d.handle.text, sha256: textSha256(d.handle.text), importedAt: d.importedAt, status: d.status },
        layers,
        decisions: d.decisions,
      };
    });
    const labels: LabelSchema = { ...resolved.schema, labels: attributes.labels };
    if (relationTypes.types.length > 0) labels.relationTypes = relationTypes.types;
    const outcome: ImportOutcome = {
      corpus: { labels, documents },
      warnings: this.warnings,
      ignored: [...this.ignoredCounts].map(([kind, entry]) => ({ kind, ...entry })),
    };
    if (this.orphans.length > 0) outcome.orphans = this.orphans;
    return ok(outcome);
  }

  /**
   * Warns once for each label name that was matched to a project label spelt
   * differently (case, spaces, hyphens, underscores): "DATE" matched to Date.
   */
  private reportLabelMatches(schema: LabelSchema, names: Iterable<string>, added: readonly Label[]): void {
    const addedIds = new Set(added.map((l) => l.id));
    for (const name of names) {
      const label = findLabel(schema, name);
      if (!label || addedIds.has(label.id) || label.name === name) continue;
      this.warn({}, `label ${JSON.stringify(name)} matched to ${label.name} (labels are matched ignoring case, spaces, hyphens and underscores)`);
    }
  }

  /** Fails the import for each relation whose ends are not spans of its document, or lie in two layers. */
  private checkRelations(): void {
    for (const d of this.docs) {
      for (const r of d.relations) {
        const source = d.keys.get(r.sourceKey);
        const target = d.keys.get(r.targetKey);
        if (source === undefined || target === undefined) {
          const missing = [source === undefined ? r.sourceKey : undefined, target === undefined ? r.targetKey : undefined].filter((k) => k !== undefined);
          this.error(r.at, `relation ${r.type} refers to ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not a span of this document`);
        } else if (d.spans[source]!.layer.id !== d.spans[target]!.layer.id) {
          this.error(r.at, `relation ${r.type} links spans of two layers (${d.spans[source]!.layer.id} and ${d.spans[target]!.layer.id}); a relation stays within one layer`);
        }
      }
    }
  }

  /** Adds labels the file defines to the schema, keeping their colour, shortcut and description. */
  private mergeDefinedLabels(schema: LabelSchema): LabelSchema {
    const labels = schema.labels.map((l) => ({ ...l }));
    for (const def of this.definedLabels) {
      if (findLabel({ labels }, def.id) ?? findLabel({ labels }, def.name)) continue;
      const base = labelIdFromName(def.id.trim() || def.name);
      let id = base;
      for (let n = 2; labels.some((l) => l.id === id); n++) id = `${base}-${n}`;
      const shortcut = def.shortcut && !labels.some((l) => l.shortcut === def.shortcut) ? def.shortcut : '';
      labels.push({ id, name: def.name.trim() || id, color: def.color, shortcut, description: def.description });
    }
    return { ...schema, labels };
  }
}

/** Colours given to relation types added from imports, in turn. */
const RELATION_COLOURS = ['#0f766e', '#9333ea', '#b45309', '#be123c', '#4338ca', '#15803d'];

/**
 * Resolves attribute names and values read from files against the labels'
 * attribute definitions: an attribute is matched by id or name, a choice
 * value by option id or name (ignoring case, spaces, hyphens, underscores).
 * An attribute the label lacks is added as a choice; a value a choice lacks
 * is added as an option. Works on copies: the caller's schema is not changed.
 */
class AttributeResolver {
  readonly labels: Label[];

  constructor(labels: readonly Label[]) {
    this.labels = labels.map((l) => (l.attributes ? { ...l, attributes: l.attributes.map(copyAttribute) } : { ...l }));
  }

  private find(labelId: string, name: string): AttributeDefinition | undefined {
    const key = labelKey(name);
    const defs = this.labels.find((l) => l.id === labelId)?.attributes ?? [];
    return defs.find((a) => labelKey(a.id) === key) ?? defs.find((a) => labelKey(a.name) === key);
  }

  /** Adds `attribute` to the label unless it has one of that id or name; options it lacks are added to a choice it has. */
  define(labelId: string, attribute: AttributeDefinition): void {
    const existing = this.find(labelId, attribute.id) ?? this.find(labelId, attribute.name);
    if (!existing) {
      const label = this.labels.find((l) => l.id === labelId);
      if (!label) return;
      const ids = new Set((label.attributes ?? []).map((a) => a.id));
      let id = labelIdFromName(attribute.id);
      for (let n = 2; ids.has(id); n++) id = `${labelIdFromName(attribute.id)}-${n}`;
      (label.attributes ??= []).push({ ...copyAttribute(attribute), id });
      return;
    }
    if (existing.type === 'choice') for (const o of attribute.options ?? []) this.option(existing, o.id, o.name);
  }

  private option(attribute: AttributeDefinition, value: string, name = value): string {
    const options = (attribute.options ??= []);
    const found = options.find((o) => o.id === value) ?? options.find((o) => labelKey(o.id) === labelKey(value) || labelKey(o.name) === labelKey(value));
    if (found) return found.id;
    let id = labelIdFromName(value);
    for (let n = 2; options.some((o) => o.id === id); n++) id = `${labelIdFromName(value)}-${n}`;
    options.push({ id, name: name.trim() || id });
    return id;
  }

  /** The values to store on a span of `labelId`: attribute ids as the schema has them, choices as option ids. */
  values(labelId: string, given: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(given)) {
      let attribute = this.find(labelId, name);
      if (!attribute) {
        this.define(labelId, { id: name, name, type: 'choice', options: [] });
        attribute = this.find(labelId, name)!;
      }
      out[attribute.id] = attribute.type === 'choice' ? this.option(attribute, value) : value;
    }
    return out;
  }
}

/** Resolves relation type names read from files against the schema's types; unknown ones are added. */
class RelationTypeResolver {
  readonly types: RelationType[];

  constructor(existing: readonly RelationType[], defined: readonly RelationType[]) {
    this.types = existing.map((t) => ({ ...t, from: [...t.from], to: [...t.to] }));
    for (const t of defined) if (!this.find(t.id) && !this.find(t.name)) this.add(t.id || t.name, t);
  }

  private find(name: string): RelationType | undefined {
    const key = labelKey(name);
    return this.types.find((t) => labelKey(t.id) === key) ?? this.types.find((t) => labelKey(t.name) === key);
  }

  private add(name: string, template: Partial<RelationType>): RelationType {
    let id = labelIdFromName(name);
    for (let n = 2; this.types.some((t) => t.id === id); n++) id = `${labelIdFromName(name)}-${n}`;
    const type: RelationType = {
      id,
      name: template.name?.trim() || name.trim() || id,
      color: template.color ?? RELATION_COLOURS[this.types.length % RELATION_COLOURS.length]!,
      shortcut: template.shortcut && !this.types.some((t) => t.shortcut === template.shortcut) ? template.shortcut : '',
      directed: template.directed ?? true,
      from: template.from ? [...template.from] : [],
      to: template.to ? [...template.to] : [],
    };
    this.types.push(type);
    return type;
  }

  /** The id of the type named `name`, added (directed unless `directed` is false) when the schema lacks it. */
  id(name: string, directed?: boolean): string {
    return (this.find(name) ?? this.add(name, directed === undefined ? {} : { directed })).id;
  }
}
