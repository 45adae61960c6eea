/**
 * Push: sends the outgoing queue to the team server. First the documents the
 * server lacks (a workspace's corpus is every member's library), then the
 * queued operations in batches, each batch one transaction of
 * `parley.push_operations`. A batch is dropped from the queue only after the
 * server committed it; if the connection is cut before the answer, the batch
 * is sent again next time and the server skips the operations it already has
 * (by id), so nothing acknowledged is lost and nothing is applied twice.
 * Last, each layer this analyst owns is checked against the server, and a
 * layer that differs (a change made while the queue could not be written) is
 * sent whole.
 */
import type pg from 'pg';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID } from '../../../annotations/model';
import type { ParleyStore } from '../store/parley-store';
import type { Outbox } from './outbox';
import { hasLoneSurrogate, toServerJson } from './server-json';
import { relationsOf, replaceOperation, type OwnedLayers, type WorkspaceOperation } from './workspace-operation';

/** What a push did. */
export interface PushReport {
  /** Operations the server applied or already had, now gone from the queue. */
  sent: number;
  /** Local documents shared with the workspace. */
  documentsShared: number;
  /** Layers sent whole because they differed from the server's. */
  layersRepaired: number;
  notes: string[];
}

/** Operations per transaction. */
export const PUSH_BATCH = 500;

/** Pushes the queue. Throws on a server error; what was committed before it stays acknowledged. */
export async function pushWorkspace(client: pg.ClientBase, store: ParleyStore, outbox: Outbox, owned: OwnedLayers, now: () => string): Promise<PushReport> {
  const notes: string[] = [];
  const { shared, onServer } = await shareDocuments(client, store, notes);
  let sent = await sendQueue(client, outbox, onServer, notes);
  const repairs = await layersToRepair(client, store, owned, outbox, now);
  if (repairs.length > 0) {
    await outbox.append(repairs);
    sent += await sendQueue(client, outbox, onServer, notes);
  }
  return { sent, documentsShared: shared, layersRepaired: repairs.length, notes };
}

async function shareDocuments(client: pg.ClientBase, store: ParleyStore, notes: string[]): Promise<{ shared: number; onServer: Set<string> }> {
  const server = new Map((await client.query<{ id: string; sha256: string }>('SELECT id, sha256 FROM parley.documents')).rows.map((r) => [r.id, r.sha256]));
  const rows: unknown[] = [];
  for (const summary of store.listDocuments()) {
    const there = server.get(summary.id);
    if (there !== undefined) {
      if (there !== summary.sha256) notes.push(`“${summary.title}” has the id of a different text in the workspace; its changes are kept here and not sent`);
      continue;
    }
    const view = store.getDocument(summary.id);
    if (!view.ok) continue;
    const { text, status: _status, ...body } = view.value.document;
    if (hasLoneSurrogate(text)) {
      notes.push(`“${summary.title}” has a broken character (a lone UTF-16 surrogate) that the server cannot store; it is not shared`);
      continue;
    }
    rows.push({ id: summary.id, sha256: summary.sha256, title: summary.title, text, body });
  }
  const localSha = new Map(store.listDocuments().map((d) => [d.id, d.sha256]));
  // Operations may go to documents the server holds with the same text, or that this library no longer has.
  const onServer = new Set([...server.entries()].filter(([id, sha]) => !localSha.has(id) || localSha.get(id) === sha).map(([id]) => id));
  for (let i = 0; i < rows.length; i += 200) {
    await client.query(
      `INSERT INTO parley.documents (id, sha256, title, text, body)
       SELECT d->>'id', d->>'sha256', d->>'title', d->>'text', d->'body' FROM jsonb_array_elements($1::jsonb) d
       ON CONFLICT (id) DO NOTHING`,
      [toServerJson(rows.slice(i, i + 200))],
    );
  }
  if (rows.length > 0) {
    // Read back: a document another member shared at the same moment counts when its text is the same.
    const ids = rows.map((r) => (r as { id: string }).id);
    for (const r of (await client.query<{ id: string; sha256: string }>('SELECT id, sha256 FROM parley.documents WHERE id = ANY($1::text[])', [ids])).rows) {
      if (localSha.get(r.id) === r.sha256) onServer.add(r.id);
      else notes.push(`document ${r.id} has the id of a different text in the workspace; its changes are kept here and not sent`);
    }
  }
  return { shared: rows.length, onServer };
}

async function sendQueue(client: pg.ClientBase, outbox: Outbox, onServer: ReadonlySet<string>, notes: string[]): Promise<number> {
  let sent = 0;
  let skipped = 0;
  for (;;) {
    const batch = outbox.pending().slice(0, PUSH_BATCH);
    if (batch.length === 0) break;
    // An operation on a document the workspace does not hold (deleted here before it was shared, or another text under its id) cannot be sent.
    const sendable = batch.filter((op) => op.documentId === null || onServer.has(op.documentId));
    skipped += batch.length - sendable.length;
    if (sendable.length > 0) await client.query('SELECT out_op FROM parley.push_operations($1::jsonb)', [toServerJson(sendable.map(toServer))]);
    await outbox.acknowledge(new Set(batch.map((op) => op.id)));
    sent += sendable.length;
  }
  if (skipped > 0) notes.push(`${skipped} change(s) to documents the workspace does not hold were not sent`);
  return sent;
}

function toServer(op: WorkspaceOperation) {
  return { id: op.id, layerId: op.layerId, documentId: op.documentId, kind: op.kind, payload: op.payload };
}

/**
 * Whole-layer operations for each owned layer whose spans and links differ from the
 * server's (by id and last change). Only when nothing is waiting in the queue:
 * otherwise the queue itself is what brings the server up to date.
 */
async function layersToRepair(client: pg.ClientBase, store: ParleyStore, owned: OwnedLayers, outbox: Outbox, now: () => string): Promise<WorkspaceOperation[]> {
  if (outbox.pending().length > 0) return [];
  const targets: Array<{ server: string; local: string }> = [{ server: owned.own, local: OWN_LAYER_ID }];
  if (owned.reconciled) targets.push({ server: owned.reconciled, local: RECONCILED_LAYER_ID });
  const rows = (
    await client.query<{ layer_id: string; document_id: string; key: string }>(
      `SELECT layer_id, document_id, item_kind || ':' || item_id || '@' || coalesce(body->>'updatedAt', '') AS key FROM parley.layer_items WHERE layer_id = ANY($1::text[])`,
      [targets.map((t) => t.server)],
    )
  ).rows;
  const serverKeys = new Map<string, string[]>();
  for (const r of rows) {
    const k = `${r.layer_id}\u0000${r.document_id}`;
    const list = serverKeys.get(k) ?? [];
    list.push(r.key);
    serverKeys.set(k, list);
  }
  const ops: WorkspaceOperation[] = [];
  for (const summary of store.listDocuments()) {
    const view = store.getDocument(summary.id);
    if (!view.ok) continue;
    for (const target of targets) {
      const layer = view.value.layers.find((l) => l.id === target.local);
      const localKeys = [...(layer?.annotations ?? []).map((a) => `annotation:${a.id}@${a.updatedAt}`), ...relationsOf(layer).map((r) => `relation:${r.id}@${String(r.updatedAt ?? '')}`)].sort();
      const theirs = (serverKeys.get(`${target.server}\u0000${summary.id}`) ?? []).sort();
      if (localKeys.length === theirs.length && localKeys.every((k, i) => k === theirs[i])) continue;
      const decisions = target.local === RECONCILED_LAYER_ID ? view.value.decisions : [];
      ops.push(replaceOperation(target.server, summary.id, layer, decisions, now()));
    }
  }
  return ops;
}
