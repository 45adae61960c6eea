/**
 * W3C Web Annotation (JSON-LD). Export writes, per document, the text as
 * `<name>.txt` and an `AnnotationCollection` `<name>.jsonld` whose annotations
 * carry a TextQuoteSelector and a TextPositionSelector (code points), the label
 * as a `tagging` TextualBody, the note as a `commenting` TextualBody, the
 * creator as a Person, and created/modified; every target names its source by
 * the text's content address, `urn:sha256:<hex>`, so two analysts' exports of
 * one article name the same source. Import reads an annotation, a list, a page,
 * a collection with embedded pages, or the Hypothesis API's `rows`, checks
 * every W3C annotation with `validateW3cAnnotation`, and pairs the annotations
 * of each source with a text (`pairWithText`): one file may cover several
 * documents. A span's attribute values are `classifying` TextualBodies
 * (`Stance: Supports`); a relation is a `linking` annotation whose targets are
 * its spans' annotation IRIs, source first, with the relation type as a
 * `tagging` body.
 */
import { anchor } from '../anchoring';
import type { Corpus } from '../model';
import type { Result } from '../result';
import { ok } from '../result';
import { OffsetMap } from '../unicode';
import { CorpusBuilder, type DocumentHandle } from './corpus-builder';
import { exportedAnnotations, exportedRelations, forEachExportedDocument, LabelNames, RelationTypeNames } from './export-support';
import { baseName, FileNamer, fileText, withoutExtension } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { has, isRecord, own, parseJsonSafely } from './json-limits';
import { showText, spanFromCodePoints, toCodePointSpan } from './offsets';
import { ANNO_CONTEXT, isUri, validateW3cAnnotation } from './w3c-validate';
import { contentAddress, pairWithText, type TextCandidate } from './w3c-pairing';
import { isHypothesisResult, readHypothesisRows } from './hypothesis';
import { textSha256 } from '../text-hash';
import { importInputs, readEachInput } from './import-inputs';
import { plural } from '../text/plural';
import { appendAll } from '../append-all';

/** IRI prefix of exported annotation ids. */
export const ANNOTATION_IRI = 'urn:parley:annotation:';
/** IRI prefix of the target sources older Parley exports wrote (now `urn:sha256:` of the text); still read. */
export const DOCUMENT_IRI = 'urn:parley:document:';
/** IRI prefix of exported relations (linking annotations). */
export const RELATION_IRI = 'urn:parley:relation:';
/** IRI prefix of exported collections; the rest is the document's id. */
export const COLLECTION_IRI = 'urn:parley:collection:';

/** Exports one collection and one text per document. */
export function exportW3c(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const types = new RelationTypeNames(corpus);
  const namer = new FileNamer();
  const files: FormatFile[] = [];
  const stopped = forEachExportedDocument(corpus, options, 'W3C', (i) => {
    const cd = corpus.documents[i]!;
    const stem = namer.stemFor(cd.document);
    const map = new OffsetMap(cd.document.text);
    const source = contentAddress(cd.document.sha256 || textSha256(cd.document.text));
    const items = exportedAnnotations(cd, options).map((a) => {
      const cp = toCodePointSpan(map, a);
      const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: names.name(a.labelId), format: 'text/plain' }];
      for (const v of names.attributes(a)) body.push({ type: 'TextualBody', purpose: 'classifying', value: `${v.name}: ${v.display}`, format: 'text/plain' });
      if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
      return {
        '@context': ANNO_CONTEXT,
        id: `${ANNOTATION_IRI}${encodeURIComponent(a.id)}`,
        type: 'Annotation',
        motivation: 'tagging',
        creator: { type: 'Person', name: a.author },
        created: a.createdAt,
        modified: a.updatedAt,
        body,
        target: {
          type: 'SpecificResource',
          source,
          selector: [
            { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
            { type: 'TextPositionSelector', start: cp.start, end: cp.end },
          ],
        },
      };
    });
    const links = exportedRelations(cd, options).map((r) => {
      const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: types.name(r.typeId), format: 'text/plain' }];
      if (r.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: r.note, format: 'text/plain' });
      return {
        '@context': ANNO_CONTEXT,
        id: `${RELATION_IRI}${encodeURIComponent(r.id)}`,
        type: 'Annotation',
        motivation: 'linking',
        creator: { type: 'Person', name: r.author },
        created: r.createdAt,
        modified: r.updatedAt,
        body,
        target: [`${ANNOTATION_IRI}${encodeURIComponent(r.sourceId)}`, `${ANNOTATION_IRI}${encodeURIComponent(r.targetId)}`],
      };
    });
    appendAll(items, links as unknown as typeof items);
    const collection = {
      '@context': ANNO_CONTEXT,
      id: `${COLLECTION_IRI}${encodeURIComponent(cd.document.id)}`,
      type: 'AnnotationCollection',
      label: cd.document.title,
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items },
    };
    files.push({ path: `${stem}.txt`, data: cd.document.text }, { path: `${stem}.jsonld`, data: `${JSON.stringify(collection, null, 2)}\n` });
    });
  if (stopped) return stopped;
  return ok({ files, warnings: [] });
}

/** Reads W3C annotation files with their texts; any invalid annotation fails the whole import. */
export function importW3c(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const opened = importInputs(files, /\.(jsonld|json)$/i, 'no .jsonld or .json file was given');
  if (!opened.ok) return opened;
  const texts: TextCandidate[] = opened.value.all
    .filter((f) => /\.txt$/i.test(f.path))
    .map((f) => {
      const text = fileText(f);
      return { path: f.path, text, sha256: textSha256(text) };
    });
  const builder = new CorpusBuilder(options, 'W3C');
  return readEachInput(builder, opened.value.inputs, (file) => readW3cFile(builder, file, texts)) ?? builder.finish();
}

interface Unpacked {
  items: Array<{ value: unknown; path: string; inherited: boolean }>;
  title?: string;
  /** The collection's id, when the file is a collection. */
  id?: string;
}

/** The annotations in a parsed file: one, a list, a page, or a collection whose pages are embedded. */
function unpack(value: unknown, fault: (path: string, message: string) => void): Unpacked {
  const out: Unpacked = { items: [] };
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.items.push({ value: v, path: `$[${i}]`, inherited: false }));
    return out;
  }
  if (!isRecord(value)) {
    fault('$', 'must be an annotation, a list of annotations, an AnnotationPage or an AnnotationCollection');
    return out;
  }
  const t = own(value, 'type');
  const typeList = Array.isArray(t) ? t : [t];
  const inherited = own(value, '@context') === ANNO_CONTEXT || (Array.isArray(own(value, '@context')) && (own(value, '@context') as unknown[]).includes(ANNO_CONTEXT));
  const pageItems = (page: unknown, path: string): void => {
    if (!isRecord(page)) return fault(path, 'pages must be embedded objects (Parley works offline and does not fetch them)');
    const items = own(page, 'items');
    if (!Array.isArray(items)) return fault(`${path}.items`, 'must be a list of annotations');
    items.forEach((v, i) => out.items.push({ value: v, path: `${path}.items[${i}]`, inherited }));
    const next = own(page, 'next');
    if (next !== undefined) {
      if (isRecord(next)) pageItems(next, `${path}.next`);
      else fault(`${path}.next`, 'further pages must be embedded objects (Parley does not fetch them)');
    }
  };
  if (typeList.includes('AnnotationCollection')) {
    const label = own(value, 'label');
    if (typeof label === 'string') out.title = label;
    if (typeof own(value, 'id') === 'string') out.id = own(value, 'id') as string;
    if (has(value, 'first')) pageItems(own(value, 'first'), '$.first');
    return out;
  }
  if (typeList.includes('AnnotationPage')) {
    pageItems(value, '$');
    return out;
  }
  out.items.push({ value, path: '$', inherited: false });
  return out;
}

function readW3cFile(builder: CorpusBuilder, file: FormatFile, texts: TextCandidate[]): void {
  const parsed = parseJsonSafely(fileText(file), { file: file.path });
  if (!parsed.ok) {
    for (const p of parsed.error.problems ?? []) builder.error({ file: file.path, ...(p.record ? { record: p.record } : {}) }, p.message);
    return;
  }
  const fault = (record: string, message: string): void => builder.error({ file: file.path, record }, message);
  let items: Array<{ value: unknown; path: string; title?: string }>;
  let title: string | undefined;
  let collectionId: string | undefined;
  let hypothesis = false;
  if (isHypothesisResult(parsed.value)) {
    hypothesis = true;
    const rows = readHypothesisRows(parsed.value);
    for (const p of rows.problems) fault(p.path, p.message);
    for (const i of rows.ignored) builder.ignore(i.kind, i.count, i.why);
    items = rows.items;
    if (rows.problems.length > 0) return;
  } else {
    const unpacked = unpack(parsed.value, fault);
    let valid = true;
    for (const item of unpacked.items) {
      for (const f of validateW3cAnnotation(item.value, item.path, item.inherited)) {
        valid = false;
        fault(f.path, f.message);
      }
    }
    if (!valid) return;
    items = unpacked.items;
    title = unpacked.title;
    collectionId = unpacked.id;
  }
  // Linking annotations (relations) target other annotations, not a text: read them once spans are placed.
  const linking = items.filter((item) => isLinking(item.value));
  items = items.filter((item) => !isLinking(item.value));
  // Group the annotations by the source they target, and pair each group with a text.
  const groups = new Map<string | undefined, typeof items>();
  for (const item of items) {
    const source = targetSource(item.value as Record<string, unknown>);
    const group = groups.get(source) ?? [];
    group.push(item);
    groups.set(source, group);
  }
  // A collection with no annotations still stands for its text.
  if (groups.size === 0) groups.set(undefined, []);
  const soleGroup = groups.size === 1;
  const docs = new Map<string, { doc: DocumentHandle; map: OffsetMap }>();
  /** Where each annotation, by its IRI, was placed: linking annotations refer to them. */
  const placed = new Map<string, DocumentHandle>();
  for (const [source, group] of groups) {
    const quotes = group.map((item) => selectorsOf(item.value as Record<string, unknown>).quote).filter((q): q is string => q !== undefined);
    const pairing = pairWithText(source, quotes, texts, withoutExtension(file.path), soleGroup);
    if ('error' in pairing) {
      fault(group[0]?.path ?? '$', pairing.error);
      continue;
    }
    if (pairing.by === 'quotes') builder.warn({ file: file.path }, `${plural(group.length, 'annotation')} on ${source !== undefined ? JSON.stringify(source) : 'no named source'} paired with ${baseName(pairing.text.path)} by their quotes`);
    let entry = docs.get(pairing.text.path);
    if (!entry) {
      const legacyId = source?.startsWith(DOCUMENT_IRI) ? decodeURIComponent(source.slice(DOCUMENT_IRI.length)) : undefined;
      const docId = soleGroup && collectionId?.startsWith(COLLECTION_IRI) ? decodeURIComponent(collectionId.slice(COLLECTION_IRI.length)) : legacyId;
      const docTitle = (soleGroup ? title : undefined) ?? group.find((g) => g.title)?.title ?? withoutExtension(baseName(pairing.text.path));
      const doc = builder.addDocument({ file: file.path }, { title: docTitle, source: baseName(pairing.text.path), originalPath: pairing.text.path, text: pairing.text.text, ...(docId ? { id: docId } : {}) });
      if (!doc) continue;
      entry = { doc, map: new OffsetMap(pairing.text.text) };
      docs.set(pairing.text.path, entry);
    }
    for (const item of group) {
      readAnnotation(builder, entry.doc, entry.map, item.value as Record<string, unknown>, { file: file.path, record: item.path }, hypothesis);
      const iri = asList(own(item.value as Record<string, unknown>, 'id'))[0];
      if (typeof iri === 'string') placed.set(iri, entry.doc);
    }
  }
  for (const item of linking) readLink(builder, item.value as Record<string, unknown>, { file: file.path, record: item.path }, placed);
}

/** True for a `linking` annotation whose targets are all IRIs (other annotations), with at least two of them. */
function isLinking(value: unknown): boolean {
  if (!isRecord(value) || !asList(own(value, 'motivation')).includes('linking')) return false;
  const targets = asList(own(value, 'target'));
  return targets.length >= 2 && targets.every((t) => typeof t === 'string' || (isRecord(t) && typeof own(t, 'id') === 'string' && !has(t, 'selector') && !has(t, 'source')));
}

/**
 * A linking annotation as relations: from its first target to each other
 * one, typed by its tagging body. Targets must be annotations of the same
 * file placed in one text; links to anything else are counted and set aside.
 */
function readLink(builder: CorpusBuilder, a: Record<string, unknown>, at: { file: string; record: string }, placed: Map<string, DocumentHandle>): void {
  const targets = asList(own(a, 'target')).map((t) => (typeof t === 'string' ? t : (own(t as Record<string, unknown>, 'id') as string)));
  const docs = targets.map((t) => placed.get(t));
  if (docs.some((d) => d === undefined) || docs.some((d) => d !== docs[0])) {
    builder.ignore('W3C linking annotations whose targets are not annotations of one text in the file', 1, 'a Parley relation links two spans of one document');
    return;
  }
  const tags: string[] = [];
  const comments: string[] = [];
  for (const b of asList(own(a, 'body'))) {
    const held = textBody(b);
    if ('ignored' in held) builder.ignore(held.ignored, 1, held.why);
    else if (held.purposes.includes('tagging') || held.purposes.length === 0) tags.push(held.value);
    else comments.push(held.value);
  }
  if (tags.length !== 1) return builder.error(at, `a linking annotation needs one tagging body naming the relation type; it has ${tags.length}`);
  const creator = asList(own(a, 'creator'))[0];
  const author = typeof creator === 'string' ? creator : isRecord(creator) ? [own(creator, 'name'), own(creator, 'nickname'), own(creator, 'id')].find((x): x is string => typeof x === 'string') : undefined;
  const created = typeof own(a, 'created') === 'string' ? (own(a, 'created') as string) : undefined;
  const modified = typeof own(a, 'modified') === 'string' ? (own(a, 'modified') as string) : undefined;
  const rawId = asList(own(a, 'id'))[0];
  const id = isUri(rawId) && rawId.startsWith(RELATION_IRI) && targets.length === 2 ? decodeURIComponent(rawId.slice(RELATION_IRI.length)) : undefined;
  const note = comments.join('\n\n');
  for (const target of targets.slice(1)) {
    builder.addRelation(docs[0]!, at, {
      sourceKey: targets[0]!,
      targetKey: target,
      type: tags[0]!,
      ...(note ? { note } : {}),
      ...(author ? { author } : {}),
      ...(created ? { createdAt: created } : {}),
      ...(modified ? { updatedAt: modified } : {}),
      ...(id ? { id } : {}),
    });
  }
}

/** The `source` of an annotation's (first) target, when it names one. */
function targetSource(a: Record<string, unknown>): string | undefined {
  const target = asList(own(a, 'target'))[0];
  const source = isRecord(target) ? own(target, 'source') : target;
  return typeof source === 'string' ? source : undefined;
}

/** Selectors that place text; a position refining any other selector counts from that selector's part of the resource. */
const TEXT_SELECTORS = new Set(['TextQuoteSelector', 'TextPositionSelector']);

/** What a target's selectors say about where its span is. */
interface Selected {
  position?: Record<string, unknown>;
  /** Added to the position's offsets: where the fragment it refines starts (code points). */
  base: number;
  quote?: string;
  quoteSelector?: Record<string, unknown>;
  /** Why the position cannot be used, when it refines a selector Parley cannot resolve in plain text. */
  refused?: string;
}

/**
 * Reads a target's selectors, following `refinedBy`. A TextPositionSelector
 * refining an RFC 5147 fragment (`char=10,80`) counts from the fragment's
 * start; one refining any other selector (a FragmentSelector of another kind,
 * a CssSelector, an XPathSelector…) is refused, never read as a position in
 * the whole text.
 */
function selectorsOf(a: Record<string, unknown>): Selected {
  const out: Selected = { base: 0 };
  const target = asList(own(a, 'target'))[0];
  if (!isRecord(target)) return out;
  const visit = (sel: unknown, parent: Record<string, unknown> | undefined, base: number): void => {
    for (const s of asList(sel)) {
      if (!isRecord(s)) continue;
      const type = own(s, 'type');
      let childBase = base;
      if (type === 'TextPositionSelector' && !out.position && !out.refused) {
        const parentType = parent ? own(parent, 'type') : undefined;
        if (parent && !TEXT_SELECTORS.has(String(parentType))) {
          const fragment = parentType === 'FragmentSelector' ? charFragment(parent) : undefined;
          if (fragment === undefined) {
            out.refused = `its TextPositionSelector refines a ${String(parentType)}${parentType === 'FragmentSelector' ? ` (${JSON.stringify(own(parent, 'value'))})` : ''} that Parley cannot resolve in a plain text, so its offsets do not count from the start of the text`;
          } else {
            out.position = s;
            out.base = fragment;
          }
        } else {
          out.position = s;
          out.base = base;
        }
      }
      if (type === 'TextQuoteSelector' && out.quote === undefined && typeof own(s, 'exact') === 'string') {
        out.quote = own(s, 'exact') as string;
        out.quoteSelector = s;
      }
      if (type === 'FragmentSelector') childBase = charFragment(s) ?? base;
      if (has(s, 'refinedBy')) visit(own(s, 'refinedBy'), s, childBase);
    }
  };
  visit(own(target, 'selector'), undefined, 0);
  return out;
}

/** The start of an RFC 5147 plain-text fragment (`char=10` or `char=10,80`), or undefined for any other fragment. */
function charFragment(selector: Record<string, unknown>): number | undefined {
  const conforms = own(selector, 'conformsTo');
  if (conforms !== undefined && !(typeof conforms === 'string' && /rfc5147/i.test(conforms))) return undefined;
  const m = /^char=(\d+)(,\d+)?$/.exec(String(own(selector, 'value')));
  return m ? Number(m[1]) : undefined;
}

function asList(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function readAnnotation(builder: CorpusBuilder, doc: DocumentHandle, map: OffsetMap, a: Record<string, unknown>, at: { file: string; record: string }, positionIsHint = false): void {
  const targets = asList(own(a, 'target'));
  if (targets.length !== 1) return builder.error(at, `has ${targets.length} targets; Parley annotations mark one span`);
  const target = targets[0];
  if (!isRecord(target)) return builder.error(at, 'targets a whole resource; Parley needs a TextPositionSelector or a TextQuoteSelector');
  const selected = selectorsOf(a);
  const { position, quoteSelector } = selected;
  if (selected.refused && !quoteSelector) return builder.error(at, `cannot be placed: ${selected.refused}, and it has no TextQuoteSelector`);
  if (selected.refused) builder.warn(at, `placed by its quote: ${selected.refused}`);
  if (!position && !quoteSelector) return builder.error(at, 'has no TextPositionSelector or TextQuoteSelector');
  const text = doc.text;
  let start = -1;
  let end = -1;
  const exact = selected.quote;
  if (position) {
    const rawStart = own(position, 'start');
    const rawEnd = own(position, 'end');
    const shift = (v: unknown): unknown => (typeof v === 'number' ? v + selected.base : v);
    const span = spanFromCodePoints(map, shift(rawStart), shift(rawEnd));
    if (span.ok) ({ start, end } = span.value);
    else if (!positionIsHint) return builder.error(at, `TextPositionSelector: ${span.error.message}`);
    // Hypothesis counts UTF-16 code units in the page it annotated: try that reading before searching.
    if (positionIsHint && exact !== undefined && text.slice(start, end) !== exact && typeof rawStart === 'number' && typeof rawEnd === 'number' && text.slice(rawStart, rawEnd) === exact) {
      start = rawStart;
      end = rawEnd;
    }
  }
  if (exact !== undefined && (start < 0 || text.slice(start, end) !== exact)) {
    const found = anchor(text, { start: Math.max(start, 0), end: Math.max(end, 0), quote: { exact, prefix: String(own(quoteSelector!, 'prefix') ?? ''), suffix: String(own(quoteSelector!, 'suffix') ?? '') } });
    if (found.status === 'orphan') return builder.error(at, `quote ${showText(exact)} cannot be placed in the text: ${found.reason}`);
    if (position && !positionIsHint) builder.warn(at, `the text at the TextPositionSelector does not match the quote ${showText(exact)}; placed by the quote (${found.status}) at code points [${map.toCodePoint(found.start)}, ${map.toCodePoint(found.end)})`);
    else if (found.status === 'fuzzy') builder.warn(at, `quote ${showText(exact)} placed approximately (${found.errors} edits)`);
    ({ start, end } = found);
  }
  const motivations = asList(own(a, 'motivation'));
  const tags: string[] = [];
  const comments: string[] = [];
  const attributes: Record<string, string> = {};
  for (const b of asList(own(a, 'body'))) {
    const held = textBody(b);
    if ('ignored' in held) {
      builder.ignore(held.ignored, 1, held.why);
      continue;
    }
    const classified = held.purposes.includes('classifying') ? /^([^:\n]+):\s*([\s\S]*)$/.exec(held.value) : null;
    if (held.purposes.includes('tagging') || (held.purposes.length === 0 && motivations.includes('tagging'))) tags.push(held.value);
    else if (classified) attributes[classified[1]!.trim()] = classified[2]!.trim();
    else if (held.purposes.includes('classifying')) builder.ignore('W3C classifying bodies not of the form "Attribute: value"', 1, 'Parley reads a classifying body as an attribute and its value');
    else comments.push(held.value);
  }
  if (typeof own(a, 'bodyValue') === 'string') comments.push(own(a, 'bodyValue') as string);
  if (tags.length === 0) return builder.error(at, 'has no tagging body (a TextualBody with purpose "tagging"), so it has no label');
  if (tags.length > 1) builder.warn(at, `has ${tags.length} tags; imported as ${tags.length} annotations on the same span`);
  const creator = asList(own(a, 'creator'))[0];
  const author = typeof creator === 'string' ? creator : isRecord(creator) ? [own(creator, 'name'), own(creator, 'nickname'), own(creator, 'id')].find((x): x is string => typeof x === 'string') : undefined;
  const created = typeof own(a, 'created') === 'string' ? (own(a, 'created') as string) : undefined;
  const modified = typeof own(a, 'modified') === 'string' ? (own(a, 'modified') as string) : undefined;
  const rawId = asList(own(a, 'id'))[0];
  const id = isUri(rawId) && rawId.startsWith(ANNOTATION_IRI) && tags.length === 1 ? decodeURIComponent(rawId.slice(ANNOTATION_IRI.length)) : undefined;
  const note = comments.join('\n\n');
  const key = typeof rawId === 'string' ? rawId : undefined;
  for (const label of tags) {
    builder.addSpan(doc, at, {
      ...(key ? { key } : {}),
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
      start,
      end,
      label,
      ...(note ? { note } : {}),
      ...(author ? { author } : {}),
      ...(created ? { createdAt: created } : {}),
      ...(modified ? { updatedAt: modified } : {}),
      ...(id ? { id } : {}),
    });
  }
}

/** Purposes of a textual body that Parley keeps as the note (with commenting). */
const NOTE_PURPOSES = new Set(['classifying', 'commenting', 'describing', 'replying', 'questioning', 'editing', 'assessing', 'highlighting', 'bookmarking', 'moderating']);

/**
 * What a body is to Parley: a text with its purposes (a tag or a note), or a
 * kind of body it cannot hold, named for the report, with the reason.
 */
function textBody(b: unknown): { value: string; purposes: unknown[] } | { ignored: string; why: string } {
  if (typeof b === 'string') return { ignored: 'W3C bodies that are links (IRIs)', why: 'Parley does not follow or keep links' };
  if (!isRecord(b)) return { ignored: 'W3C bodies that are not objects', why: 'Parley cannot read them' };
  const types = asList(own(b, 'type'));
  const format = own(b, 'format');
  if (types.includes('SpecificResource') || has(b, 'source')) return { ignored: 'W3C SpecificResource bodies', why: 'Parley holds text bodies only' };
  if (types.some((t) => t === 'Choice' || t === 'Composite' || t === 'List' || t === 'Independents')) return { ignored: 'W3C Choice, Composite, List and Independents bodies', why: 'Parley holds text bodies only' };
  if (types.some((t) => t === 'Image' || t === 'Video' || t === 'Sound') || (typeof format === 'string' && /^(image|audio|video)\//i.test(format))) return { ignored: 'W3C image, audio and video bodies', why: 'Parley holds text bodies only' };
  if (typeof own(b, 'value') !== 'string') return { ignored: 'W3C bodies that are external resources', why: 'Parley works offline and holds text bodies only' };
  const purposes = asList(own(b, 'purpose'));
  const other = purposes.find((p) => p !== 'tagging' && !(typeof p === 'string' && NOTE_PURPOSES.has(p)));
  if (other !== undefined) return { ignored: `W3C textual bodies with purpose ${JSON.stringify(other)}`, why: 'Parley keeps tagging bodies as labels and commenting or describing ones as notes' };
  return { value: own(b, 'value') as string, purposes };
}

/** The W3C Web Annotation codec. */
export const w3cCodec: FormatCodec = {
  name: 'w3c',
  import: importW3c,
  export: exportW3c,
};
