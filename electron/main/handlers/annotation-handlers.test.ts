/**
 * A tag is one store operation and its answer is all the window needs: the
 * change and the document's new library row, equal to what the list would
 * say if asked again. Bad input changes nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParleyStore } from '../../node/store/parley-store';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

/** The store with every method call it receives written down, so a test can count them. */
function recording(store: ParleyStore, calls: string[]): ParleyStore {
  return new Proxy(store, {
    get(target, property) {
      const member = Reflect.get(target, property, target) as unknown;
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (member as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

// Texts whose UTF-16 offsets differ from code points and from bytes: CRLF, Hangul, an emoji flag.
const TEXTS = [
  { name: 'crlf', text: 'Noh spoke first.\r\nThe working group ended on 22 June 2021.\r\n', quote: 'working group' },
  { name: 'hangul', text: '정동영 장관은 남북 대화를 제안했다. 통일부가 환영했다.', quote: '통일부' },
  { name: 'emoji', text: 'Leaders met 🇰🇷🇺🇸 at Camp David and pledged 🤝 to consult.', quote: 'Camp David' },
];

async function setup(text: string) {
  const { opened } = await openTestStore('Min-ji');
  const calls: string[] = [];
  const api = createHandlers({ ...opened, store: recording(opened.store, calls), dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
  const report = value(await api.importTexts({ files: [{ name: 'article.txt', content: text }] }));
  const documentId = report.added[0]!.id;
  const stored = value(await api.getDocument({ documentId })).document.text;
  calls.length = 0;
  return { api, calls, documentId, stored, store: opened.store };
}

describe('tagging is one store operation that answers with the library row', () => {
  for (const { name, text, quote } of TEXTS) {
    it(`adds, relabels, notes, deletes, undoes and redoes in ${name} text, one store call each`, async () => {
      const { api, calls, documentId, stored, store } = await setup(text);
      const start = stored.indexOf(quote);
      const rowNow = () => store.listDocuments().find((d) => d.id === documentId);

      const added = value(await api.addAnnotations({ documentId, spans: [{ start, end: start + quote.length, labelId: 'policy-body' }] }));
      expect(calls.splice(0)).toEqual(['editLayer']);
      expect(added.added.map((a) => a.quote.exact)).toEqual([quote]);
      expect(added.summary).toEqual(rowNow());
      expect(added.summary?.annotationCount).toBe(1);
      expect(added.summary?.countsByLabel).toEqual({ 'policy-body': 1 });
      const id = added.added[0]!.id;

      const relabelled = value(await api.updateAnnotation({ documentId, annotationId: id, labelId: 'actor' }));
      expect(calls.splice(0)).toEqual(['editLayer']);
      expect(relabelled.summary?.countsByLabel).toEqual({ actor: 1 });
      expect(relabelled.summary).toEqual(rowNow());

      const noted = value(await api.updateAnnotation({ documentId, annotationId: id, note: '회의 노트 ✍️' }));
      expect(calls.splice(0)).toEqual(['editLayer']);
      expect(noted.added[0]!.note).toBe('회의 노트 ✍️');
      expect(noted.removed[0]!.note).toBeUndefined();

      const deleted = value(await api.deleteAnnotations({ documentId, annotationIds: [id] }));
      expect(calls.splice(0)).toEqual(['editLayer']);
      expect(deleted.summary?.annotationCount).toBe(0);
      expect(deleted.summary).toEqual(rowNow());

      const undone = value(await api.undo({ documentId }));
      expect(calls.splice(0)).toEqual(['undo']);
      expect(undone.summary?.annotationCount).toBe(1);
      expect(undone.summary).toEqual(rowNow());

      const redone = value(await api.redo({ documentId }));
      expect(calls.splice(0)).toEqual(['redo']);
      expect(redone.summary?.annotationCount).toBe(0);
      expect(redone.summary).toEqual(rowNow());
    });
  }

  it('tags several spans in one call and one store operation, with the counts of every label', async () => {
    const { api, calls, documentId, stored } = await setup(TEXTS[0]!.text);
    const at = (q: string) => stored.indexOf(q);
    const change = value(
      await api.addAnnotations({
        documentId,
        spans: [
          { start: at('Noh'), end: at('Noh') + 3, labelId: 'actor' },
          { start: at('22 June 2021'), end: at('22 June 2021') + 12, labelId: 'date' },
        ],
      }),
    );
    expect(calls).toEqual(['editLayer']);
    expect(change.summary?.countsByLabel).toEqual({ actor: 1, date: 1 });
    expect(change.summary?.updatedAt).toBe(change.updatedAt);
  });
});

describe('a refused tag changes nothing', () => {
  it('refuses an unknown label, a span outside the text, half an emoji, and an unknown annotation, with the file untouched', async () => {
    const { api, documentId, stored, store } = await setup(TEXTS[2]!.text);
    const flag = stored.indexOf('🇰🇷');
    const before = value(await api.getDocument({ documentId }));
    const onDisk = async () => {
      const names = await readdir(path.join(store.dir, 'documents'));
      return Promise.all(names.map((n) => readFile(path.join(store.dir, 'documents', n), 'utf8')));
    };
    const filesBefore = await onDisk();
    const refusals = [
      await api.addAnnotations({ documentId, spans: [{ start: 0, end: 7, labelId: 'no-such-label' }] }),
      await api.addAnnotations({ documentId, spans: [{ start: 0, end: stored.length + 1, labelId: 'actor' }] }),
      await api.addAnnotations({ documentId, spans: [{ start: flag, end: flag + 1, labelId: 'actor' }] }),
      await api.addAnnotations({ documentId, spans: [{ start: 0, end: 7, labelId: 'actor' }, { start: 0, end: 7, labelId: 'nope' }] }),
      await api.updateAnnotation({ documentId, annotationId: 'missing', labelId: 'actor' }),
      await api.deleteAnnotations({ documentId, annotationIds: ['missing'] }),
      await api.addAnnotations({ documentId, layerId: 'colleague-1', spans: [{ start: 0, end: 7, labelId: 'actor' }] }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['invalid-input', 'invalid-input', 'invalid-input', 'invalid-input', 'not-found', 'not-found', 'forbidden']);
    for (const r of refusals) if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
    expect(value(await api.getDocument({ documentId }))).toEqual(before);
    expect(await onDisk()).toEqual(filesBefore);
  });
});
