/**
 * brat standoff: a folder (or zip) of `.txt` + `.ann` pairs with
 * `annotation.conf`, `visual.conf` (colours, display names) and
 * `kb_shortcuts.conf` (keys). Offsets are code points, end exclusive.
 *
 * Import keeps text-bound annotations (`T`) and their `AnnotatorNotes`; a
 * discontinuous span whose gaps are only line breaks is joined into one span
 * (that is how brat stores a span across lines); other discontinuous spans are
 * kept as one annotation per fragment and reported. Relations (`R`) become
 * relations, with their notes; an event (`E`) becomes a relation from its
 * trigger to each argument, typed by the argument's role; attributes (`A`,
 * `M`) become span attributes; normalisations (`N`) become entity links
 * (see `entityIdOfReference`). Equivalences are counted and set aside. Export
 * writes relations as `R` lines, attribute values as `A` lines, declared in
 * `annotation.conf`, and each span's entity as an `N` line.
 */
import type { Corpus, Entity, Label, RelationType } from '../model';
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';
import { OffsetMap } from '../unicode';
import { CorpusBuilder, type DocumentHandle } from './corpus-builder';
import { exportedAnnotations, exportedRelations, forEachExportedDocument, LabelNames, RelationTypeNames } from './export-support';
import { baseName, FileNamer, fileText, withoutExtension } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { showText, spanFromCodePoints, toCodePointSpan, type Utf16Span } from './offsets';
import { expandZips } from './zip';

/** Largest `.ann` file accepted, in characters. */
export const MAX_ANN_LENGTH = 32 * 1024 * 1024;

const IGNORED_KINDS: Record<string, string> = {
  '*': 'equivalences (*)',
};

/** The normalisation database name under which a library's own entity ids are written (`Parley:ent_…`). */
export const PARLEY_REFERENCE_DB = 'Parley';

/**
 * The library entity id a brat reference (`RID:EID` of an `N` line) stands
 * for: the entity id itself under the `Parley` database, otherwise the whole
 * reference (`Wikidata:Q8684`), so one reference is one entity however often
 * it is imported.
 */
export function entityIdOfReference(rid: string, eid: string): string {
  return rid === PARLEY_REFERENCE_DB ? eid : `${rid}:${eid}`;
}

/**
 * The brat reference (`RID:EID`) an entity id is written as: the inverse of
 * `entityIdOfReference`. An id that holds a colon is a reference already;
 * any other is `Parley:<id>`. Null when the id cannot be written (it holds
 * white space, which a brat reference cannot).
 */
export function referenceOfEntityId(id: string): string | null {
  if (/\s/u.test(id)) return null;
  return /^[^:]+:./u.test(id) ? id : `${PARLEY_REFERENCE_DB}:${id}`;
}

/** A brat type name for a label name: whitespace becomes `_` (brat types cannot hold spaces). */
export function bratType(name: string): string {
  return name.trim().replace(/\s+/g, '_') || 'Label';
}

/** Sections of a brat `.conf` file: section name → non-comment lines. */
function confSections(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current = '';
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^\[(\w+)\]$/.exec(line.trim());
    if (m) {
      current = m[1]!.toLowerCase();
      continue;
    }
    if (!sections.has(current)) sections.set(current, []);
    sections.get(current)!.push(line);
  }
  return sections;
}

/** Relation types declared in `annotation.conf` `[relations]`: a `symmetric` one is undirected. */
export function readBratRelationTypes(annotationConf?: string): RelationType[] {
  const types: RelationType[] = [];
  for (const line of annotationConf ? (confSections(annotationConf).get('relations') ?? []) : []) {
    const name = line.trim().split(/\s+/)[0];
    if (!name || name.startsWith('<') || name.startsWith('!') || types.some((t) => t.id === name)) continue;
    types.push({ id: name, name: name.replace(/_/g, ' '), color: '#6b7280', shortcut: '', directed: !/<REL-TYPE>:[^,]*symmetric/.test(line), from: [], to: [] });
  }
  return types;
}

/** Labels described by brat's configuration files: entity types with display names, colours and keys. */
export function readBratConfig(annotationConf?: string, visualConf?: string, kbShortcutsConf?: string): Label[] {
  const types: string[] = [];
  for (const line of annotationConf ? (confSections(annotationConf).get('entities') ?? []) : []) {
    const type = line.trim().replace(/^!/, '').split(/\s+/)[0];
    if (type && !line.trim().startsWith('!') && !type.startsWith('<')) types.push(type);
  }
  const names = new Map<string, string>();
  const colours = new Map<string, string>();
  if (visualConf) {
    const sections = confSections(visualConf);
    for (const line of sections.get('labels') ?? []) {
      const [type, name] = line.split('|').map((s) => s.trim());
      if (type && name) names.set(type, name);
    }
    for (const line of sections.get('drawing') ?? []) {
      const m = /^(\S+)\s+.*\bbgColor:(#[0-9a-fA-F]{6})\b/.exec(line);
      if (m) colours.set(m[1]!, m[2]!.toLowerCase());
    }
  }
  const keys = new Map<string, string>();
  for (const line of kbShortcutsConf ? kbShortcutsConf.split(/\r\n|\n|\r/) : []) {
    const m = /^(\S)\s+(\S+)\s*$/.exec(line.trim());
    if (m && !line.trim().startsWith('#')) keys.set(m[2]!, m[1]!);
  }
  return types.map((type) => ({ id: type, name: names.get(type) ?? type.replace(/_/g, ' '), color: colours.get(type) ?? '#6b7280', shortcut: keys.get(type) ?? '', description: '' }));
}

/** Reads brat standoff: `.txt`/`.ann` pairs, configs optional. An `.ann` without its `.txt` fails the import. */
export function importBrat(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const expanded = expandZips(files);
  if (!expanded.ok) return expanded;
  const byName = new Map<string, FormatFile>();
  for (const f of expanded.value) byName.set(f.path, f);
  const conf = (name: string): string | undefined => {
    const f = expanded.value.find((x) => baseName(x.path) === name);
    return f ? fileText(f) : undefined;
  };
  const txts = expanded.value.filter((f) => /\.txt$/i.test(f.path));
  const anns = expanded.value.filter((f) => /\.ann$/i.test(f.path));
  if (txts.length === 0 && anns.length === 0) return fail('invalid-input', 'no .txt or .ann file was given');
  const builder = new CorpusBuilder(options, 'brat');
  builder.defineLabels(readBratConfig(conf('annotation.conf'), conf('visual.conf'), conf('kb_shortcuts.conf')));
  builder.defineRelationTypes(readBratRelationTypes(conf('annotation.conf')));
  /** Entity ids the `N` lines named, with their names, across every file. */
  const seenEntities = new Map<string, string[]>();
  for (const ann of anns) {
    if (!byName.has(`${withoutExtension(ann.path)}.txt`)) builder.error({ file: ann.path }, `no text file ${withoutExtension(ann.path)}.txt for these annotations`);
  }
  for (let i = 0; i < txts.length; i++) {
    const stop = builder.step(i, txts.length);
    if (stop) return stop;
    const txt = txts[i]!;
    const text = fileText(txt);
    const doc = builder.addDocument({ file: txt.path }, { title: withoutExtension(baseName(txt.path)), source: baseName(txt.path), originalPath: txt.path, text });
    const ann = byName.get(`${withoutExtension(txt.path)}.ann`);
    if (doc && ann) readAnn(builder, doc, ann, seenEntities);
  }
  builder.step(txts.length, txts.length);
  const finished = builder.finish();
  if (finished.ok && seenEntities.size > 0) finished.value.corpus.entities = entitiesNamed(finished.value.corpus, seenEntities);
  return finished;
}

interface TextBound {
  id: string;
  type: string;
  spans: Utf16Span[];
  line: number;
  notes: string[];
}

/**
 * The entities the `N` lines named, by id, with the names they were given:
 * the first a name (its reference's text, else the span's), the others its
 * aliases; each takes the label of the first span linked to it as its kind.
 */
function entitiesNamed(corpus: Corpus, named: ReadonlyMap<string, readonly string[]>): Entity[] {
  const kinds = new Map<string, string>();
  for (const d of corpus.documents) for (const l of d.layers) for (const a of l.annotations) if (a.entityId !== undefined && !kinds.has(a.entityId)) kinds.set(a.entityId, a.labelId);
  const out: Entity[] = [];
  for (const [id, names] of named) {
    const kind = kinds.get(id);
    if (kind !== undefined) out.push({ id, name: names[0]!, aliases: names.slice(1), kind });
  }
  return out;
}

function readAnn(builder: CorpusBuilder, doc: DocumentHandle, file: FormatFile, seenEntities: Map<string, string[]>): void {
  const source = fileText(file);
  if (source.length > MAX_ANN_LENGTH) {
    builder.error({ file: file.path }, `file is ${source.length} characters; the limit is ${MAX_ANN_LENGTH}`);
    return;
  }
  const text = doc.text;
  const map = new OffsetMap(text);
  const bound = new Map<string, TextBound>();
  const notes: Array<{ target: string; note: string; line: number }> = [];
  const attributeLines: Array<{ target: string; name: string; value: string; line: number }> = [];
  const links: Array<{ type: string; from: string; to: string; line: number; id: string }> = [];
  const references: Array<{ id: string; target: string; entityId: string; name: string; line: number }> = [];
  const triggers = new Map<string, string>();
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const at = { file: file.path, line };
    if (raw.trim() === '') return;
    const kind = raw[0]!;
    if (kind === 'T') {
      const m = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(raw);
      if (!m) return builder.error(at, 'malformed text-bound line (expected "T<n><TAB>TYPE START END<TAB>TEXT")');
      const [, id, type, offsets, quoted] = m;
      if (bound.has(id!)) return builder.error(at, `${id} is defined twice`);
      const spans: Utf16Span[] = [];
      for (const pair of offsets!.split(';')) {
        const [s, e] = pair.split(' ').map(Number);
        const span = spanFromCodePoints(map, s, e);
        if (!span.ok) return builder.error(at, `${id}: ${span.error.message}`);
        spans.push(span.value);
      }
      const actual = spans.map((s) => text.slice(s.start, s.end)).join(' ');
      if (actual !== quoted) return builder.error(at, `${id}: text ${showText(quoted!)} does not match the text at the offsets, ${showText(actual)}`);
      bound.set(id!, { id: id!, type: type!, spans, line, notes: [] });
    } else if (kind === '#') {
      const m = /^#\d*\t(\S+) (\S+)\t?(.*)$/.exec(raw);
      if (!m) return builder.error(at, 'malformed note line (expected "#<n><TAB>AnnotatorNotes ID<TAB>NOTE")');
      if (m[1] !== 'AnnotatorNotes') return builder.ignore(`notes of type ${m[1]}`);
      notes.push({ target: m[2]!, note: m[3]!, line });
    } else if (kind === 'R') {
      const m = /^(R\d+)\t(\S+) Arg1:([TE]\d+) Arg2:([TE]\d+)\s*$/.exec(raw);
      if (!m) return builder.error(at, 'malformed relation line (expected "R<n><TAB>TYPE Arg1:T<n> Arg2:T<n>")');
      links.push({ id: m[1]!, type: m[2]!, from: m[3]!, to: m[4]!, line });
    } else if (kind === 'E') {
      const m = /^(E\d+)\t(\S+?):(T\d+)((?: \S+:[TE]\d+)*)\s*$/.exec(raw);
      if (!m) return builder.error(at, 'malformed event line (expected "E<n><TAB>TYPE:T<n> ROLE:ID ...")');
      triggers.set(m[1]!, m[3]!);
      for (const arg of m[4]!.trim().split(' ').filter(Boolean)) {
        const [role, target] = arg.split(':') as [string, string];
        // brat numbers repeated roles (Guest-Arg2); the relation type is the role itself.
        links.push({ id: m[1]!, type: role.replace(/\d+$/, ''), from: m[1]!, to: target, line });
      }
    } else if (kind === 'A' || kind === 'M') {
      const m = /^([AM]\d+)\t(\S+) ([TE]\d+)(?: (\S+))?\s*$/.exec(raw);
      if (!m) return builder.error(at, 'malformed attribute line (expected "A<n><TAB>NAME ID [VALUE]")');
      attributeLines.push({ target: m[3]!, name: m[2]!.replace(/_/g, ' '), value: m[4] ?? 'true', line });
    } else if (kind === 'N') {
      const m = /^(N\d+)\t(\S+) ([TE]\d+) ([^\s:]+):(\S+)(?:\t(.*))?$/.exec(raw);
      if (!m) return builder.error(at, 'malformed normalization line (expected "N<n><TAB>Reference T<n> DB:ID<TAB>NAME")');
      references.push({ id: m[1]!, target: m[3]!, entityId: entityIdOfReference(m[4]!, m[5]!), name: (m[6] ?? '').trim(), line });
    } else if (IGNORED_KINDS[kind]) {
      builder.ignore(IGNORED_KINDS[kind]!);
    } else {
      builder.error(at, `unknown line type ${JSON.stringify(kind)}`);
    }
  });
  // An attribute of an event belongs to its trigger's span.
  const attributes = new Map<string, Record<string, string>>();
  for (const a of attributeLines) {
    const target = triggers.get(a.target) ?? a.target;
    if (!bound.has(target)) builder.error({ file: file.path, line: a.line }, `an attribute refers to ${a.target}, which is not defined`);
    else attributes.set(target, { ...attributes.get(target), [a.name]: a.value });
  }
  // Normalisations: a span's entity (an event's goes to its trigger); the first reference of a span wins.
  const entityOf = new Map<string, string>();
  for (const r of references) {
    const target = triggers.get(r.target) ?? r.target;
    const at = { file: file.path, line: r.line };
    const t = bound.get(target);
    if (!t) {
      builder.error(at, `${r.id} refers to ${r.target}, which is not defined`);
      continue;
    }
    const earlier = entityOf.get(target);
    if (earlier !== undefined) {
      if (earlier !== r.entityId) builder.warn(at, `${target} has more than one reference; its entity is the first, ${earlier}, and ${r.entityId} is not linked`);
      continue;
    }
    entityOf.set(target, r.entityId);
    const names = seenEntities.get(r.entityId) ?? [];
    const name = r.name || t.spans.map((s) => text.slice(s.start, s.end)).join(' ');
    if (!names.includes(name)) names.push(name);
    seenEntities.set(r.entityId, names);
  }
  const relationNotes = new Map<string, string[]>();
  for (const n of notes) {
    const t = bound.get(n.target);
    if (t) t.notes.push(n.note);
    else if (/^R\d+$/.test(n.target)) relationNotes.set(n.target, [...(relationNotes.get(n.target) ?? []), n.note]);
    else if (/^T\d+$/.test(n.target)) builder.error({ file: file.path, line: n.line }, `note refers to ${n.target}, which is not defined`);
    else builder.ignore('notes on events and other non-text-bound annotations');
  }
  for (const t of bound.values()) {
    const at = { file: file.path, line: t.line };
    const note = t.notes.length > 0 ? t.notes.join('\n') : undefined;
    const values = attributes.get(t.id);
    const entityId = entityOf.get(t.id);
    const extra = { ...(note ? { note } : {}), ...(values ? { attributes: values } : {}), ...(entityId !== undefined ? { entityId } : {}), key: t.id };
    const first = t.spans[0]!;
    const last = t.spans[t.spans.length - 1]!;
    const gapsAreLineBreaks = t.spans.every((s, k) => k === 0 || (s.start >= t.spans[k - 1]!.end && /^[\r\n]*$/.test(text.slice(t.spans[k - 1]!.end, s.start))));
    if (t.spans.length === 1 || gapsAreLineBreaks) {
      builder.addSpan(doc, at, { start: first.start, end: last.end, label: t.type, ...extra });
      continue;
    }
    builder.warn(at, `${t.id} is discontinuous (${t.spans.length} fragments); kept as ${t.spans.length} ${t.type} annotations, one per fragment`);
    for (const s of t.spans) builder.addSpan(doc, at, { ...s, label: t.type, ...extra });
  }
  for (const l of links) {
    const at = { file: file.path, line: l.line };
    const from = triggers.get(l.from) ?? l.from;
    const to = triggers.get(l.to) ?? l.to;
    const missing = [l.from, l.to].find((ref) => !bound.has(triggers.get(ref) ?? ref));
    if (missing) {
      builder.error(at, `${l.id} refers to ${missing}, which is not defined`);
      continue;
    }
    const note = relationNotes.get(l.id)?.join('\n');
    builder.addRelation(doc, at, { sourceKey: from, targetKey: to, type: l.type, ...(note ? { note } : {}) });
  }
}

/** Splits a span at line breaks into the fragments brat stores (brat spans do not cross lines). */
function fragments(text: string, start: number, end: number): Utf16Span[] {
  const out: Utf16Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text[i] : undefined;
    if (c === '\n' || c === '\r' || i === end) {
      if (i > from) out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  return out;
}

/** Writes `.txt`/`.ann` pairs plus `annotation.conf`, `visual.conf` and `kb_shortcuts.conf` carrying the labels. */
export function exportBrat(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const types = new RelationTypeNames(corpus);
  const namer = new FileNamer();
  /** Attribute values written, by attribute type name, for annotation.conf. */
  const declared = new Map<string, { labels: Set<string>; values: Set<string> }>();
  const files: FormatFile[] = [];
  const warnings: Problem[] = [];
  const entities = new Map((corpus.entities ?? []).map((e) => [e.id, e]));
  const stopped = forEachExportedDocument(corpus, options, 'brat', (i) => {
    const cd = corpus.documents[i]!;
    const text = cd.document.text;
    const map = new OffsetMap(text);
    const stem = namer.stemFor(cd.document);
    const lines: string[] = [];
    let t = 0;
    let n = 0;
    let attributeCount = 0;
    let normalizations = 0;
    const written = new Map<string, string>();
    for (const a of exportedAnnotations(cd, options)) {
      const frags = fragments(text, a.start, a.end);
      if (frags.length === 0) {
        warnings.push({ file: `${stem}.ann`, record: a.id, message: `annotation [${a.start}, ${a.end}) holds only line breaks, which brat cannot mark; not written` });
        continue;
      }
      t++;
      const offsets = frags.map((f) => toCodePointSpan(map, f)).map((f) => `${f.start} ${f.end}`).join(';');
      lines.push(`T${t}\t${bratType(names.name(a.labelId))} ${offsets}\t${frags.map((f) => text.slice(f.start, f.end)).join(' ')}`);
      written.set(a.id, `T${t}`);
      for (const v of names.attributes(a)) {
        const value = bratType(v.display);
        if (/\s/.test(v.display.trim()) && v.definition?.type !== 'choice') {
          warnings.push({ file: `${stem}.ann`, record: a.id, message: `attribute ${v.name} of T${t} not written: its value ${JSON.stringify(v.display)} holds spaces, which a brat attribute value cannot` });
          continue;
        }
        attributeCount++;
        lines.push(`A${attributeCount}\t${bratType(v.name)} T${t} ${value}`);
        const d = declared.get(bratType(v.name)) ?? { labels: new Set<string>(), values: new Set<string>() };
        d.labels.add(bratType(names.name(a.labelId)));
        d.values.add(value);
        declared.set(bratType(v.name), d);
      }
      if (a.entityId !== undefined) {
        const reference = referenceOfEntityId(a.entityId);
        if (reference === null) warnings.push({ file: `${stem}.ann`, record: a.id, message: `entity of T${t} not written: its id ${JSON.stringify(a.entityId)} holds white space, which a brat reference cannot` });
        else {
          normalizations++;
          const name = (entities.get(a.entityId)?.name ?? text.slice(a.start, a.end)).replace(/\s+/gu, ' ').trim();
          lines.push(`N${normalizations}\tReference T${t} ${reference}\t${name}`);
        }
      }
      if (a.note) {
        const flat = a.note.replace(/\r\n|\n|\r|\t/g, ' ');
        if (flat !== a.note) warnings.push({ file: `${stem}.ann`, line: lines.length + 1, message: `note on T${t} put on one line: brat notes cannot hold line breaks or tabs` });
        n++;
        lines.push(`#${n}\tAnnotatorNotes T${t}\t${flat}`);
      }
    }
    let r = 0;
    for (const rel of exportedRelations(cd, options)) {
      const from = written.get(rel.sourceId);
      const to = written.get(rel.targetId);
      if (!from || !to) {
        warnings.push({ file: `${stem}.ann`, record: rel.id, message: `relation ${types.name(rel.typeId)} not written: one of its spans holds only line breaks and was not written` });
        continue;
      }
      r++;
      lines.push(`R${r}\t${bratType(types.name(rel.typeId))} Arg1:${from} Arg2:${to}`);
      if (rel.note) {
        n++;
        lines.push(`#${n}\tAnnotatorNotes R${r}\t${rel.note.replace(/\r\n|\n|\r|\t/g, ' ')}`);
      }
    }
    files.push({ path: `${stem}.txt`, data: text }, { path: `${stem}.ann`, data: lines.length > 0 ? `${lines.join('\n')}\n` : '' });
    });
  if (stopped) return stopped;
  const labels = corpus.labels.labels;
  files.push(
    { path: 'annotation.conf', data: ['[entities]', ...labels.map((l) => bratType(l.name)), '', '[relations]', ...relationConf(corpus), '', '[events]', '', '[attributes]', ...[...declared].map(([name, d]) => `${name}\tArg:${[...d.labels].join('|')}, Value:${[...d.values].join('|')}`), ''].join('\n') },
    { path: 'visual.conf', data: ['[labels]', ...labels.map((l) => `${bratType(l.name)} | ${l.name}`), '', '[drawing]', ...labels.map((l) => `${bratType(l.name)}\tbgColor:${l.color}`), ''].join('\n') },
    { path: 'kb_shortcuts.conf', data: labels.filter((l) => /^\S$/u.test(l.shortcut)).map((l) => `${l.shortcut}\t${bratType(l.name)}\n`).join('') },
  );
  return ok({ files, warnings });
}

/** `[relations]` lines of annotation.conf: each relation type with the labels allowed at each end (`<ENTITY>` for any). */
function relationConf(corpus: Corpus): string[] {
  const names = new LabelNames(corpus);
  const ends = (ids: string[]) => (ids.length === 0 ? '<ENTITY>' : ids.map((id) => bratType(names.name(id))).join('|'));
  return (corpus.labels.relationTypes ?? []).map((t) => `${bratType(t.name)}\tArg1:${ends(t.from)}, Arg2:${ends(t.to)}${t.directed ? '' : ', <REL-TYPE>:symmetric'}`);
}

/** The brat standoff codec. */
export const bratCodec: FormatCodec = {
  name: 'brat',
  import: importBrat,
  export: exportBrat,
};
