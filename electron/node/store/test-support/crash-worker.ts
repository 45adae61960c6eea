/**
 * The child process of the crash test. Opens the store given as argv[2] and
 * performs store operations until it is killed, writing one line to stdout
 * before each operation is issued (`B <json>`) and one after it is
 * acknowledged (`A <seq>`). Lines are written with writeSync, so a line is in
 * the pipe before the next step happens and a SIGKILL cannot lose it.
 */
import { writeSync } from 'node:fs';
import { createAnnotation } from '../../../../annotations/annotation';
import { createDocument } from '../../../../annotations/document';
import { OWN_LAYER_ID } from '../../../../annotations/model';
import type { Result } from '../../../../annotations/result';
import { ParleyStore } from '../parley-store';

/** An operation as announced by the worker. */
export type CrashOp =
  | { seq: number; op: 'import'; doc: string; sha256: string }
  | { seq: number; op: 'add'; doc: string; ann: string; start: number; end: number; label: string }
  | { seq: number; op: 'relabel'; doc: string; ann: string; label: string }
  | { seq: number; op: 'delete'; doc: string; ann: string };

const LABELS = ['actor', 'policy-body', 'position', 'date'];
const MAX_DOCUMENTS = 12;
const MAX_ANNOTATIONS = 30;

function line(text: string): void {
  const bytes = Buffer.from(`${text}\n`);
  for (let off = 0; off < bytes.length; ) {
    try {
      off += writeSync(1, bytes, off);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

/** Text of an imported document: varied length so files differ in size. */
export function crashText(id: string): string {
  return `${id}: Seoul and Washington agreed on 26 April 2023 to set up the Nuclear Consultative Group. `.repeat(5 + (id.length % 7) * 20);
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: crash-worker <store dir>');
  // Often compacting after every save or every few, so kills land in compactions with saves arriving meanwhile too.
  const compaction = { bytes: pick([0, 4096, 1024 * 1024]), idleMs: pick([0, 30]) };
  const opened = await ParleyStore.open(dir, { onWarning: (m) => line(`W ${m}`), compaction });
  if (!opened.ok) {
    line(`E open: ${opened.error.code} ${opened.error.message}`);
    process.exit(1);
  }
  const { store } = opened.value;
  line('R');
  let seq = 0;
  let imported = 0;
  const issue = (op: CrashOp, run: () => Promise<Result<unknown>>): Promise<void> => {
    line(`B ${JSON.stringify(op)}`);
    return run().then((r) => line(r.ok ? `A ${op.seq}` : `E ${op.seq} ${r.error.code} ${r.error.message}`));
  };
  for (;;) {
    const batch: Array<Promise<void>> = [];
    for (let n = 1 + Math.floor(Math.random() * 4); n > 0; n--) {
      const docs = store.listDocuments();
      if (docs.length === 0 || (docs.length < MAX_DOCUMENTS && Math.random() < 0.08)) {
        const id = `doc_${process.pid}_${imported++}`;
        const document = createDocument({ id, title: id, source: 'crash-test', text: crashText(id), now: new Date().toISOString() });
        batch.push(issue({ seq: ++seq, op: 'import', doc: id, sha256: document.sha256 }, () => store.addDocuments([{ document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'crash', annotations: [] }], decisions: [] }])));
        continue;
      }
      const doc = pick(docs).id;
      const view = store.getDocument(doc);
      if (!view.ok) throw new Error(view.error.message);
      const text = view.value.document.text;
      const annotations = view.value.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [];
      const roll = Math.random();
      if (annotations.length > 0 && (annotations.length >= MAX_ANNOTATIONS || roll < 0.25)) {
        const target = pick(annotations);
        batch.push(issue({ seq: ++seq, op: 'delete', doc, ann: target.id }, () => store.changeAnnotations(doc, OWN_LAYER_ID, { removed: [target], added: [] }, 'Delete')));
      } else if (annotations.length > 0 && roll < 0.5) {
        const target = pick(annotations);
        const label = pick(LABELS);
        const changed = { ...target, labelId: label, updatedAt: new Date().toISOString() };
        batch.push(issue({ seq: ++seq, op: 'relabel', doc, ann: target.id, label }, () => store.changeAnnotations(doc, OWN_LAYER_ID, { removed: [target], added: [changed] }, 'Relabel')));
      } else {
        const start = Math.floor(Math.random() * (text.length - 20));
        const end = start + 1 + Math.floor(Math.random() * 15);
        const label = pick(LABELS);
        const created = createAnnotation(text, { documentId: doc, start, end, labelId: label, author: 'crash', now: new Date().toISOString() });
        if (!created.ok) throw new Error(created.error.message);
        const annotation = created.value;
        batch.push(issue({ seq: ++seq, op: 'add', doc, ann: annotation.id, start, end, label }, () => store.changeAnnotations(doc, OWN_LAYER_ID, { removed: [], added: [annotation] }, 'Tag')));
      }
    }
    await Promise.all(batch);
  }
}

main().catch((error: unknown) => {
  line(`E crash-worker: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
