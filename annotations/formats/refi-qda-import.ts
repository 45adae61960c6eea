/**
 * Reads a REFI-QDA project: a `.qdpx` (a zip of `project.qde` and
 * `sources/`), or `project.qde` with its `sources/` folder beside it. Codes
 * become labels (a non-codable group under a code, holding sub-codes, is an
 * attribute of that label with those options); each coded plain-text
 * selection becomes one span per label it is coded with, by its creating
 * user; notes referred to become the span's note; links between two coded
 * selections of one text become relations; text variables named like
 * Parley's become document metadata. Positions are counted as the producer
 * counts them (see `refi-qda-offsets.ts`), and any doubt is reported.
 * Everything else the standard holds (other source kinds, cases, sets,
 * graphs, codings of whole sources) is counted and set aside.
 */
import { findLabel, labelIdFromName, labelKey } from '../labels';
import type { DocumentMetadata, Label } from '../model';
import type { Result } from '../result';
import { fail } from '../result';
import { CorpusBuilder, type DocumentHandle, type Location } from './corpus-builder';
import { baseName, extensionOf, fileText, stripBom } from './files';
import type { FormatFile, ImportOptions, ImportOutcome } from './format';
import { METADATA_VARIABLES } from './refi-qda-export';
import { guidKey } from './refi-qda-guid';
import { chooseCounting, COUNTING_DESCRIPTIONS, countingForOrigin, PositionMap, type RefiCounting } from './refi-qda-offsets';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml-tree';
import { unzipFiles } from './zip';
import { appendAll } from '../append-all';

/** Largest `project.qde` read, in characters. */
export const MAX_QDE_LENGTH = 64 * 1024 * 1024;

const OTHER_SOURCES: Record<string, string> = { PDFSource: 'PDF sources', PictureSource: 'picture sources', AudioSource: 'audio sources', VideoSource: 'video sources' };

/** What a code stands for in Parley. */
type CodeRole = { kind: 'label'; label: string } | { kind: 'option'; label: string; attribute: string; option: string } | { kind: 'group' };

function hexColour(value: string | undefined): string | undefined {
  const m = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return `#${hex.toLowerCase()}`;
}

/** The files of the project: its `project.qde` and every other file, paths relative to the folder holding it. */
function projectFiles(files: FormatFile[]): Result<{ qde: FormatFile; others: Map<string, FormatFile> }> {
  const all: FormatFile[] = [];
  for (const f of files) {
    const ext = extensionOf(f.path);
    if (ext === 'qdpx' || ext === 'zip') {
      const entries = unzipFiles(typeof f.data === 'string' ? { path: f.path, data: f.data } : f);
      if (!entries.ok) return entries;
      appendAll(all, entries.value);
    } else {
      all.push(f);
    }
  }
  const qdes = all.filter((f) => extensionOf(f.path) === 'qde');
  if (qdes.length === 0) return fail('invalid-input', 'no project.qde was found: a REFI-QDA project is a .qdpx (a zip holding project.qde and sources/) or a project.qde with its sources/ folder');
  if (qdes.length > 1) return fail('invalid-input', `${qdes.length} project files were given (${qdes.map((q) => q.path).join(', ')}); import one project at a time`);
  const qde = qdes[0]!;
  const folder = qde.path.slice(0, qde.path.length - baseName(qde.path).length);
  const others = new Map<string, FormatFile>();
  for (const f of all) if (f !== qde && f.path.startsWith(folder)) others.set(f.path.slice(folder.length).toLowerCase(), f);
  return { ok: true, value: { qde, others } };
}

/** Reads a REFI-QDA project into a corpus. */
export function importRefiQda(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const found = projectFiles(files);
  if (!found.ok) return found;
  const { qde, others } = found.value;
  const source = stripBom(fileText(qde));
  if (source.length > MAX_QDE_LENGTH) return fail('too-large', `${qde.path} is ${source.length} characters; the limit is ${MAX_QDE_LENGTH}`);
  const parsed = parseXml(source);
  if (!parsed.ok) return fail('invalid-format', `${qde.path}: ${parsed.error.message}`, [{ file: qde.path, message: parsed.error.message }]);
  const project = parsed.value;
  if (project.name !== 'Project') return fail('invalid-format', `${qde.path}: the root element is <${project.name}>, not a REFI-QDA <Project>`);
  return new ProjectReader(project, qde.path, others, options).read();
}

class ProjectReader {
  private readonly builder: CorpusBuilder;
  private readonly users = new Map<string, string>();
  private readonly codes = new Map<string, CodeRole>();
  private readonly notes = new Map<string, string>();
  private readonly variables = new Map<string, string>();
  /** Selection GUID → the document its spans were added to. */
  private readonly selections = new Map<string, DocumentHandle>();
  private readonly counting: { counting: RefiCounting; reason: string };

  constructor(
    private readonly project: XmlElement,
    private readonly file: string,
    private readonly others: Map<string, FormatFile>,
    private readonly options: ImportOptions,
  ) {
    this.builder = new CorpusBuilder(options, 'REFI-QDA');
    this.counting = countingForOrigin(project.attributes.origin);
  }

  private at(record: string): Location {
    return { file: this.file, record };
  }

  read(): Result<ImportOutcome> {
    const p = this.project;
    for (const u of childrenNamed(childNamed(p, 'Users') ?? p, 'User')) if (u.attributes.guid) this.users.set(guidKey(u.attributes.guid), u.attributes.name || u.attributes.id || u.attributes.guid);
    const codes = childNamed(childNamed(p, 'CodeBook') ?? p, 'Codes');
    for (const c of childrenNamed(codes ?? p, 'Code')) this.readCode(c, undefined);
    for (const v of childrenNamed(childNamed(p, 'Variables') ?? p, 'Variable')) if (v.attributes.guid) this.variables.set(guidKey(v.attributes.guid), v.attributes.name ?? '');
    for (const n of childrenNamed(childNamed(p, 'Notes') ?? p, 'Note')) {
      const text = this.textOf(n, `Note ${n.attributes.guid ?? ''}`);
      if (n.attributes.guid && text !== undefined) this.notes.set(guidKey(n.attributes.guid), text);
    }
    for (const kind of ['Cases', 'Sets', 'Graphs']) {
      const count = childNamed(p, kind)?.children.length ?? 0;
      this.builder.ignore(`REFI-QDA ${kind.toLowerCase()}`, count, 'Parley holds texts, spans and links');
    }
    const sources = childNamed(p, 'Sources')?.children ?? [];
    for (let i = 0; i < sources.length; i++) {
      const stop = this.builder.step(i, sources.length);
      if (stop) return stop;
      const s = sources[i]!;
      if (s.name === 'TextSource') this.readSource(s);
      else this.builder.ignore(`REFI-QDA ${OTHER_SOURCES[s.name] ?? `${s.name} elements`}`, 1, 'Parley reads plain-text sources');
    }
    this.builder.step(sources.length, sources.length);
    for (const l of childrenNamed(childNamed(p, 'Links') ?? p, 'Link')) this.readLink(l);
    return this.builder.finish();
  }

  /** Walks a code and its sub-codes; `parent` is the role of the code above. */
  private readCode(code: XmlElement, parent: CodeRole | undefined): void {
    const name = code.attributes.name?.trim() || 'Code';
    const guid = code.attributes.guid ? guidKey(code.attributes.guid) : undefined;
    const codable = code.attributes.isCodable !== 'false' && code.attributes.isCodable !== '0';
    if (parent?.kind === 'label' && !codable && childrenNamed(code, 'Code').length > 0) {
      // A group under a label: an attribute, its sub-codes the options.
      const options = childrenNamed(code, 'Code').map((o) => o.attributes.name?.trim() || 'Option');
      this.builder.defineAttribute(parent.label, { id: labelIdFromName(name), name, type: 'choice', options: options.map((o) => ({ id: labelIdFromName(o), name: o })) });
      for (const o of childrenNamed(code, 'Code')) {
        if (o.attributes.guid) this.codes.set(guidKey(o.attributes.guid), { kind: 'option', label: parent.label, attribute: name, option: o.attributes.name?.trim() || 'Option' });
      }
      if (guid) this.codes.set(guid, { kind: 'group' });
      return;
    }
    const role: CodeRole = { kind: 'label', label: name };
    const description = childNamed(code, 'Description')?.text.trim() ?? '';
    this.builder.defineLabels([{ id: name, name, color: hexColour(code.attributes.color) ?? '#6b7280', shortcut: '', description } satisfies Label]);
    if (guid) this.codes.set(guid, role);
    for (const child of childrenNamed(code, 'Code')) this.readCode(child, role);
  }

  /** An element's text: its `PlainTextContent`, or the file its `plainTextPath` names. */
  private textOf(element: XmlElement, what: string): string | undefined {
    const content = childNamed(element, 'PlainTextContent');
    if (content) return content.text;
    const path = element.attributes.plainTextPath;
    if (!path) return undefined;
    const m = /^(internal|relative):\/\/(.+)$/i.exec(path.trim());
    if (!m) {
      this.builder.error(this.at(what), `its text is at ${path}, outside the project; only internal:// and relative:// texts are read`);
      return undefined;
    }
    const name = m[2]!.replace(/\\/g, '/').replace(/^\/+/, '');
    const candidates = m[1]!.toLowerCase() === 'internal' ? [`sources/${name}`, name] : [name, `sources/${name}`];
    const file = candidates.map((c) => this.others.get(c.toLowerCase())).find((f) => f !== undefined);
    if (!file) {
      this.builder.error(this.at(what), `its text ${path} is not in the project (looked for ${candidates.join(' and ')})`);
      return undefined;
    }
    return stripBom(fileText(file));
  }

  private userName(guid: string | undefined): string | undefined {
    return guid ? (this.users.get(guidKey(guid)) ?? guid) : undefined;
  }

  private noteText(element: XmlElement): string | undefined {
    const texts = childrenNamed(element, 'NoteRef')
      .map((r) => this.notes.get(guidKey(r.attributes.targetGUID ?? '')))
      .filter((t): t is string => t !== undefined && t.trim() !== '');
    return texts.length > 0 ? texts.join('\n\n') : undefined;
  }

  private readSource(s: XmlElement): void {
    const name = s.attributes.name ?? '';
    const what = `TextSource ${name || s.attributes.guid || ''}`.trim();
    const text = this.textOf(s, what);
    if (text === undefined) {
      if (!childNamed(s, 'PlainTextContent') && !s.attributes.plainTextPath) this.builder.error(this.at(what), 'has neither PlainTextContent nor plainTextPath');
      return;
    }
    const doc = this.builder.addDocument(this.at(what), { title: name || 'Untitled', source: 'REFI-QDA project', text, metadata: this.metadata(s), ...(s.attributes.creationDateTime ? { importedAt: s.attributes.creationDateTime } : {}) });
    if (!doc) return;
    this.builder.ignore('REFI-QDA codings of whole sources', childrenNamed(s, 'Coding').length, 'Parley codes spans, not whole texts');
    const selections = childrenNamed(s, 'PlainTextSelection');
    const positioned = selections.map((x) => ({ start: Number(x.attributes.startPosition), end: Number(x.attributes.endPosition), ...(x.attributes.name ? { name: x.attributes.name } : {}) }));
    const choice = chooseCounting(text, positioned, this.counting.counting);
    if (choice.overruled) this.builder.warn(this.at(what), `positions read as ${COUNTING_DESCRIPTIONS[choice.counting]} rather than ${COUNTING_DESCRIPTIONS[this.counting.counting]} (${this.counting.reason}): ${choice.overruled}`);
    else if (choice.contradicted > 0) this.builder.warn(this.at(what), `${choice.contradicted} selection names do not match the text at their positions read as ${COUNTING_DESCRIPTIONS[choice.counting]} (${this.counting.reason}); check those spans`);
    const map = new PositionMap(text, choice.counting);
    for (const x of selections) this.readSelection(doc, x, map, what);
  }

  private metadata(s: XmlElement): DocumentMetadata | undefined {
    const metadata: DocumentMetadata = {};
    for (const v of childrenNamed(s, 'VariableValue')) {
      const variable = this.variables.get(guidKey(childNamed(v, 'VariableRef')?.attributes.targetGUID ?? '')) ?? '';
      const field = METADATA_VARIABLES.find(([f, n]) => labelKey(f) === labelKey(variable) || labelKey(n) === labelKey(variable))?.[0];
      const value = v.children.find((c) => c.name.endsWith('Value') && c.name !== 'VariableRef')?.text.trim();
      if (field && value) metadata[field] = value;
      else this.builder.ignore('REFI-QDA source variables', 1, `Parley keeps ${METADATA_VARIABLES.map(([, n]) => n).join(', ')} as document metadata`);
    }
    return Object.keys(metadata).length > 0 ? metadata : undefined;
  }

  private readSelection(doc: DocumentHandle, x: XmlElement, map: PositionMap, source: string): void {
    const guid = x.attributes.guid ? guidKey(x.attributes.guid) : undefined;
    const at = this.at(`${source}, PlainTextSelection ${x.attributes.guid ?? '(no guid)'}`);
    const position = (attribute: 'startPosition' | 'endPosition'): number | undefined => {
      const raw = x.attributes[attribute];
      if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) {
        this.builder.error(at, `${attribute} ${raw === undefined ? 'is missing' : `"${raw}" is not a whole number`}`);
        return undefined;
      }
      const utf16 = map.toUtf16(Number(raw));
      if (utf16 < 0) this.builder.error(at, `${attribute} ${raw.trim()} is past the end of the text (${map.length} positions, counted as ${COUNTING_DESCRIPTIONS[map.counting]})`);
      return utf16 < 0 ? undefined : utf16;
    };
    const start = position('startPosition');
    const end = position('endPosition');
    if (start === undefined || end === undefined) return;
    const labels: string[] = [];
    const values = new Map<string, Record<string, string>>();
    for (const c of childrenNamed(x, 'Coding')) {
      const role = this.codes.get(guidKey(childNamed(c, 'CodeRef')?.attributes.targetGUID ?? ''));
      if (!role) {
        this.builder.error(at, `a coding refers to code ${childNamed(c, 'CodeRef')?.attributes.targetGUID ?? '(none)'}, which the code book does not hold`);
        return;
      }
      if (role.kind === 'group') continue;
      if (!labels.includes(role.label)) labels.push(role.label);
      if (role.kind === 'option') values.set(role.label, { ...values.get(role.label), [role.attribute]: role.option });
    }
    if (labels.length === 0) {
      this.builder.ignore('REFI-QDA uncoded selections', 1, 'Parley holds labelled spans');
      return;
    }
    const notes = [this.noteText(x), ...childrenNamed(x, 'Coding').map((c) => this.noteText(c))].filter((n) => n !== undefined);
    const description = childNamed(x, 'Description')?.text ?? '';
    const author = this.userName(x.attributes.creatingUser) ?? this.userName(childNamed(x, 'Coding')?.attributes.creatingUser);
    labels.forEach((label, i) => {
      const { attributes, rest } = this.describedAttributes(label, description);
      const note = [...notes, ...(i === 0 && rest ? [rest] : [])].join('\n\n');
      this.builder.addSpan(doc, at, {
        start,
        end,
        label,
        ...(note ? { note } : {}),
        ...(author ? { author } : {}),
        ...(x.attributes.creationDateTime ? { createdAt: x.attributes.creationDateTime } : {}),
        ...(x.attributes.modifiedDateTime ? { updatedAt: x.attributes.modifiedDateTime } : {}),
        ...(guid && i === 0 ? { key: guid } : {}),
        attributes: { ...attributes, ...values.get(label) },
      });
    });
    if (guid) this.selections.set(guid, doc);
  }

  /** `Name: value` lines of a selection's description that name an attribute of the label; the other lines are returned as `rest`. */
  private describedAttributes(label: string, description: string): { attributes: Record<string, string>; rest: string } {
    const definitions = findLabel(this.options.labels, label)?.attributes ?? [];
    const attributes: Record<string, string> = {};
    const rest: string[] = [];
    for (const line of description.split(/\r\n|\n|\r/)) {
      const m = /^([^:]{1,80}):\s*(.+)$/.exec(line.trim());
      const definition = m ? definitions.find((d) => d.type !== 'choice' && (labelKey(d.id) === labelKey(m[1]!) || labelKey(d.name) === labelKey(m[1]!))) : undefined;
      if (m && definition) attributes[definition.id] = m[2]!.trim();
      else if (line.trim()) rest.push(line);
    }
    return { attributes, rest: rest.join('\n') };
  }

  private readLink(l: XmlElement): void {
    const origin = guidKey(l.attributes.originGUID ?? '');
    const target = guidKey(l.attributes.targetGUID ?? '');
    const from = this.selections.get(origin);
    const to = this.selections.get(target);
    if (!from || !to) {
      this.builder.ignore('REFI-QDA links between codes, sources, notes or uncoded selections', 1, 'Parley links coded spans');
      return;
    }
    if (from !== to) {
      this.builder.ignore('REFI-QDA links across two texts', 1, 'a Parley relation stays within one document');
      return;
    }
    const direction = l.attributes.direction;
    const note = this.noteText(l);
    this.builder.addRelation(from, this.at(`Link ${l.attributes.guid ?? ''}`.trim()), {
      sourceKey: origin,
      targetKey: target,
      type: l.attributes.name?.trim() || 'linked',
      ...(direction ? { directed: direction === 'OneWay' } : {}),
      ...(note ? { note } : {}),
    });
  }
}
