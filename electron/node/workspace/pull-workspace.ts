/**
 * Pull: brings what colleagues did on the team server into the local store.
 * Reads, in one snapshot, the operations logged after the store's cursor
 * (`lastPulledSeq`) to learn which layers of which documents changed, then
 * the current rows of those layers, the documents the store lacks, the label
 * schema and each colleague's progress. Colleagues' layers become colleague
 * layers (`colleague:<name>`), the adjudicator's the reconciled layer with
 * its decisions. Layers are put whole, so pulling again changes nothing.
 * Rows that do not check out (a span outside its text, a wrong shape) are
 * named in the notes and leave the local layer as it was.
 */
import type pg from 'pg';
import { z } from 'zod';
import { colleagueLayerId, RECONCILED_LAYER_ID, type Annotation, type AnnotationLayer, type CorpusDocument, type LabelSchema, type Relation, type ReviewDecision } from '../../../annotations/model';
import { applyLabelSchemaSteps, describeLabelSchemaSteps, labelSchemaStepSchema } from '../../../annotations/label-schema-changes';
import { annotationSchema, decisionSchema, documentMetadataSchema, documentOriginSchema, documentPageSchema, labelSchemaSchema, relationSchema } from '../../../annotations/model-schema';
import { OriginalFiles } from '../sources/original-files';
import { OWN_LAYER_ID } from '../../../annotations/model';
import type { ParleyStore } from '../store/parley-store';
import type { ColleagueProgress } from './workspace-state';

/** What a pull found and did. */
export interface PullReport {
  /** Operations logged by others since the cursor. */
  received: number;
  documentsAdded: number;
  layersUpdated: number;
  /** The local layers put, by document (`colleague:<name>` or `reconciled`), with their authors. */
  layersChanged: Array<{ documentId: string; layerId: string; author: string }>;
  /** The new cursor. */
  lastPulledSeq: number;
  /** The label schema after the schema owner's changes logged since the cursor (applied to the store's own), when there were any; `summary` says what they did. */
  labels: { version: number; schema: LabelSchema; changedBy: string; summary: string } | null;
  progress: ColleagueProgress[];
  notes: string[];
}

/** What the pull needs to know about this store. */
export interface PullContext {
  lastPulledSeq: number;
  labelsVersion: number;
  /** Server ids of the layers this analyst owns (never pulled over local work). */
  owned: ReadonlySet<string>;
  /** Author of the empty own layer a pulled document gets. */
  author: string;
}

const PAGE = 20_000;

/** A schema operation's payload as the server logged it. */
const schemaPayloadSchema = z.union([z.object({ steps: z.array(labelSchemaStepSchema) }), z.object({ labels: labelSchemaSchema })]);

interface ServerLayer {
  id: string;
  kind: 'analyst' | 'reconciled';
  name: string;
}

/** Pulls everything new into `store`. Throws on a server error (nothing is half-applied: each layer is put in one store write). */
export async function pullWorkspace(client: pg.ClientBase, store: ParleyStore, context: PullContext): Promise<PullReport> {
  const notes: string[] = [];
  const touched = new Map<string, { layerId: string; documentId: string }>();
  const touch = (layerId: string, documentId: string) => touched.set(`${layerId}\u0000${documentId}`, { layerId, documentId });
  let cursor = context.lastPulledSeq;
  let received = 0;
  let schemaRow: { version: number; changed_by: string | null } | undefined;
  // The schema owner's changes since the cursor, in order: steps, or a whole schema (the first one a store sends).
  const schemaChanges: Array<{ author: string; payload: unknown }> = [];
  const local = new Set(store.listDocuments().map((d) => d.id));
  let missing: Array<{ id: string; sha256: string; title: string; text: string; body: Record<string, unknown> }> = [];
  let layers: ServerLayer[];
  let progress: ColleagueProgress[];
  let items: Array<{ layer_id: string; document_id: string; item_kind: string; body: unknown }> = [];
  let layerDocs: Array<{ layer_id: string; document_id: string; decisions: unknown }> = [];

  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (;;) {
      const page = await client.query<{ seq: string; layer_id: string | null; document_id: string | null; kind: string; mine: boolean; author: string; schema_payload: unknown }>(
        "SELECT seq, layer_id, document_id, kind, author = current_user AS mine, author, CASE WHEN kind = 'schema' THEN payload END AS schema_payload FROM parley.operations WHERE seq > $1 ORDER BY seq LIMIT $2",
        [cursor, PAGE],
      );
      for (const row of page.rows) {
        cursor = Number(row.seq);
        if (row.mine || (row.layer_id !== null && context.owned.has(row.layer_id))) continue;
        received++;
        if (row.kind === 'schema') schemaChanges.push({ author: row.author, payload: row.schema_payload });
        if ((row.kind === 'change' || row.kind === 'replace') && row.layer_id && row.document_id) touch(row.layer_id, row.document_id);
      }
      if (page.rows.length < PAGE) break;
    }
    layers = (
      await client.query<{ id: string; kind: 'analyst' | 'reconciled'; name: string }>(
        'SELECT l.id, l.kind, a.display_name AS name FROM parley.layers l JOIN parley.analysts a ON a.role = l.owner',
      )
    ).rows;
    const serverDocs = await client.query<{ id: string }>('SELECT id FROM parley.documents ORDER BY added_at, id');
    const missingIds = serverDocs.rows.map((r) => r.id).filter((id) => !local.has(id));
    if (missingIds.length > 0) {
      missing = (await client.query('SELECT id, sha256, title, text, body FROM parley.documents WHERE id = ANY($1::text[]) ORDER BY added_at, id', [missingIds])).rows;
      // A document new to this store gets every layer the server has for it, however old.
      const theirs = await client.query<{ layer_id: string; document_id: string }>('SELECT layer_id, document_id FROM parley.layer_documents WHERE document_id = ANY($1::text[])', [missingIds]);
      for (const row of theirs.rows) if (!context.owned.has(row.layer_id)) touch(row.layer_id, row.document_id);
    }
    const pairs = [...touched.values()];
    if (pairs.length > 0) {
      const args = [pairs.map((p) => p.layerId), pairs.map((p) => p.documentId)];
      items = (
        await client.query(
          'SELECT layer_id, document_id, item_kind, body FROM parley.layer_items WHERE (layer_id, document_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
          args,
        )
      ).rows;
      layerDocs = (
        await client.query('SELECT layer_id, document_id, decisions FROM parley.layer_documents WHERE (layer_id, document_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))', args)
      ).rows;
    }
    schemaRow = (await client.query('SELECT version, changed_by FROM parley.label_schema')).rows[0];
    progress = (
      await client.query<ColleagueProgress>(
        `SELECT l.id AS "layerId", a.display_name AS name, l.kind, ld.document_id AS "documentId", d.title, ld.status,
           (SELECT count(*)::int FROM parley.layer_items i WHERE i.layer_id = l.id AND i.document_id = ld.document_id AND i.item_kind = 'annotation') AS annotations
         FROM parley.layer_documents ld
         JOIN parley.layers l ON l.id = ld.layer_id
         JOIN parley.analysts a ON a.role = l.owner
         JOIN parley.documents d ON d.id = ld.document_id
         WHERE l.owner <> current_user
         ORDER BY a.display_name, d.title
         LIMIT 5000`,
      )
    ).rows;
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }

  const documentsAdded = await addMissingDocuments(store, missing, context.author, notes);
  const byLayer = new Map(layers.map((l) => [l.id, l]));
  const itemsByPair = new Map<string, Array<{ item_kind: string; body: unknown }>>();
  for (const item of items) {
    const key = `${item.layer_id}\u0000${item.document_id}`;
    const list = itemsByPair.get(key) ?? [];
    list.push(item);
    itemsByPair.set(key, list);
  }
  let layersUpdated = 0;
  const layersChanged: PullReport['layersChanged'] = [];
  // Layers of one document are put together: the store applies them in order and writes the file once.
  const puts: Array<Promise<void>> = [];
  for (const { layerId, documentId } of touched.values()) {
    const layer = byLayer.get(layerId);
    const current = store.getDocument(documentId);
    if (!layer || !current.ok) continue;
    const rows = itemsByPair.get(`${layerId}\u0000${documentId}`) ?? [];
    const decisionsRow = layerDocs.find((d) => d.layer_id === layerId && d.document_id === documentId);
    const built = buildLayer(layer, documentId, rows, decisionsRow?.decisions, notes);
    if (!built) continue;
    const existing = current.value.layers.find((l) => l.id === built.layer.id);
    const sameLayer =
      existing &&
      JSON.stringify(sortById(existing.annotations)) === JSON.stringify(sortById(built.layer.annotations)) &&
      JSON.stringify(sortById(existing.relations ?? [])) === JSON.stringify(sortById(built.layer.relations ?? []));
    const sameDecisions = !built.decisions || JSON.stringify(current.value.decisions) === JSON.stringify(built.decisions);
    if (sameLayer && sameDecisions) continue;
    puts.push(
      store.putLayer(documentId, built.layer, built.decisions).then((put) => {
        if (!put.ok) notes.push(`${layer.name}'s layer on document ${documentId} was not taken: ${put.error.message}`);
        else {
          layersUpdated++;
          layersChanged.push({ documentId, layerId: built.layer.id, author: built.layer.author });
        }
      }),
    );
  }
  await Promise.all(puts);

  let labels: PullReport['labels'] = null;
  if (schemaChanges.length > 0 && schemaRow) {
    const nameOf = (role: string) => layers.find((l) => l.id === role)?.name ?? role;
    let schema = store.getLabels();
    const said: string[] = [];
    for (const change of schemaChanges) {
      const read = schemaPayloadSchema.safeParse(change.payload);
      if (!read.success) {
        notes.push(`a label schema change by ${nameOf(change.author)} is not valid and was not taken: ${read.error.issues[0]?.message ?? ''}`);
        continue;
      }
      if ('steps' in read.data) {
        const summary = describeLabelSchemaSteps(schema, read.data.steps);
        schema = applyLabelSchemaSteps(schema, read.data.steps);
        if (summary) said.push(summary);
      } else {
        schema = read.data.labels;
        said.push('set the whole label schema');
      }
    }
    const by = schemaRow.changed_by ? nameOf(schemaRow.changed_by) : 'the schema owner';
    labels = { version: schemaRow.version, schema, changedBy: by, summary: said.join('; ') };
  }
  return { received, documentsAdded, layersUpdated, layersChanged, lastPulledSeq: cursor, labels, progress, notes };
}

function sortById<T extends { id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The local layer for a server layer's rows, or null (with a note) when a row does not check out. */
function buildLayer(
  layer: ServerLayer,
  documentId: string,
  rows: ReadonlyArray<{ item_kind: string; body: unknown }>,
  decisionsJson: unknown,
  notes: string[],
): { layer: AnnotationLayer; decisions?: ReviewDecision[] } | null {
  const annotations: Annotation[] = [];
  const relations: Relation[] = [];
  for (const row of rows) {
    const parsed = row.item_kind === 'relation' ? relationSchema.safeParse(row.body) : annotationSchema.safeParse(row.body);
    if (!parsed.success || (parsed.data as { documentId: string }).documentId !== documentId) {
      notes.push(`${layer.name}'s layer on document ${documentId} has a ${row.item_kind} that is not valid (${parsed.success ? 'it names another document' : (parsed.error.issues[0]?.message ?? 'wrong shape')}); the layer was not taken`);
      return null;
    }
    if (row.item_kind === 'relation') relations.push(parsed.data as Relation);
    else annotations.push(parsed.data as Annotation);
  }
  const ids = new Set(annotations.map((a) => a.id));
  const linked = relations.filter((r) => ids.has(r.sourceId) && ids.has(r.targetId));
  if (linked.length < relations.length) notes.push(`${relations.length - linked.length} of ${layer.name}'s links on document ${documentId} join spans that are not in the layer and were left out`);
  const reconciled = layer.kind === 'reconciled';
  const local: AnnotationLayer = {
    id: reconciled ? RECONCILED_LAYER_ID : colleagueLayerId(layer.name),
    kind: reconciled ? 'reconciled' : 'colleague',
    author: layer.name,
    annotations,
    ...(linked.length > 0 ? { relations: linked } : {}),
  };
  if (!reconciled) return { layer: local };
  const decisions = z.array(decisionSchema).safeParse(decisionsJson ?? []);
  if (!decisions.success) {
    notes.push(`the reconciled layer's decisions on document ${documentId} are not valid and were not taken`);
    return null;
  }
  return { layer: local, decisions: decisions.data as ReviewDecision[] };
}

/** What a shared document extracted from a source file carries of it (its pages and original), each field checked on its own. */
const sourceFactsSchema = z.object({
  pages: z.array(documentPageSchema).max(100_000).optional().catch(undefined),
  originalName: z.string().min(1).max(1000).optional().catch(undefined),
  originalSha256: z.string().regex(/^[0-9a-f]{64}$/).optional().catch(undefined),
});

/** Whether pages lie inside a text of `length` code units, in order, without overlapping. */
function pagesFit(pages: ReadonlyArray<{ start: number; end: number }>, length: number): boolean {
  let previousEnd = 0;
  for (const p of pages) {
    if (p.start < previousEnd || p.start > p.end || p.end > length) return false;
    previousEnd = p.end;
  }
  return true;
}

async function addMissingDocuments(
  store: ParleyStore,
  rows: ReadonlyArray<{ id: string; sha256: string; title: string; text: string; body: Record<string, unknown> }>,
  author: string,
  notes: string[],
): Promise<number> {
  const docs: CorpusDocument[] = [];
  const originals = new OriginalFiles(store.dir);
  for (const row of rows) {
    const body = row.body ?? {};
    const origin = documentOriginSchema.safeParse(body.origin);
    const metadata = documentMetadataSchema.safeParse(body.metadata);
    const source = sourceFactsSchema.safeParse(body);
    // Pages only when they lie in this text, in order; the link to an original only when this store holds the same file.
    const pages = source.success && source.data.pages && pagesFit(source.data.pages, row.text.length) ? source.data.pages : undefined;
    const originalSha256 = source.success && source.data.originalSha256 && (await originals.find(source.data.originalSha256)) ? source.data.originalSha256 : undefined;
    docs.push({
      document: {
        id: row.id,
        title: row.title,
        source: typeof body.source === 'string' ? body.source : 'team workspace',
        ...(typeof body.originalPath === 'string' ? { originalPath: body.originalPath } : {}),
        ...(body.origin !== undefined && origin.success ? { origin: origin.data } : {}),
        ...(body.metadata !== undefined && metadata.success ? { metadata: metadata.data } : {}),
        ...(pages && pages.length > 0 ? { pages } : {}),
        ...(source.success && source.data.originalName ? { originalName: source.data.originalName } : {}),
        ...(originalSha256 ? { originalSha256 } : {}),
        text: row.text,
        sha256: row.sha256,
        importedAt: typeof body.importedAt === 'string' && body.importedAt ? body.importedAt : new Date().toISOString(),
        status: 'todo',
      },
      layers: [{ id: OWN_LAYER_ID, kind: 'own', author, annotations: [] }],
      decisions: [],
    });
  }
  if (docs.length === 0) return 0;
  const all = await store.addDocuments(docs);
  if (all.ok) return docs.length;
  // One bad document must not keep the others out: add them one by one, naming the ones refused.
  let added = 0;
  for (const doc of docs) {
    const one = await store.addDocuments([doc]);
    if (one.ok) added++;
    else notes.push(`document “${doc.document.title}” (${doc.document.id}) from the workspace was not added: ${one.error.message}`);
  }
  return added;
}
