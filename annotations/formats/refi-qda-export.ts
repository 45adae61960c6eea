/**
 * Writes a REFI-QDA project (`.qdpx`): a zip holding `project.qde`, the
 * project as XML in the `urn:QDA-XML:project:1.0` namespace, and each text as
 * `sources/<guid>.txt` (UTF-8, line ends as in the text). Labels become codes;
 * a label's choice attributes become a non-codable group code holding one
 * sub-code per option, so a span with a stance is coded with its label and
 * with the option's sub-code, as QDA tools hold such values. Spans become
 * coded plain-text selections with their authors as users, positions in
 * code points; notes become notes; relations become links between
 * selections; text and date attribute values go in the selection's
 * description (`Value: 2021-06`); document metadata becomes variables.
 */
import type { AnnotationLayer, Corpus, CorpusDocument, Label, Relation } from '../model';
import type { Problem, Result } from '../result';
import { ok } from '../result';
import { OffsetMap } from '../unicode';
import { exportedLayers, forEachExportedDocument } from './export-support';
import type { ExportOptions, ExportOutcome, FormatFile } from './format';
import { refiGuid } from './refi-qda-guid';
import { escapeXmlText, xmlAttributes } from './xml-text';
import { zipFiles } from './zip';

/** The namespace of REFI-QDA project files. */
export const REFI_PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Name of the file an export writes. */
export const REFI_EXPORT_FILE = 'parley.qdpx';

/** The variables Parley writes for document metadata: field, variable name. */
export const METADATA_VARIABLES = [
  ['publishedAt', 'Published'],
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['url', 'Address'],
] as const;

/** Collects elements and the users they name. */
class ProjectWriter {
  private readonly users = new Map<string, string>();
  readonly notes: string[] = [];

  /** The GUID of the user named `name`, recorded for `<Users>`. */
  user(name: string): string {
    let guid = this.users.get(name);
    if (!guid) {
      guid = refiGuid('user', name);
      this.users.set(name, guid);
    }
    return guid;
  }

  /** Adds a note and returns its GUID. */
  note(key: string, text: string, author: string, createdAt: string, name: string): string {
    const guid = refiGuid('note', key);
    this.notes.push(`<Note${xmlAttributes([['guid', guid], ['name', name], ['creatingUser', this.user(author)], ['creationDateTime', createdAt]])}><PlainTextContent>${escapeXmlText(text)}</PlainTextContent></Note>`);
    return guid;
  }

  usersXml(): string {
    return this.users.size === 0 ? '' : `<Users>${[...this.users].map(([name, guid]) => `<User${xmlAttributes([['guid', guid], ['name', name]])}/>`).join('')}</Users>`;
  }
}

function codeXml(label: Label): string {
  const groups = (label.attributes ?? [])
    .filter((a) => a.type === 'choice' && (a.options?.length ?? 0) > 0)
    .map((a) => {
      const options = a.options!.map((o) => `<Code${xmlAttributes([['guid', refiGuid('option', `${label.id}/${a.id}/${o.id}`)], ['name', o.name], ['isCodable', true], ['color', o.color]])}/>`).join('');
      return `<Code${xmlAttributes([['guid', refiGuid('attribute', `${label.id}/${a.id}`)], ['name', a.name], ['isCodable', false]])}>${options}</Code>`;
    })
    .join('');
  const description = label.description ? `<Description>${escapeXmlText(label.description)}</Description>` : '';
  const colour = /^#[0-9a-fA-F]{6}$/.test(label.color) ? label.color : undefined;
  return `<Code${xmlAttributes([['guid', refiGuid('code', label.id)], ['name', label.name], ['isCodable', true], ['color', colour]])}>${description}${groups}</Code>`;
}

/** A selection's GUID: one per annotation of one layer of one document. */
function selectionGuid(doc: CorpusDocument, layer: AnnotationLayer, annotationId: string): string {
  return refiGuid('selection', `${doc.document.id}/${layer.id}/${annotationId}`);
}

function sourceXml(cd: CorpusDocument, options: ExportOptions, labels: Map<string, Label>, writer: ProjectWriter, links: PendingLink[]): string {
  const doc = cd.document;
  const guid = refiGuid('source', doc.id);
  const map = new OffsetMap(doc.text);
  const selections: Array<{ start: number; end: number; xml: string }> = [];
  for (const layer of exportedLayers(cd, options)) {
    const authors = new Map(layer.annotations.map((a) => [a.id, a.author]));
    for (const a of layer.annotations) {
      const label = labels.get(a.labelId);
      const codings = [`<Coding${xmlAttributes([['guid', refiGuid('coding', `${doc.id}/${layer.id}/${a.id}`)], ['creatingUser', writer.user(a.author)], ['creationDateTime', a.createdAt]])}><CodeRef targetGUID="${refiGuid('code', a.labelId)}"/></Coding>`];
      const described: string[] = [];
      for (const [attributeId, value] of Object.entries(a.attributes ?? {})) {
        const definition = label?.attributes?.find((d) => d.id === attributeId);
        const option = definition?.type === 'choice' ? definition.options?.find((o) => o.id === value) : undefined;
        if (option) {
          codings.push(`<Coding${xmlAttributes([['guid', refiGuid('coding', `${doc.id}/${layer.id}/${a.id}/${attributeId}`)], ['creatingUser', writer.user(a.author)], ['creationDateTime', a.createdAt]])}><CodeRef targetGUID="${refiGuid('option', `${a.labelId}/${attributeId}/${option.id}`)}"/></Coding>`);
        } else {
          described.push(`${definition?.name ?? attributeId}: ${value}`);
        }
      }
      const noteRef = a.note ? `<NoteRef targetGUID="${writer.note(`${doc.id}/${layer.id}/${a.id}`, a.note, a.author, a.updatedAt, `Note on ${a.quote.exact}`)}"/>` : '';
      const description = described.length > 0 ? `<Description>${escapeXmlText(described.join('\n'))}</Description>` : '';
      const attributes = xmlAttributes([
        ['guid', selectionGuid(cd, layer, a.id)],
        ['name', a.quote.exact],
        ['startPosition', map.toCodePoint(a.start)],
        ['endPosition', map.toCodePoint(a.end)],
        ['creatingUser', writer.user(a.author)],
        ['creationDateTime', a.createdAt],
        ['modifyingUser', writer.user(a.author)],
        ['modifiedDateTime', a.updatedAt],
      ]);
      selections.push({ start: a.start, end: a.end, xml: `<PlainTextSelection${attributes}>${description}${codings.join('')}${noteRef}</PlainTextSelection>` });
    }
    for (const relation of layer.relations ?? []) links.push({ doc: cd, layer, relation, sourceAuthor: authors.get(relation.sourceId) });
  }
  selections.sort((x, y) => x.start - y.start || y.end - x.end);
  const values = METADATA_VARIABLES.filter(([field]) => doc.metadata?.[field])
    .map(([field]) => `<VariableValue><VariableRef targetGUID="${refiGuid('variable', field)}"/><TextValue>${escapeXmlText(doc.metadata![field]!)}</TextValue></VariableValue>`)
    .join('');
  const attributes = xmlAttributes([
    ['guid', guid],
    ['name', doc.title],
    ['plainTextPath', `internal://${guid}.txt`],
    ['creationDateTime', doc.importedAt],
  ]);
  return `<TextSource${attributes}>${selections.map((s) => s.xml).join('')}${values}</TextSource>`;
}

/** A relation waiting for its link: links come after every note and source in the project. */
interface PendingLink {
  doc: CorpusDocument;
  layer: AnnotationLayer;
  relation: Relation;
  /** The author of its source span, as whom an import will read it. */
  sourceAuthor: string | undefined;
}

/** Writes `corpus` as one `.qdpx` file. Never fails except when cancelled. */
export function exportRefiQda(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  const labels = new Map(corpus.labels.labels.map((l) => [l.id, l]));
  const types = new Map((corpus.labels.relationTypes ?? []).map((t) => [t.id, t]));
  const writer = new ProjectWriter();
  const warnings: Problem[] = [];
  const sources: string[] = [];
  const texts: FormatFile[] = [];
  const pendingLinks: PendingLink[] = [];
  const stopped = forEachExportedDocument(corpus, options, 'REFI-QDA', (i) => {
    const cd = corpus.documents[i]!;
    sources.push(sourceXml(cd, options, labels, writer, pendingLinks));
    texts.push({ path: `sources/${refiGuid('source', cd.document.id)}.txt`, data: cd.document.text });
    });
  if (stopped) return stopped;
  const links = pendingLinks.map(({ doc, layer, relation: r, sourceAuthor }) => {
    const type = types.get(r.typeId);
    const typeName = type?.name ?? r.typeId;
    const key = `${doc.document.id}/${layer.id}/${r.id}`;
    if (r.author !== sourceAuthor) warnings.push({ record: r.id, message: `relation ${typeName} by ${r.author}: its author is not written (REFI-QDA links carry none; it reads back as the author of its source span, ${sourceAuthor ?? 'unknown'})` });
    const noteRef = r.note ? `<NoteRef targetGUID="${writer.note(key, r.note, r.author, r.updatedAt, `Note on a ${typeName} link`)}"/>` : '';
    const colour = type && /^#[0-9a-fA-F]{6}$/.test(type.color) ? type.color : undefined;
    const attributes = xmlAttributes([
      ['guid', refiGuid('link', key)],
      ['name', typeName],
      ['direction', type?.directed === false ? 'Associative' : 'OneWay'],
      ['color', colour],
      ['originGUID', selectionGuid(doc, layer, r.sourceId)],
      ['targetGUID', selectionGuid(doc, layer, r.targetId)],
    ]);
    return noteRef ? `<Link${attributes}>${noteRef}</Link>` : `<Link${attributes}/>`;
  });
  const now = options.now ?? new Date().toISOString();
  const usedVariables = METADATA_VARIABLES.filter(([field]) => corpus.documents.some((d) => d.document.metadata?.[field]));
  const variables = usedVariables.length === 0 ? '' : `<Variables>${usedVariables.map(([field, name]) => `<Variable${xmlAttributes([['guid', refiGuid('variable', field)], ['name', name], ['typeOfVariable', 'Text']])}/>`).join('')}</Variables>`;
  const codebook = corpus.labels.labels.length === 0 ? '' : `<CodeBook><Codes>${corpus.labels.labels.map(codeXml).join('')}</Codes></CodeBook>`;
  const body = [
    writer.usersXml(),
    codebook,
    variables,
    sources.length > 0 ? `<Sources>${sources.join('')}</Sources>` : '',
    writer.notes.length > 0 ? `<Notes>${writer.notes.join('')}</Notes>` : '',
    links.length > 0 ? `<Links>${links.join('')}</Links>` : '',
  ].join('');
  const firstUser = /<User guid="([^"]+)"/.exec(body)?.[1];
  const project = `<?xml version="1.0" encoding="utf-8"?>\n<Project${xmlAttributes([['xmlns', REFI_PROJECT_NAMESPACE], ['name', 'Parley export'], ['origin', 'Parley'], ['creatingUserGUID', firstUser], ['creationDateTime', now]])}>${body}</Project>\n`;
  return ok({ files: [{ path: REFI_EXPORT_FILE, data: zipFiles([{ path: 'project.qde', data: project }, ...texts]) }], warnings });
}
