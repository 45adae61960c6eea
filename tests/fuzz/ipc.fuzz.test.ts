/**
 * Fuzzes every API method through the app's own `registerApi` dispatch, on
 * real handlers over a real store in a temporary folder. Payloads are random
 * values, valid payloads with one thing broken, and valid-shaped payloads that
 * are semantically wrong. Every call must come back as a serialisable
 * `Result`; a refused call must leave every byte of the store as it was.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../annotations/formats/index';
import type { Annotation } from '../../annotations/model';
import type { Result } from '../../annotations/result';
import { findDifferences } from '../../annotations/review/differences';
import type { Dialogs } from '../../electron/main/dialogs';
import { createHandlers } from '../../electron/main/handlers/create-handlers';
import { registerApi, type InvokeEventLike } from '../../electron/main/ipc/register-api';
import { createSenderCheck } from '../../electron/main/ipc/sender-check';
import { openAppStore, type OpenedStore } from '../../electron/node/open-app-store';
import { API_METHODS, channelOf, type ApiMethod } from '../../shared/api-methods';
import type { DocumentView } from '../../shared/library';
import { unpackResult } from '../../shared/wire-forms';
import {
  buildImportCase,
  caseRng,
  CSV_INJECTIONS,
  deepValue,
  fuzzCases,
  hugeString,
  MARKUP_PAYLOADS,
  pollution,
  protoObject,
  prototypeSnapshot,
  PROTO_NAMES,
  randomValue,
  type Rng,
} from './generators';

const ORIGIN = 'parley://app';
const TRUSTED: InvokeEventLike = { senderFrame: { url: `${ORIGIN}/index.html` } };
const UNTRUSTED: InvokeEventLike[] = [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }, { senderFrame: { url: '' } }, { senderFrame: { url: 'file:///etc/passwd' } }, { senderFrame: { url: 'parley://app.evil/' } }];
const ERROR_CODES = new Set(['invalid-input', 'invalid-format', 'not-found', 'conflict', 'too-large', 'store-locked', 'store-corrupt', 'io-error', 'forbidden', 'cancelled', 'internal']);
const CASES = fuzzCases('ipc');
const CHUNKS = 4;

type Listener = (event: InvokeEventLike, input: unknown) => Promise<unknown>;

/** Answers file dialogs with whatever the current case queued: hostile files written outside the store. */
class FuzzDialogs implements Dialogs {
  open: string[] | null = null;
  save: string | null = null;
  async openFiles(): Promise<string[] | null> {
    return this.open;
  }
  async saveFile(): Promise<string | null> {
    return this.save;
  }
}

let root = '';
let storeDir = '';
let inputs = '';
let outputs = '';
let opened: OpenedStore;
const channels = new Map<string, Listener>();
const dialogs = new FuzzDialogs();
const tally = { cases: 0, failures: 0, accepted: 0, refused: 0, byMethod: new Map<string, number>(), ms: 0 };

/** A file's identity as the kernel keeps it: a write or a replacing rename changes at least one of these. */
interface FileStamp {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** Content digests of store files, reused while a file's stamp is unchanged. */
const digests = new Map<string, { stamp: FileStamp; digest: string }>();

/** How long after its last change a file's stamp is trusted: longer than the coarsest timestamp tick. */
const SETTLED_NS = 2_000_000_000n;

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/**
 * The digest of one file's bytes. Reading every backup before and after every
 * call is what made this suite slow, so a digest is reused while the file's
 * inode, size, mtime and ctime are unchanged. That is only trusted for a file
 * last changed more than two seconds ago: a file timestamp can be as coarse as
 * one clock tick, so a second write within the same tick could otherwise keep
 * the stamp. Any change to a settled file moves its ctime (the kernel sets it
 * on every write, and it cannot be set back), and the store's atomic rename
 * gives the path a new inode. Recently changed files are read every time.
 */
function fileDigest(file: string): string {
  const s = statSync(file, { bigint: true });
  const stamp: FileStamp = { ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs };
  const cached = digests.get(file);
  if (cached && sameStamp(cached.stamp, stamp)) return cached.digest;
  const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
  const now = BigInt(Date.now()) * 1_000_000n;
  if (now - stamp.ctimeNs > SETTLED_NS && now - stamp.mtimeNs > SETTLED_NS) digests.set(file, { stamp, digest });
  else digests.delete(file);
  return digest;
}

/** Hash of every file under the store folder: its path and the digest of its bytes. */
async function hashStore(): Promise<string> {
  await opened.store.settle();
  const hash = createHash('sha256');
  // Synchronous calls: thousands of small stats per case cost far less this way, and nothing else runs meanwhile.
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        hash.update(`d:${path.relative(storeDir, full)}\0`);
        walk(full);
      } else {
        hash.update(`f:${path.relative(storeDir, full)}\0${fileDigest(full)}\0`);
      }
    }
  };
  walk(storeDir);
  return hash.digest('hex');
}

async function call(method: ApiMethod, input: unknown, event: InvokeEventLike = TRUSTED): Promise<unknown> {
  return channels.get(channelOf(method))!(event, input);
}

async function must<T>(method: ApiMethod, input: unknown): Promise<T> {
  // Unpacked as the window unpacks it (a document view travels packed).
  const r = unpackResult(method, await call(method, input)) as Result<T>;
  if (!r.ok) throw new Error(`${method} failed in setup: ${r.error.message}`);
  return r.value;
}

/** What the store holds now, for building valid-shaped payloads. */
interface StoreFacts {
  docs: Array<{ id: string; text: string; annotations: Annotation[]; colleagueLayers: string[]; differenceKeys: string[] }>;
  labelIds: string[];
  backupIds: string[];
}

async function facts(): Promise<StoreFacts> {
  const summaries = await must<Array<{ id: string }>>('listDocuments', {});
  const docs: StoreFacts['docs'] = [];
  for (const s of summaries.slice(0, 12)) {
    const view = await must<DocumentView>('getDocument', { documentId: s.id });
    const own = view.layers.find((l) => l.id === 'own')?.annotations ?? [];
    const colleagues = view.layers.filter((l) => l.kind === 'colleague');
    const differenceKeys = colleagues.flatMap((l) => findDifferences(view.document.text, own, l.annotations).map((d) => d.key));
    docs.push({ id: s.id, text: view.document.text, annotations: own, colleagueLayers: colleagues.map((l) => l.id), differenceKeys });
  }
  const labels = await must<{ labels: Array<{ id: string }> }>('getLabels', {});
  const backups = await must<Array<{ id: string }>>('listBackups', {});
  return { docs, labelIds: labels.labels.map((l) => l.id), backupIds: backups.map((b) => b.id) };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'parley-fuzz-ipc-'));
  storeDir = path.join(root, 'store');
  inputs = path.join(root, 'inputs');
  outputs = path.join(root, 'outputs');
  await mkdir(inputs);
  await mkdir(outputs);
  // No compaction on a timer: it rewrites a document's file and journal (same content, new bytes) whenever
  // 20 s pass without a save, and a refusal's byte check would see it. Compactions a call starts are
  // awaited before each check (hashStore).
  const o = await openAppStore(storeDir, 'Min-ji', { seedSamples: true, store: { compaction: { idleMs: 0 } } });
  if (!o.ok) throw new Error(o.error.message);
  opened = o.value;
  const handlers = createHandlers({ ...opened, dialogs, version: 'fuzz', notify: () => undefined });
  registerApi({ handle: (channel, listener) => channels.set(channel, listener) }, handlers, createSenderCheck([ORIGIN]));
  // Give the methods something to work on: own annotations, and a colleague's layer that differs.
  const [first, second] = await must<Array<{ id: string }>>('listDocuments', {});
  for (const doc of [first!, second!]) {
    const view = await must<DocumentView>('getDocument', { documentId: doc.id });
    const t = view.document.text;
    await must('addAnnotations', { documentId: doc.id, spans: [{ start: 0, end: 5, labelId: 'actor' }, { start: 10, end: Math.min(t.length, 30), labelId: 'position', note: '=cmd' }] });
  }
  dialogs.save = path.join(outputs, 'colleague.parley.json');
  await must('exportToDialog', { format: 'doccano' });
  dialogs.open = [dialogs.save];
  await must('importLayerFromDialog', { format: 'doccano', author: 'Sam' });
  const before = await hashStore();
  await must('addAnnotations', { documentId: first!.id, spans: [{ start: 6, end: 9, labelId: 'date' }] });
  // The check below is only worth something if the hash notices a change.
  if ((await hashStore()) === before) throw new Error('hashing the store folder did not notice a change');
}, 60_000);

afterAll(async () => {
  console.log(
    `fuzz ipc: ${tally.cases} cases, ${tally.failures} failures (${tally.accepted} accepted, ${tally.refused} refused, ${API_METHODS.length} methods, ${(tally.ms / 1000).toFixed(1)} s)`,
  );
  await opened?.store.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Sets `value` at a random place in a plain payload (a key, an array element, or a nested field). */
function setSomewhere(rng: Rng, payload: Record<string, unknown>, value: unknown): void {
  const keys = Object.keys(payload);
  if (keys.length === 0 || rng.chance(0.2)) {
    payload[rng.pick(['documentId', 'spans', 'labels', 'files', 'layerId', 'format', 'x'])] = value;
    return;
  }
  const key = rng.pick(keys);
  const v = payload[key];
  if (Array.isArray(v) && v.length > 0) {
    const i = rng.int(v.length);
    const item = v[i];
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && rng.chance(0.7)) {
      const inner = item as Record<string, unknown>;
      inner[rng.pick([...Object.keys(inner), 'extra'])] = value;
    } else v[i] = value;
    return;
  }
  payload[key] = value;
}

function overLimitString(rng: Rng): string {
  return rng.pick(['x'.repeat(201), 'x'.repeat(10_001), hugeString(rng, 10_000_001)]);
}

/** A payload that passes the schema for `method`, given what the store holds. */
function validPayload(rng: Rng, method: ApiMethod, f: StoreFacts): Record<string, unknown> {
  const doc = rng.pick(f.docs);
  const ann = doc.annotations.length > 0 ? rng.pick(doc.annotations) : undefined;
  const colleague = doc.colleagueLayers[0] ?? 'colleague:Sam';
  const start = rng.int(Math.max(1, doc.text.length - 1));
  const end = Math.min(doc.text.length, start + rng.range(1, 40));
  const label = rng.pick(f.labelIds);
  const fmt = rng.pick(FORMAT_NAMES);
  switch (method) {
    case 'getAppInfo':
    case 'listDocuments':
    case 'getLabels':
    case 'importFromDialog':
    case 'workspaceStatus':
    case 'syncWorkspace':
      return {};
    case 'setWorkspacePassword':
      return { password: rng.pick(['hunter2', '비밀번호 🔑', 'x'.repeat(1000), ...CSV_INJECTIONS.map((s) => s.trim() || 'x')]) };
    case 'setAuthor':
      return { author: rng.pick(['Sam', 'Min-ji', ...CSV_INJECTIONS.map((s) => s.trim() || 'x'), ...MARKUP_PAYLOADS]).slice(0, 100) };
    case 'setKeyBindings':
      return { bindings: rng.pick([{}, { 'next-mention': 'Alt-j' }, { undo: 'Mod-z', search: 'Alt-s' }, { shortcuts: rng.pick(MARKUP_PAYLOADS).slice(0, 40) }]) };
    case 'getDocument':
    case 'deleteDocument':
    case 'undo':
    case 'redo':
    case 'undoReview':
    case 'redoReview':
      return { documentId: doc.id };
    case 'importTexts':
      return {
        files: Array.from({ length: rng.range(1, 3) }, (_, i) => ({
          name: rng.pick([`article-${i}.txt`, `page-${i}.html`, `note-${i}.md`, '../../../etc/passwd', 'x.pdf', '__proto__.txt', 'CON.txt']),
          content: rng.pick([...MARKUP_PAYLOADS, `<html><body>${rng.pick(MARKUP_PAYLOADS)}<p>Text ${rng.int(1e9)}</p></body></html>`, `Plain article ${rng.int(1e9)}\r\n통일부 🇰🇷`, '', '\uFEFF', '\ud800 lone surrogate']),
        })),
      };
    case 'importDroppedFiles':
      return { paths: [rng.pick(['../../../etc/passwd', '/etc/passwd', '/nonexistent/통일부 🇰🇷.pdf', 'relative/report.pdf', '/dev/zero.html', '/proc/self/environ', '/'])] };
    case 'setStatus':
      return { documentId: doc.id, status: rng.pick(['todo', 'in-progress', 'done']) };
    case 'renameDocument':
      return { documentId: doc.id, title: rng.pick(['Talks resume 🇰🇷', ' \n ', 'x'.repeat(600), ...CSV_INJECTIONS, ...MARKUP_PAYLOADS]) };
    case 'openOriginal':
    case 'removeOriginal':
      return { documentId: doc.id };
    case 'storeSize':
      return {};
    case 'addAnnotations':
      return { documentId: doc.id, layerId: rng.pick([undefined, 'own', 'reconciled']), spans: [{ start, end, labelId: label, note: rng.pick([undefined, ...CSV_INJECTIONS, ...MARKUP_PAYLOADS]) }] };
    case 'updateAnnotation':
      return { documentId: doc.id, annotationId: ann?.id ?? 'ann_missing', labelId: label, note: rng.pick([null, '', 'a note', ...MARKUP_PAYLOADS]) };
    case 'deleteAnnotations':
      return { documentId: doc.id, annotationIds: [ann?.id ?? 'ann_missing'] };
    case 'saveLabels':
      return {
        labels: [
          ...f.labelIds.slice(0, 6).map((id, i) => ({ id, name: `Label ${i}`, color: '#123456', shortcut: String(i % 10), description: rng.pick(['', ...CSV_INJECTIONS]) })),
        ],
        migrate: [],
      };
    case 'exportToDialog':
      return { format: fmt, documentIds: rng.chance(0.5) ? [doc.id] : undefined };
    case 'listBackups':
      return { documentId: rng.chance(0.5) ? doc.id : undefined };
    case 'restoreBackup':
      return { backupId: f.backupIds.length > 0 ? rng.pick(f.backupIds) : 'none' };
    case 'importAnnotatedFromDialog':
    case 'planAnnotatedImportFromDialog':
      return { format: fmt };
    case 'applyAnnotatedImport':
      return { planId: rng.pick(['plan-1', 'plan-2', 'plan-999999']), merges: rng.chance(0.5) ? [] : [{ incoming: rng.int(3), documentId: doc.id }] };
    case 'importLayerFromDialog':
      return { format: fmt, author: rng.pick(['Sam', 'Jun', '__proto__', '=cmd']) };
    case 'removeLayer':
      return { layerId: colleague, documentId: doc.id };
    case 'decide':
      return { documentId: doc.id, theirsLayerId: colleague, differenceKey: doc.differenceKeys.length > 0 ? rng.pick(doc.differenceKeys) : 'none', action: rng.pick(['accept-theirs', 'keep-mine', 'keep-both', 'reject-both']) };
    case 'acceptAllAgreed':
      return { documentId: doc.id, theirsLayerId: colleague };
    case 'reviewQueue':
      return rng.chance(0.5) ? { theirsLayerId: colleague } : { layerIds: ['own', colleague, ...doc.colleagueLayers.slice(1, 3)] };
    case 'decideAcross':
      return { documentId: doc.id, layerIds: ['own', colleague], differenceKey: doc.differenceKeys.length > 0 ? rng.pick(doc.differenceKeys) : 'none', action: rng.pick(['accept-theirs', 'keep-mine', 'keep-both', 'reject-both']) };
    case 'preAcceptAgreed':
      return { layerIds: ['own', colleague], k: 2, documentIds: rng.chance(0.5) ? [doc.id] : undefined };
    case 'agreement':
      return { layerIds: ['own', colleague] };
    case 'exportAgreementToDialog':
      return { layerIds: ['own', colleague], format: rng.pick(['markdown', 'csv', 'json']) };
    case 'cancelTask':
      return { taskId: rng.pick(['task-1', 'task-2', 'task-999999']) };
    case 'addRelation': {
      const other = doc.annotations.length > 0 ? rng.pick(doc.annotations) : undefined;
      return { documentId: doc.id, typeId: rng.pick(['holds', 'toward', 'when', 'member-of']), sourceId: ann?.id ?? 'ann_missing', targetId: other?.id ?? 'ann_missing' };
    }
    case 'deleteRelations':
      return { documentId: doc.id, relationIds: [rng.pick(['rel_missing', '__proto__'])] };
    case 'listEntities':
      return {};
    case 'createEntity':
      return { name: rng.pick(['Chung Dong-young', '정동영', ...MARKUP_PAYLOADS]).slice(0, 500) || 'x', kind: label, aliases: rng.chance(0.5) ? [] : ['정동영'] };
    case 'addEntityAlias':
      return { entityId: rng.pick(['ent_missing', '__proto__']), alias: '정동영' };
    case 'renameEntity':
      return { entityId: rng.pick(['ent_missing', '__proto__']), name: rng.pick(['정동영', ...MARKUP_PAYLOADS]).slice(0, 500) || 'x' };
    case 'mergeEntities':
      return { intoId: rng.pick(['ent_missing', '__proto__']), fromId: rng.pick(['ent_other', 'constructor']) };
    case 'splitEntity':
      return { entityId: rng.pick(['ent_missing', '__proto__']), name: 'Chung Eui-yong', aliases: rng.chance(0.5) ? [] : ['정의용'] };
    case 'deleteEntity':
      return { entityId: rng.pick(['ent_missing', '__proto__', 'constructor']) };
    case 'setEntityAliases':
      return { entityId: rng.pick(['ent_missing', '__proto__']), aliases: rng.chance(0.5) ? [] : ['정동영', ...MARKUP_PAYLOADS.map((p) => p.slice(0, 500) || 'x')] };
    case 'entityHistory':
    case 'undoEntityChange':
    case 'redoEntityChange':
      return {};
    case 'changeRelationType':
      return { documentId: doc.id, relationId: rng.pick(['rel_missing', '__proto__']), typeId: rng.pick(['holds', 'toward', 'when', 'member-of', 'nope']) };
    case 'exportStatementsToDialog':
      return { format: rng.pick(['csv', 'json']), ...(rng.chance(0.5) ? { documentIds: [doc.id] } : {}), ...(rng.chance(0.3) ? { layerId: colleague } : {}) };
    case 'saveChart':
      return { chart: rng.pick(['timeline', 'matrix', 'network']), format: rng.pick(['svg', 'png', 'csv', 'graphml']), content: rng.pick(['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'iVBORw0KGgo=', ...MARKUP_PAYLOADS]) || 'x' };
    case 'listStatements':
      return { ...(rng.chance(0.5) ? { documentIds: [doc.id] } : {}), ...(rng.chance(0.3) ? { layerId: colleague } : {}) };
    case 'entityRows':
      return { filter: rng.pick([{}, { labelId: label }, { stance: 'opposes', status: 'done' }, { text: rng.pick(['정동영', ...MARKUP_PAYLOADS]).slice(0, 500) }]) };
    case 'entityMentions':
      return { key: rng.pick(['entity:ent_missing', `text:${label}:seoul`, '__proto__']), filter: {} };
    case 'corpusHistory':
    case 'undoCorpusStep':
    case 'redoCorpusStep':
      return {};
    case 'searchLibrary':
      return { text: rng.pick(['서울', '🇰🇷', 'the', ...MARKUP_PAYLOADS]).slice(0, 1000), ...(rng.chance(0.3) ? { labelId: label } : {}), ...(rng.chance(0.3) ? { from: '2025-01-01', to: '2025-12-31' } : {}) };
    case 'tagSearchHits':
      return { labelId: label, hits: [{ documentId: doc.id, start, end }] };
    case 'setDocumentMetadata':
      return { documentId: doc.id, metadata: rng.pick([{}, { publishedAt: '2021-06-22' }, { outlet: rng.pick(MARKUP_PAYLOADS).slice(0, 500), url: 'https://example.org/a' }, { publishedAt: 'Tuesday' }]) };
    case 'getSuggestions':
      return { documentId: doc.id, ...(rng.chance(0.5) ? { sources: [rng.pick(['own-tags', 'gazetteer', 'pattern', 'dates'])] } : {}) };
    case 'acceptSuggestions':
    case 'rejectSuggestions':
      return { documentId: doc.id, ids: [rng.pick([`own-tags:${start}-${end}:${label}`, `dates:${start}-${end}:date`, 'not-a-suggestion'])] };
    case 'importGazetteerFromDialog':
      return {};
  }
}

/** A valid-shaped payload that is wrong in meaning: unknown ids, offsets outside the text, a colleague's layer, and so on. */
function semanticallyWrong(rng: Rng, method: ApiMethod, f: StoreFacts, payload: Record<string, unknown>): string {
  const doc = rng.pick(f.docs);
  const len = doc.text.length;
  const bogusId = rng.pick(['doc_000000000000000000000000', '__proto__', 'constructor', '../library', '..', 'own', 'x'.repeat(200), 'documents/../../x']);
  if ('documentId' in payload && rng.chance(0.3)) {
    payload.documentId = bogusId;
    return `unknown documentId ${bogusId.slice(0, 30)}`;
  }
  switch (method) {
    case 'addAnnotations': {
      const surrogate = doc.text.search(/[\ud800-\udbff]/);
      const [start, end] = rng.pick<[number, number]>([
        [len, len + 1],
        [0, len + 1],
        [5, 2],
        [3, 3],
        [len + 10, len + 20],
        [0, 10_000_000],
        surrogate >= 0 ? [surrogate + 1, surrogate + 3] : [len, len + 5],
      ]);
      payload.documentId = doc.id;
      const spans = [{ start: 0, end: Math.min(3, len), labelId: 'actor' }, { start, end, labelId: rng.chance(0.3) ? rng.pick(['nonsense', '__proto__', 'constructor', 'toString']) : 'actor' }];
      payload.spans = rng.chance(0.5) ? spans : spans.slice(1);
      if (rng.chance(0.3)) payload.layerId = rng.pick(['colleague:Sam', 'nope', '__proto__']);
      return `span [${start}, ${end}) on a text of ${len}`;
    }
    case 'updateAnnotation':
      if (rng.chance(0.5)) payload.labelId = rng.pick(['nonsense', '__proto__', 'constructor']);
      else payload.annotationId = rng.pick(['ann_missing', '__proto__', 'constructor']);
      if (rng.chance(0.2)) payload.layerId = 'colleague:Sam';
      return 'unknown label or annotation';
    case 'deleteAnnotations':
      payload.annotationIds = [...((payload.annotationIds as string[]) ?? []), rng.pick(['ann_missing', '__proto__', 'constructor'])];
      return 'unknown annotation among known ones';
    case 'saveLabels': {
      const bad = rng.int(5);
      const labels = payload.labels as Array<Record<string, unknown>>;
      if (bad === 0) labels.push({ ...labels[0] });
      else if (bad === 1) payload.migrate = [{ from: 'actor', to: 'nonsense' }];
      else if (bad === 2) payload.migrate = [{ from: '__proto__', to: 'actor' }];
      else if (bad === 3) labels[0]!.id = rng.pick(['__proto__', 'constructor', '=cmd', '-x', '']);
      else payload.labels = labels.filter((l) => l.id !== 'actor');
      return `saveLabels variant ${bad}`;
    }
    case 'restoreBackup':
      payload.backupId = rng.pick(['../../../etc/passwd', '..', '/etc/passwd', 'documents/x', '__proto__', 'C:\\Windows', 'backups/../library.json', '%2e%2e%2f']);
      return `backupId ${String(payload.backupId)}`;
    case 'decideAcross':
    case 'preAcceptAgreed':
      payload.layerIds = rng.pick([['own', 'own'], ['own', 'colleague:Nobody'], ['reconciled', 'own'], ['own'], ['colleague:__proto__', 'colleague:constructor', 'own']]);
      return `layers ${JSON.stringify(payload.layerIds)}`;
    case 'removeLayer':
    case 'decide':
    case 'acceptAllAgreed':
      if ('theirsLayerId' in payload) payload.theirsLayerId = rng.pick(['colleague:Nobody', 'colleague:__proto__', 'colleague:constructor']);
      else payload.layerId = rng.pick(['colleague:Nobody', 'colleague:__proto__']);
      if (method === 'decide' && rng.chance(0.5)) payload.differenceKey = rng.pick(['nope', '__proto__', 'x'.repeat(2000)]);
      return 'unknown layer or difference';
    case 'agreement':
    case 'exportAgreementToDialog':
      payload.layerIds = rng.pick([['own', 'own'], ['colleague:Nobody', 'own'], ['__proto__', 'constructor'], ['reconciled', 'colleague:Nobody']]);
      if (rng.chance(0.3)) payload.documentIds = [bogusId];
      return `layers ${JSON.stringify(payload.layerIds)}`;
    case 'exportToDialog':
      payload.documentIds = [bogusId];
      payload.layerIds = rng.pick([undefined, ['__proto__'], ['colleague:Nobody']]);
      return 'unknown documents';
    case 'listBackups':
      payload.documentId = bogusId;
      return 'unknown document';
    default:
      if ('documentId' in payload) payload.documentId = bogusId;
      return `unknown id ${bogusId.slice(0, 30)}`;
  }
}

/** Methods that open a file dialog: each case queues hostile files for them to read, or a place to write. */
const DIALOG_METHODS: ReadonlySet<ApiMethod> = new Set(['importFromDialog', 'importLayerFromDialog', 'importAnnotatedFromDialog', 'planAnnotatedImportFromDialog', 'exportToDialog', 'exportAgreementToDialog']);

/** Queues the dialog answers a case needs: hostile files to open, a place to save. */
async function queueDialogs(rng: Rng, index: number): Promise<string> {
  const roll = rng.int(10);
  dialogs.save = rng.chance(0.8) ? path.join(outputs, `out-${index % 7}.bin`) : rng.chance(0.5) ? null : path.join(outputs, 'missing-dir', 'x.csv');
  if (roll === 0) {
    dialogs.open = null;
    return 'dialog cancelled';
  }
  if (roll === 1) {
    dialogs.open = [path.join(inputs, 'does-not-exist.json'), inputs];
    return 'dialog returned a missing file and a folder';
  }
  const format = rng.pick(FORMAT_NAMES);
  const c = buildImportCase('ipc', index, format);
  const dir = path.join(inputs, String(index % 5));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  const paths: string[] = [];
  for (const [i, file] of c.files.entries()) {
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.path)?.[1] ?? 'txt';
    const base = path.basename(file.path.replace(/\\/g, '/')).replace(/[^\w.-]/g, '_').slice(0, 60) || `file-${i}`;
    const name = `${i}-${base.endsWith(`.${ext}`) ? base : `${base}.${ext}`}`;
    await writeFile(path.join(dir, name), file.data);
    paths.push(path.join(dir, name));
  }
  if (rng.chance(0.01)) {
    const big = path.join(dir, 'big.txt');
    await writeFile(big, 'A'.repeat(21 * 1024 * 1024));
    paths.push(big);
  }
  dialogs.open = paths;
  return `dialog opens ${format} files (${c.mutations.join(' + ')})`;
}

/** Checks of a successful document view: every span inside its text and quoting it exactly. */
function viewProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || !('document' in value) || !('layers' in value)) return [];
  const view = value as DocumentView;
  const out: string[] = [];
  for (const layer of view.layers)
    for (const a of layer.annotations) {
      if (!(a.start >= 0 && a.end <= view.document.text.length && a.start < a.end)) out.push(`annotation ${a.id} [${a.start}, ${a.end}) outside the text`);
      else if (view.document.text.slice(a.start, a.end) !== a.quote.exact) out.push(`annotation ${a.id} quote does not match its text`);
    }
  return out;
}

/**
 * Runs case `index`. `before` is the store's hash as the previous case left
 * it; the hash after this call is returned for the next case, so each case
 * walks the store once.
 */
async function runCase(index: number, f: StoreFacts, snapshot: string, before: string): Promise<{ accepted: boolean; problems: string[]; what: string; after: string }> {
  const rng = caseRng('ipc', index);
  const method = API_METHODS[index % API_METHODS.length]!;
  let event = TRUSTED;
  let payload: unknown;
  const what: string[] = [method];
  const kind = rng.weighted([
    { weight: 10, value: 'valid' },
    { weight: 4, value: 'untrusted' },
    { weight: 16, value: 'semantic' },
    { weight: 8, value: 'wrong-type' },
    { weight: 5, value: 'drop-key' },
    { weight: 5, value: 'extra-key' },
    { weight: 8, value: 'proto-key' },
    { weight: 6, value: 'huge-string' },
    { weight: 4, value: 'huge-array' },
    { weight: 3, value: 'deep' },
    { weight: 6, value: 'random' },
  ]);
  what.push(kind);
  const base = validPayload(rng, method, f);
  switch (kind) {
    case 'valid':
      payload = base;
      break;
    case 'untrusted':
      payload = base;
      event = rng.pick(UNTRUSTED);
      break;
    case 'semantic':
      what.push(semanticallyWrong(rng, method, f, base));
      payload = base;
      break;
    case 'wrong-type':
      setSomewhere(rng, base, randomValue(rng, 3));
      payload = base;
      break;
    case 'drop-key': {
      const keys = Object.keys(base);
      if (keys.length > 0) delete base[rng.pick(keys)];
      else base.unexpected = 1;
      payload = base;
      break;
    }
    case 'extra-key':
      base[rng.pick(['extra', 'then', 'toJSON', 'valueOf', 'id'])] = randomValue(rng, 3);
      payload = base;
      break;
    case 'proto-key':
      payload = rng.chance(0.5) ? protoObject(base) : base;
      if (payload === base) setSomewhere(rng, base, protoObject(rng.chance(0.5) ? { start: 0, end: 3, labelId: 'actor' } : {}));
      if (rng.chance(0.3)) (payload as Record<string, unknown>)[rng.pick(PROTO_NAMES)] = { prototype: { polluted: 'yes' } };
      break;
    case 'huge-string':
      setSomewhere(rng, base, overLimitString(rng));
      payload = base;
      break;
    case 'huge-array': {
      const filler = rng.pick<unknown>([{ start: 0, end: 1, labelId: 'actor' }, 'ann_x', { name: 'a.txt', content: 'x' }, 1]);
      setSomewhere(rng, base, new Array(rng.pick([501, 100_001, 200_000])).fill(filler));
      payload = base;
      break;
    }
    case 'deep':
      setSomewhere(rng, base, deepValue(rng.range(10_000, 50_000), rng.chance(0.5) ? 'array' : 'object'));
      payload = base;
      break;
    default:
      payload = randomValue(rng);
  }
  if (DIALOG_METHODS.has(method)) what.push(await queueDialogs(rng, index));

  const problems: string[] = [];
  let result: unknown;
  try {
    result = await call(method, payload, event);
  } catch (error) {
    problems.push(`dispatch threw ${error instanceof Error ? error.message : String(error)}`);
  }
  const r = result as Result<unknown> | undefined;
  let after: string | undefined;
  if (r && typeof r === 'object' && typeof r.ok === 'boolean') {
    if (!r.ok) {
      if (!ERROR_CODES.has(r.error?.code) || typeof r.error.message !== 'string' || r.error.message === '') problems.push(`malformed failure ${JSON.stringify(r.error).slice(0, 200)}`);
      if (r.error.code === 'internal') problems.push(`handler threw: ${r.error.message.slice(0, 300)}`);
      if ((after = await hashStore()) !== before) problems.push(`refused with ${r.error.code} (${r.error.message.slice(0, 200)}) but the store changed on disk`);
    } else {
      // Read as the window reads it: a document view travels packed.
      const unpacked = unpackResult(method, r);
      if (unpacked.ok) problems.push(...viewProblems(unpacked.value));
      else problems.push(`the window could not unpack the answer: ${unpacked.error.message.slice(0, 200)}`);
    }
    if (event !== TRUSTED && (r.ok || r.error.code !== 'forbidden')) problems.push(`a call from ${event.senderFrame?.url ?? 'no frame'} was not refused`);
    try {
      structuredClone(r);
    } catch (error) {
      problems.push(`result cannot cross IPC: ${(error as Error).message}`);
    }
  } else if (problems.length === 0) {
    problems.push(`returned ${String(result)} instead of a Result`);
  }
  const polluted = pollution(snapshot);
  if (polluted) problems.push(`prototype pollution: ${polluted}`);
  return { accepted: r?.ok === true, problems, what: what.join(' / '), after: after ?? (await hashStore()) };
}

describe('every IPC method under hostile payloads', () => {
  const perChunk = Math.ceil(CASES / CHUNKS);
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    it(`cases ${chunk * perChunk}–${Math.min(CASES, (chunk + 1) * perChunk) - 1}: each ends in a Result, and refusals leave the store byte-identical`, async () => {
      const snapshot = prototypeSnapshot();
      const failures: string[] = [];
      const started = performance.now();
      let f = await facts();
      let storeHash = await hashStore();
      for (let index = chunk * perChunk; index < Math.min(CASES, (chunk + 1) * perChunk); index++) {
        if (f.docs.length < 3) {
          // Deleting is a valid call: keep a few documents to aim at.
          await must('importTexts', { files: [{ name: `refill-${index}.txt`, content: `Refill ${index}: Seoul and Washington agreed 🇰🇷 통일부.` }] });
          f = await facts();
          storeHash = await hashStore();
        }
        const outcome = await runCase(index, f, snapshot, storeHash);
        storeHash = outcome.after;
        tally.cases++;
        const method = API_METHODS[index % API_METHODS.length]!;
        tally.byMethod.set(method, (tally.byMethod.get(method) ?? 0) + 1);
        if (outcome.accepted) {
          tally.accepted++;
          f = await facts();
        } else tally.refused++;
        if (outcome.problems.length > 0) {
          tally.failures++;
          failures.push(`ipc #${index} (${outcome.what}): ${outcome.problems.join('; ')}`);
        }
      }
      tally.ms += performance.now() - started;
      expect(failures.slice(0, 10)).toEqual([]);
    }, 170_000);
  }

  it('leaves a store that opens again cleanly, with every method exercised', async () => {
    expect([...tally.byMethod.keys()].sort()).toEqual([...API_METHODS].sort());
    const docs = (await must<Array<{ id: string }>>('listDocuments', {})).length;
    await opened.store.close();
    const again = await openAppStore(storeDir, 'Min-ji', { seedSamples: false });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    opened = again.value;
    expect(again.value.incidents).toEqual([]);
    expect(again.value.store.listDocuments()).toHaveLength(docs);
  });
});
