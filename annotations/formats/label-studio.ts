/**
 * Label Studio JSON tasks: `[{"data": {"text"}, "annotations": [{"result": [...]}]}]`
 * with `labels` results (`value.start`, `value.end`, `value.text`,
 * `value.labels`). Offsets are code points, as current Label Studio writes
 * them; older versions counted UTF-16 units, which import detects through
 * `value.text` and reports. Notes travel as per-region `textarea` results, and
 * colours and shortcuts in the labelling config written beside the tasks. The
 * text may sit under any key of `data` (see `taskText`); each annotator is a
 * layer; region ids become annotation ids, and a task's id, data key and
 * control names are kept as the document's `origin`, so an export loads back
 * into the project it came from. Relations travel as `relation` results
 * (`from_id`, `to_id`, `direction`, `labels`), choice attributes as
 * per-region `choices` results and text or date attributes as per-region
 * `textarea` results named by the attribute; the config gains `<Relations>`
 * and per-region `<Choices>`/`<TextArea>`. Result types Parley cannot hold
 * are counted.
 */
import type { AttributeDefinition, Corpus, DocumentOrigin, Label, LabelSchema, RelationType } from '../model';
import { findLabel, labelKey } from '../labels';
import { colleagueLayerId } from '../model';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { OffsetMap } from '../unicode';
import { CorpusBuilder, type DocumentHandle, type LayerRef } from './corpus-builder';
import { exportedLayers, forEachExportedDocument, LabelNames, RelationTypeNames } from './export-support';
import { baseName, fileText } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { isRecord, own, parseJsonSafely } from './json-limits';
import { ISO_DATE_TIME } from './json-reader';
import { showText, spanFromCodePoints, spanFromUtf16, toCodePointSpan, type Utf16Span } from './offsets';
import { importInputs, readEachInput } from './import-inputs';
import { plural } from '../text/plural';

/** Default file names of an export. */
export const LABEL_STUDIO_TASKS_FILE = 'label-studio-tasks.json';
export const LABEL_STUDIO_CONFIG_FILE = 'label-studio-config.xml';

/** Reads Label Studio task files (and a labelling config, if given, for colours and shortcuts). */
export function importLabelStudio(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const opened = importInputs(files, /\.json$/i, 'no .json task file was given');
  if (!opened.ok) return opened;
  const builder = new CorpusBuilder(options, 'Label Studio');
  const textKeys: string[] = [];
  for (const f of opened.value.all.filter((x) => /\.xml$/i.test(x.path))) {
    const xml = fileText(f);
    builder.defineLabels(readLabelConfig(xml));
    textKeys.push(...readTextKeys(xml));
  }
  const tally: AnnotatorTally = { tasks: 0, layers: 0 };
  const stop = readEachInput(builder, opened.value.inputs, (file) => {
    const parsed = parseJsonSafely(fileText(file), { file: file.path });
    if (!parsed.ok) {
      for (const p of parsed.error.problems ?? []) builder.error({ file: file.path, ...(p.record ? { record: p.record } : {}) }, p.message);
      return;
    }
    const tasks = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    tasks.forEach((task, t) => readTask(builder, file, task, Array.isArray(parsed.value) ? `[${t}]` : '$', textKeys, tally, options.labels));
  });
  if (stop) return stop;
  if (tally.tasks > 0) builder.warn({}, `${plural(tally.tasks, 'task has', 'tasks have')} annotations by several annotators: the first annotation of each task is in your layer, the others in ${plural(tally.layers, 'colleague layer')} named by completed_by`);
  return builder.finish();
}

/** Tasks annotated by more than one annotator, and the colleague layers they made. */
interface AnnotatorTally {
  tasks: number;
  layers: number;
}

/** Result types that mark something about a region or the task that Parley has no place for, with the reason. */
const NOT_HELD: Record<string, { kind: string; why: string }> = {
  choices: { kind: 'Label Studio choices', why: 'Parley holds span labels, not choices' },
  rating: { kind: 'Label Studio ratings', why: 'Parley has no place for ratings' },
  taxonomy: { kind: 'Label Studio taxonomy results', why: 'Parley holds one flat label per span' },
  number: { kind: 'Label Studio number results', why: 'Parley has no place for numbers' },
  datetime: { kind: 'Label Studio date-time results', why: 'Parley has no place for them' },
  pairwise: { kind: 'Label Studio pairwise results', why: 'Parley has no place for them' },
};

/**
 * The text of a task: `data[key]` for the first key a labelling config's
 * `<Text value="$key">` names that the task has, else `data.text`, else the
 * only string field of `data` (besides the `title` and `parley_id` Parley's
 * own export writes).
 */
function taskText(data: Record<string, unknown>, textKeys: readonly string[]): { key: string; text: string } | { error: string } {
  for (const key of textKeys) {
    const v = own(data, key);
    if (typeof v === 'string') return { key, text: v };
  }
  if (typeof own(data, 'text') === 'string') return { key: 'text', text: own(data, 'text') as string };
  const strings = Object.keys(data).filter((k) => typeof own(data, k) === 'string');
  // Parley's own export writes the title and the Parley id beside the text.
  const candidates = strings.length === 1 ? strings : strings.filter((k) => k !== 'title' && k !== 'parley_id');
  if (candidates.length === 1) return { key: candidates[0]!, text: own(data, candidates[0]!) as string };
  const named = textKeys.length > 0 ? `none of ${textKeys.map((k) => `"${k}"`).join(', ')} (from the labelling config) and ` : '';
  if (strings.length === 0) return { error: `holds ${named}no string field to read as the text` };
  return { error: `holds ${named}${strings.length} string fields (${strings.join(', ')}); give the labelling config (.xml) whose <Text value="$…"> names the text` };
}

function readTask(builder: CorpusBuilder, file: FormatFile, task: unknown, path: string, textKeys: readonly string[], tally: AnnotatorTally, schema: LabelSchema): void {
  const at = { file: file.path, record: path };
  if (!isRecord(task)) return builder.error(at, 'task must be an object');
  const data = own(task, 'data');
  if (!isRecord(data)) return builder.error({ ...at, record: `${path}.data` }, 'must be an object holding the text');
  const found = taskText(data, textKeys);
  if ('error' in found) return builder.error({ ...at, record: `${path}.data` }, found.error);
  const { text } = found;
  const title = found.key !== 'title' && typeof own(data, 'title') === 'string' ? (own(data, 'title') as string) : `${baseName(file.path)} task ${String(own(task, 'id') ?? path)}`;
  const doc = builder.addDocument(at, { title, source: baseName(file.path), text, origin: taskOrigin(task, found.key) });
  if (!doc) return;
  const predictions = own(task, 'predictions');
  if (Array.isArray(predictions) && predictions.length > 0) builder.ignore('Label Studio predictions', predictions.length, 'suggestions by a model, not annotations');
  const annotations = own(task, 'annotations') ?? own(task, 'completions') ?? [];
  if (!Array.isArray(annotations)) return builder.error({ ...at, record: `${path}.annotations` }, 'must be a list');
  const map = new OffsetMap(text);
  const layers = new Map<string, LayerRef>();
  annotations.forEach((ann, k) => {
    const apath = `${path}.annotations[${k}]`;
    if (!isRecord(ann)) return builder.error({ ...at, record: apath }, 'must be an object');
    if (own(ann, 'was_cancelled') === true) return builder.ignore('Label Studio annotations marked cancelled (was_cancelled)', 1, 'the annotator skipped the task');
    const result = own(ann, 'result');
    if (!Array.isArray(result)) return builder.error({ ...at, record: `${apath}.result` }, 'must be a list');
    const who = own(ann, 'completed_by');
    const whoName = typeof who === 'string' || typeof who === 'number' ? String(who) : isRecord(who) && typeof own(who, 'email') === 'string' ? (own(who, 'email') as string) : undefined;
    const key = whoName ?? `#${k}`;
    let layer = layers.get(key);
    if (!layer) {
      layer =
        layers.size === 0
          ? { ...builder.ownLayer, author: whoName ?? builder.defaultAuthor }
          : { id: colleagueLayerId(whoName ?? `label-studio-${layers.size + 1}`), kind: 'colleague', author: whoName ?? `label-studio-${layers.size + 1}` };
      layers.set(key, layer);
      builder.addLayer(doc, layer);
    }
    readResults(builder, file, doc, map, ann, result, apath, layer, schema);
  });
  if (layers.size > 1) {
    tally.tasks++;
    tally.layers += layers.size - 1;
  }
}

/** The attribute of `labelName` (in the project's schema) a per-region control named `control` sets, if any. */
function attributeOf(schema: LabelSchema, labelName: string, control: string): AttributeDefinition | undefined {
  const defs = findLabel(schema, labelName)?.attributes ?? [];
  return defs.find((d) => labelKey(d.id) === labelKey(control)) ?? defs.find((d) => labelKey(d.name) === labelKey(control));
}

function readResults(builder: CorpusBuilder, file: FormatFile, doc: DocumentHandle, map: OffsetMap, ann: Record<string, unknown>, result: unknown[], apath: string, layer: LayerRef, schema: LabelSchema): void {
  const text = doc.text;
  const created = typeof own(ann, 'created_at') === 'string' && ISO_DATE_TIME.test(own(ann, 'created_at') as string) ? (own(ann, 'created_at') as string) : undefined;
  const updated = typeof own(ann, 'updated_at') === 'string' && ISO_DATE_TIME.test(own(ann, 'updated_at') as string) ? (own(ann, 'updated_at') as string) : created;
  const notes = new Map<string, string>();
  const regionIds = new Set<string>();
  /** The first label of each region, by region id: per-region controls are matched to its attributes. */
  const regionLabel = new Map<string, string>();
  const values = new Map<string, Record<string, string>>();
  for (const r of result) {
    if (!isRecord(r) || typeof own(r, 'id') !== 'string') continue;
    const labels = isRecord(own(r, 'value')) ? own(own(r, 'value') as Record<string, unknown>, 'labels') : undefined;
    if (own(r, 'type') === 'labels') {
      regionIds.add(own(r, 'id') as string);
      if (Array.isArray(labels) && typeof labels[0] === 'string') regionLabel.set(own(r, 'id') as string, labels[0]);
    }
  }
  const setValue = (id: string, attribute: string, value: string) => values.set(id, { ...values.get(id), [attribute]: value });
  for (const r of result) {
    if (!isRecord(r) || typeof own(r, 'id') !== 'string') continue;
    const id = own(r, 'id') as string;
    const v = own(r, 'value');
    const control = typeof own(r, 'from_name') === 'string' ? (own(r, 'from_name') as string) : '';
    const label = regionLabel.get(id);
    if (own(r, 'type') === 'textarea') {
      const t = isRecord(v) ? own(v, 'text') : undefined;
      if (!Array.isArray(t) || !t.every((x) => typeof x === 'string')) continue;
      const attribute = label !== undefined ? attributeOf(schema, label, control) : undefined;
      if (attribute && attribute.type !== 'choice') setValue(id, attribute.id, t.join('\n'));
      else notes.set(id, t.join('\n'));
    }
    if (own(r, 'type') === 'choices' && regionIds.has(id)) {
      const c = isRecord(v) ? own(v, 'choices') : undefined;
      if (Array.isArray(c) && c.length === 1 && typeof c[0] === 'string' && control) setValue(id, attributeOf(schema, label ?? '', control)?.id ?? control, c[0]);
    }
  }
  /** Region keys are scoped to this annotation: two annotators may use the same region ids. */
  const regionKey = (id: string) => `${apath}#${id}`;
  const usedNotes = new Set<string>();
  result.forEach((r, j) => {
    const rpath = `${apath}.result[${j}]`;
    const loc = { file: file.path, record: rpath };
    if (!isRecord(r)) return builder.error(loc, 'must be an object');
    const type = own(r, 'type');
    if (type === 'textarea') return;
    if (type === 'choices' && typeof own(r, 'id') === 'string' && regionIds.has(own(r, 'id') as string)) {
      const c = isRecord(own(r, 'value')) ? own(own(r, 'value') as Record<string, unknown>, 'choices') : undefined;
      if (Array.isArray(c) && c.length === 1 && typeof c[0] === 'string' && typeof own(r, 'from_name') === 'string') return;
      return builder.ignore('Label Studio choices on regions with several or no choices', 1, 'a Parley attribute holds one value');
    }
    if (type === 'relation') {
      const from = own(r, 'from_id');
      const to = own(r, 'to_id');
      if (typeof from !== 'string' || typeof to !== 'string') return builder.error(loc, 'a relation needs from_id and to_id (region ids)');
      const names = own(r, 'labels');
      if (names !== undefined && (!Array.isArray(names) || names.some((n) => typeof n !== 'string'))) return builder.error(loc, 'relation labels must be a list of names');
      const direction = own(r, 'direction');
      const [source, target] = direction === 'left' ? [to, from] : [from, to];
      const types = (names as string[] | undefined)?.filter((n) => n.trim() !== '') ?? [];
      for (const t of types.length > 0 ? types : ['related']) builder.addRelation(doc, loc, { sourceKey: regionKey(source), targetKey: regionKey(target), type: t, directed: direction !== 'bi' });
      return;
    }
    if (type !== 'labels') {
      const known = typeof type === 'string' ? NOT_HELD[type] : undefined;
      const perRegion = typeof own(r, 'id') === 'string' && regionIds.has(own(r, 'id') as string) && type !== 'relation';
      if (known) return builder.ignore(perRegion ? `${known.kind} on regions` : known.kind, 1, known.why);
      return builder.ignore(`Label Studio "${String(type)}" results`, 1, 'Parley reads labels (text spans) and per-region textareas');
    }
    const value = own(r, 'value');
    if (!isRecord(value)) return builder.error(loc, '"value" must be an object');
    const labels = own(value, 'labels');
    if (!Array.isArray(labels) || labels.length === 0 || labels.some((l) => typeof l !== 'string' || l.trim() === '')) return builder.error(loc, 'value.labels must be a non-empty list of label names');
    const span = locate(text, map, own(value, 'start'), own(value, 'end'), own(value, 'text'));
    if (!span.ok) return builder.error(loc, span.error.message);
    if (span.value.utf16) builder.warn(loc, 'offsets count UTF-16 code units (an older Label Studio); converted using value.text');
    if (labels.length > 1) builder.warn(loc, `region has ${labels.length} labels; imported as ${labels.length} annotations on the same span`);
    const id = typeof own(r, 'id') === 'string' ? (own(r, 'id') as string) : undefined;
    const note = id !== undefined ? notes.get(id) : undefined;
    if (id !== undefined && note !== undefined) usedNotes.add(id);
    (labels as string[]).forEach((label, n) => {
      // The region id becomes the annotation's id, so an export writes the same region back.
      const keepId = n === 0 && id !== undefined && id.trim() !== '' ? { id, key: regionKey(id) } : {};
      const attributes = id !== undefined && n === 0 ? values.get(id) : undefined;
      builder.addSpan(doc, loc, { start: span.value.start, end: span.value.end, label, layer, ...keepId, ...(attributes ? { attributes } : {}), ...(note !== undefined ? { note } : {}), ...(created ? { createdAt: created } : {}), ...(updated ? { updatedAt: updated } : {}) });
    });
  });
  const orphanNotes = [...notes.keys()].filter((id) => !usedNotes.has(id)).length;
  if (orphanNotes > 0) builder.ignore('Label Studio textarea results not attached to a labelled region', orphanNotes, 'Parley keeps notes on annotations');
}

/** The names a Label Studio export uses by default, and writes when a document came from no Label Studio project. */
export const DEFAULT_LABEL_STUDIO_NAMES: LabelStudioNames = { dataKey: 'text', fromName: 'label', toName: 'text', noteFromName: 'note' };

/** The data key of a task's text and the names of the controls that label it and take notes. */
export interface LabelStudioNames {
  dataKey: string;
  fromName: string;
  toName: string;
  noteFromName: string;
}

/**
 * A task's identity in its project, kept on the document so an export loads
 * back into that project: the task id, the data key of the text, and the
 * `from_name`/`to_name` of its first labels result and its first textarea.
 */
function taskOrigin(task: Record<string, unknown>, dataKey: string): DocumentOrigin {
  const names: Record<string, string> = { dataKey };
  const id = own(task, 'id');
  for (const ann of asArray(own(task, 'annotations') ?? own(task, 'completions'))) {
    if (!isRecord(ann)) continue;
    for (const r of asArray(own(ann, 'result'))) {
      if (!isRecord(r)) continue;
      const from = own(r, 'from_name');
      const to = own(r, 'to_name');
      if (own(r, 'type') === 'labels' && names['fromName'] === undefined && typeof from === 'string' && typeof to === 'string') {
        names['fromName'] = from;
        names['toName'] = to;
      }
      if (own(r, 'type') === 'textarea' && names['noteFromName'] === undefined && typeof from === 'string') names['noteFromName'] = from;
    }
  }
  return { format: 'label-studio', ...(typeof id === 'number' || typeof id === 'string' ? { id: String(id) } : {}), names };
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

const NAME_ROLES: ReadonlyArray<keyof LabelStudioNames> = ['dataKey', 'fromName', 'toName', 'noteFromName'];

/** The names a document was imported with, by role (only those it recorded). */
function keptNames(origin: DocumentOrigin | undefined): Partial<LabelStudioNames> {
  const kept = origin?.format === 'label-studio' ? (origin.names ?? {}) : {};
  const out: Partial<LabelStudioNames> = {};
  for (const role of NAME_ROLES) if (typeof kept[role] === 'string' && kept[role].trim() !== '') out[role] = kept[role];
  return out;
}

/**
 * The names an export uses: for each role, the one every document that
 * recorded it agrees on, else the default. `mixed` is true when documents
 * disagree (they come from different projects).
 */
export function sharedLabelStudioNames(origins: ReadonlyArray<DocumentOrigin | undefined>): { names: LabelStudioNames; mixed: boolean } {
  const names = { ...DEFAULT_LABEL_STUDIO_NAMES };
  let mixed = false;
  for (const role of NAME_ROLES) {
    const values = new Set(origins.map((o) => keptNames(o)[role]).filter((v): v is string => v !== undefined));
    if (values.size === 1) names[role] = [...values][0]!;
    if (values.size > 1) mixed = true;
  }
  return { names: mixed ? { ...DEFAULT_LABEL_STUDIO_NAMES } : names, mixed };
}

/** The Label Studio names of a document: those it was imported with, `fallback` for the rest. */
export function labelStudioNames(origin: DocumentOrigin | undefined, fallback: LabelStudioNames = DEFAULT_LABEL_STUDIO_NAMES): LabelStudioNames {
  return { ...fallback, ...keptNames(origin) };
}

/** The data keys a labelling config's `<Text value="$key">` tags read, in order. */
export function readTextKeys(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<Text\b([^>]*)\/?>/g)) {
    const v = /\bvalue\s*=\s*"\$([^"]+)"/.exec(m[1]!);
    if (v) out.push(unescapeXml(v[1]!));
  }
  return out;
}

/**
 * Resolves Label Studio offsets: code points, checked against `value.text`;
 * if they do not match but UTF-16 offsets do, the file came from an older
 * Label Studio and the UTF-16 reading is used.
 */
function locate(text: string, map: OffsetMap, start: unknown, end: unknown, quoted: unknown): Result<Utf16Span & { utf16: boolean }> {
  if (quoted !== undefined && typeof quoted !== 'string') return fail('invalid-input', 'value.text must be a string');
  const cp = spanFromCodePoints(map, start, end);
  if (cp.ok && (quoted === undefined || text.slice(cp.value.start, cp.value.end) === quoted)) return ok({ ...cp.value, utf16: false });
  if (quoted !== undefined && !map.isBmpOnly) {
    const u = spanFromUtf16(text, start, end);
    if (u.ok && text.slice(u.value.start, u.value.end) === quoted) return ok({ ...u.value, utf16: true });
  }
  if (!cp.ok) return cp;
  return fail('invalid-input', `value.text ${showText(String(quoted))} does not match the text at [${String(start)}, ${String(end)}), ${showText(text.slice(cp.value.start, cp.value.end))}`);
}

/** Labels (value, background colour, hotkey) of a Label Studio labelling config. */
export function readLabelConfig(xml: string): Label[] {
  const out: Label[] = [];
  for (const m of xml.matchAll(/<Label\b([^>]*)\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of m[1]!.matchAll(/([A-Za-z_]+)\s*=\s*"([^"]*)"/g)) attrs.set(a[1]!.toLowerCase(), unescapeXml(a[2]!));
    const value = attrs.get('value');
    if (!value) continue;
    const colour = attrs.get('background') ?? '';
    out.push({ id: attrs.get('alias') ?? value, name: value, color: /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toLowerCase() : '#6b7280', shortcut: attrs.get('hotkey') ?? '', description: '' });
  }
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The per-region control of each attribute, by label id then attribute id:
 * the attribute's id, or `<label>_<attribute>` when several labels have an
 * attribute of that id (a control belongs to one label's regions).
 */
export function attributeControls(labels: readonly Label[]): Map<string, Map<string, string>> {
  const uses = new Map<string, number>();
  for (const l of labels) for (const a of l.attributes ?? []) uses.set(a.id, (uses.get(a.id) ?? 0) + 1);
  return new Map(labels.map((l) => [l.id, new Map((l.attributes ?? []).map((a) => [a.id, uses.get(a.id)! > 1 ? `${l.id}_${a.id}` : a.id]))]));
}

/** A labelling config for the corpus' labels, with colours, hotkeys, a per-region note box, per-region attribute controls and relation labels, under the given control names. */
export function labelConfigXml(labels: readonly Label[], names: LabelStudioNames = DEFAULT_LABEL_STUDIO_NAMES, relationTypes: readonly RelationType[] = []): string {
  const items = labels.map((l) => `    <Label value="${escapeXml(l.name)}" background="${escapeXml(l.color)}"${l.shortcut ? ` hotkey="${escapeXml(l.shortcut)}"` : ''}/>`);
  const to = escapeXml(names.toName);
  const controls = attributeControls(labels);
  const attributes = labels.flatMap((l) =>
    (l.attributes ?? []).map((a) => {
      const name = escapeXml(controls.get(l.id)!.get(a.id)!);
      const when = `whenLabelValue="${escapeXml(l.name)}"`;
      if (a.type !== 'choice') return `  <TextArea name="${name}" toName="${to}" perRegion="true" ${when} maxSubmissions="1" editable="true" placeholder="${escapeXml(a.name)}"/>`;
      return [`  <Choices name="${name}" toName="${to}" perRegion="true" ${when} choice="single">`, ...(a.options ?? []).map((o) => `    <Choice value="${escapeXml(o.name)}"/>`), '  </Choices>'].join('\n');
    }),
  );
  const relations = relationTypes.length === 0 ? [] : ['  <Relations>', ...relationTypes.map((t) => `    <Relation value="${escapeXml(t.name)}"${/^#[0-9a-fA-F]{6}$/.test(t.color) ? ` background="${escapeXml(t.color)}"` : ''}/>`), '  </Relations>'];
  return [
    '<View>',
    `  <Labels name="${escapeXml(names.fromName)}" toName="${to}">`,
    ...items,
    '  </Labels>',
    `  <Text name="${to}" value="$${escapeXml(names.dataKey)}"/>`,
    `  <TextArea name="${escapeXml(names.noteFromName)}" toName="${to}" perRegion="true" editable="true"/>`,
    ...attributes,
    ...relations,
    '</View>',
    '',
  ].join('\n');
}

/** Writes the tasks file (one annotation per exported layer) and the labelling config. */
export function exportLabelStudio(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const types = new RelationTypeNames(corpus);
  const controls = attributeControls(corpus.labels.labels);
  const tasks: unknown[] = [];
  // Task ids a document was imported with are written back; the others take free numbers.
  const keptIds = new Set(corpus.documents.map((d) => (d.document.origin?.format === 'label-studio' ? d.document.origin.id : undefined)).filter((id): id is string => id !== undefined));
  let nextId = 1;
  let relationNotes = 0;
  const shared = sharedLabelStudioNames(corpus.documents.map((d) => d.document.origin));
  const allNames = corpus.documents.map((d) => labelStudioNames(d.document.origin, shared.names));
  const stopped = forEachExportedDocument(corpus, options, 'Label Studio', (i) => {
    const cd = corpus.documents[i]!;
    const map = new OffsetMap(cd.document.text);
    const ls = allNames[i]!;
    const keptId = cd.document.origin?.format === 'label-studio' ? cd.document.origin.id : undefined;
    while (keptIds.has(String(nextId))) nextId++;
    const taskId = keptId === undefined ? nextId++ : /^\d{1,15}$/.test(keptId) ? Number(keptId) : keptId;
    const annotations = exportedLayers(cd, options).map((layer, k) => {
      const result: unknown[] = [];
      for (const a of layer.annotations) {
        const cp = toCodePointSpan(map, a);
        result.push({ id: a.id, from_name: ls.fromName, to_name: ls.toName, type: 'labels', origin: 'manual', value: { start: cp.start, end: cp.end, text: a.quote.exact, labels: [names.name(a.labelId)] } });
        if (a.note) result.push({ id: a.id, from_name: ls.noteFromName, to_name: ls.toName, type: 'textarea', origin: 'manual', value: { start: cp.start, end: cp.end, text: [a.note] } });
        for (const v of names.attributes(a)) {
          const control = controls.get(a.labelId)?.get(v.id) ?? v.id;
          const value = v.definition?.type === 'choice' ? { choices: [v.display] } : { text: [v.value] };
          result.push({ id: a.id, from_name: control, to_name: ls.toName, type: v.definition?.type === 'choice' ? 'choices' : 'textarea', origin: 'manual', value: { start: cp.start, end: cp.end, ...value } });
        }
      }
      for (const r of layer.relations ?? []) {
        result.push({ type: 'relation', from_id: r.sourceId, to_id: r.targetId, direction: types.get(r.typeId)?.directed === false ? 'bi' : 'right', labels: [types.name(r.typeId)] });
        if (r.note) relationNotes++;
      }
      const times = layer.annotations.map((a) => a.updatedAt).sort();
      return { id: k + 1, result, ...(times.length > 0 ? { created_at: layer.annotations.map((a) => a.createdAt).sort()[0], updated_at: times[times.length - 1] } : {}) };
    });
    const data: Record<string, string> = { title: cd.document.title, parley_id: cd.document.id };
    data[ls.dataKey] = cd.document.text;
    tasks.push({ id: taskId, data, annotations });
    });
  if (stopped) return stopped;
  // The config uses the names the documents share (one project), else the defaults.
  const warnings = shared.mixed ? [{ message: `the documents come from Label Studio projects with different data keys or control names; each task keeps its own, so it loads back into its project, and ${LABEL_STUDIO_CONFIG_FILE} uses the default names (text, label, note)` }] : [];
  if (relationNotes > 0) warnings.push({ message: `${plural(relationNotes, 'note')} on relations not written: Label Studio relations have no place for notes` });
  return ok({
    files: [
      { path: LABEL_STUDIO_TASKS_FILE, data: `${JSON.stringify(tasks, null, 2)}\n` },
      { path: LABEL_STUDIO_CONFIG_FILE, data: labelConfigXml(corpus.labels.labels, shared.names, corpus.labels.relationTypes ?? []) },
    ],
    warnings,
  });
}

/** The Label Studio codec. */
export const labelStudioCodec: FormatCodec = {
  name: 'label-studio',
  import: importLabelStudio,
  export: exportLabelStudio,
};
