/**
 * `parley import` joins an incoming document to a stored one only when the
 * texts are identical or the ids match and the texts differ by a small edit;
 * a text that merely resembles a stored one is imported as new and named, and
 * a text repeated in one file is imported once. Real stores in temp folders.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParleyStore } from '../node/store/parley-store';
import { main } from './parley';
import { capture } from './test-support/capture-io';

async function storedTexts(storeDir: string): Promise<Array<{ title: string; text: string; own: string[] }>> {
  const opened = await ParleyStore.open(storeDir);
  if (!opened.ok) throw new Error(opened.error.message);
  const { store } = opened.value;
  try {
    return store.exportCorpus().documents.map((d) => ({ title: d.document.title, text: d.document.text, own: d.layers.find((l) => l.id === 'own')!.annotations.map((a) => a.quote.exact) }));
  } finally {
    await store.close();
  }
}

function doccanoLine(text: string, quotes: Array<[string, string]>): string {
  return JSON.stringify({
    text,
    label: quotes.map(([q, l]) => {
      const start = [...text.slice(0, text.indexOf(q))].length;
      return [start, start + [...q].length, l];
    }),
  });
}

async function workspace() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-cli-match-'));
  return { dir, store: path.join(dir, 'store') };
}

describe('parley import keeps different texts apart', () => {
  it('adds a second text that shares one entity with a stored one, and exits 0 with both texts intact', async () => {
    const { dir, store } = await workspace();
    const first = path.join(dir, 'first.jsonl');
    await writeFile(first, `${doccanoLine('IRF-4 is expressed in T cells.', [['IRF-4', 'actor']])}\n`);
    expect(await main(['import', '--format', 'doccano', first, '--store', store], capture().io)).toBe(0);
    const second = path.join(dir, 'second.jsonl');
    await writeFile(second, `${doccanoLine('Mice with deletion of IRF-4 failed to develop mature B cells.', [['IRF-4', 'actor']])}\n`);
    const run = capture();
    expect(await main(['import', '--format', 'doccano', second, '--store', store], run.io)).toBe(0);
    expect(run.out.at(-1)).toMatch(/^1 documents imported, 0 annotations merged/);
    const docs = await storedTexts(store);
    expect(docs.map((d) => d.text).sort()).toEqual(['IRF-4 is expressed in T cells.', 'Mice with deletion of IRF-4 failed to develop mature B cells.']);
    for (const d of docs) expect(d.own).toEqual(['IRF-4']);
  });

  it('imports an edited version with another id as new and says what it resembles, with the similarity', async () => {
    const { dir, store } = await workspace();
    const original = 'The envoy met officials in Seoul on 3 May.\nBoth sides agreed to resume the working group in June.\n통일부 welcomed it 🇰🇷.';
    const article = path.join(dir, 'envoy.txt');
    await writeFile(article, original);
    expect(await main(['import', article, '--store', store], capture().io)).toBe(0);
    const edited = `Seoul, Tuesday.\n${original.replace('in June', 'in early June')}`;
    const file = path.join(dir, 'edited.jsonl');
    await writeFile(file, `${doccanoLine(edited, [['envoy', 'actor'], ['통일부', 'policy_body']])}\n`);
    const run = capture();
    expect(await main(['import', '--format', 'doccano', file, '--store', store], run.io)).toBe(0);
    expect(run.out.join('\n')).toMatch(/ looks like an edited version of envoy \(doc_[^)]+\) \((8\d|9\d)%\): imported as new$/m);
    const docs = await storedTexts(store);
    expect(docs.map((d) => d.text).sort()).toEqual([edited, original].sort());
    expect(docs.find((d) => d.text === edited)!.own).toEqual(['envoy', '통일부']);
  });

  it('joins a Parley file’s document with the same id after a small edit, and keeps a rewritten one apart', async () => {
    const { dir, store } = await workspace();
    const text = 'Noh suggested ending the working group.\n통일부 welcomed it on 22 June 2021.';
    const first = path.join(dir, 'first.jsonl');
    await writeFile(first, `${doccanoLine(text, [['Noh', 'actor']])}\n`);
    expect(await main(['import', '--format', 'doccano', first, '--store', store], capture().io)).toBe(0);
    const exported = path.join(dir, 'corpus.json');
    expect(await main(['export', '--store', store, '--out', exported], capture().io)).toBe(0);
    const json = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(exported, 'utf8')));
    json.documents[0].text = text.replace('\n', '\r\n');
    await writeFile(exported, JSON.stringify(json));
    const run = capture();
    const code = await main(['import', '--format', 'parley', exported, '--store', store], run.io);
    expect(run.out.at(-1)).toMatch(/^0 documents imported, 0 annotations merged, 1 already present, 0 orphans/);
    expect(code).toBe(0);
    expect((await storedTexts(store)).map((d) => d.text)).toEqual([text]);

    // The same id on a text rewritten beyond a small edit: a new document, the stored one untouched.
    const rewritten = 'Noh later opened a bakery in Busan and sold bread to tourists.';
    json.documents[0].text = rewritten;
    await writeFile(exported, JSON.stringify(json));
    const again = capture();
    expect(await main(['import', '--format', 'parley', exported, '--store', store], again.io)).toBe(0);
    expect(again.out.at(-1)).toMatch(/^1 documents imported, 0 annotations merged/);
    expect((await storedTexts(store)).map((d) => [d.text, d.own])).toEqual([
      [text, ['Noh']],
      [rewritten, ['Noh']],
    ]);
  });

  it('imports a Prodigy dataset that repeats an example as one document, and says so on one line', async () => {
    const { dir, store } = await workspace();
    const text = 'Talks in Seoul 🇰🇷 resumed on 4 May.';
    const span = (q: string, label: string) => {
      const start = [...text.slice(0, text.indexOf(q))].length;
      return { start, end: start + [...q].length, label, text: q };
    };
    const file = path.join(dir, 'dataset.jsonl');
    const lines = [
      { text, spans: [span('Seoul', 'actor')], answer: 'accept', _input_hash: 5, _task_hash: 1 },
      { text, spans: [span('Seoul', 'actor'), span('4 May', 'date')], answer: 'accept', _input_hash: 5, _task_hash: 2 },
    ];
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const run = capture();
    expect(await main(['import', '--format', 'spacy', file, '--store', store], run.io)).toBe(0);
    expect(run.out.filter((l) => l.includes('the same text 2 times in the file'))).toHaveLength(1);
    expect(run.out.at(-1)).toMatch(/^1 documents imported/);
    const docs = await storedTexts(store);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.own.sort()).toEqual(['4 May', 'Seoul']);
  });
});
