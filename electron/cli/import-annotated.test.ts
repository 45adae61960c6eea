import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParleyStore } from '../node/store/parley-store';
import { main } from './parley';
import { capture } from './test-support/capture-io';

const TEXT = 'Sung Kim met Noh Kyu-duk in Seoul.\r\n통일부 welcomed the talks 🇰🇷 on 4 May.';

async function ownQuotes(storeDir: string): Promise<Array<[string, string]>> {
  const opened = await ParleyStore.open(storeDir);
  if (!opened.ok) throw new Error(opened.error.message);
  const { store } = opened.value;
  try {
    return store.exportCorpus().documents.flatMap((d) => d.layers.find((l) => l.id === 'own')!.annotations.map((a): [string, string] => [a.quote.exact, a.labelId]));
  } finally {
    await store.close();
  }
}

describe('parley import --format', () => {
  it('imports a brat folder with its annotations, merges a later file into the same document, and skips repeats', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-cli-annotated-'));
    const store = path.join(dir, 'store');
    const brat = path.join(dir, 'brat');
    await mkdir(brat);
    await writeFile(path.join(brat, 'talks.txt'), TEXT);
    // brat counts code points; everything tagged here lies before the emoji.
    await writeFile(path.join(brat, 'talks.ann'), 'T1\tActor 0 8\tSung Kim\nT2\tActor 13 24\tNoh Kyu-duk\nR1\tMeets Arg1:T1 Arg2:T2\n');
    const first = capture();
    expect(await main(['import', '--format', 'brat', brat, '--store', store], first.io)).toBe(0);
    expect(first.out.at(-1)).toMatch(/^1 documents imported, 0 annotations merged, 0 already present, 0 orphans/);
    // The R line is a relation now, and its type joins the project's relation types.
    const opened = await ParleyStore.open(store);
    if (!opened.ok) throw new Error(opened.error.message);
    const kept = opened.value.store.exportCorpus();
    await opened.value.store.close();
    expect(kept.documents[0]!.layers[0]!.relations!.map((r) => r.typeId)).toEqual(['meets']);
    expect(kept.labels.relationTypes!.map((t) => t.id)).toEqual(['holds', 'toward', 'when', 'member-of', 'meets']);

    const start = TEXT.indexOf('통일부');
    const doccano = path.join(dir, 'more.jsonl');
    await writeFile(doccano, `${JSON.stringify({ text: TEXT, label: [[0, 8, 'actor'], [start, start + 3, 'policy_body']] })}\n`);
    const second = capture();
    expect(await main(['import', '--format', 'doccano', doccano, '--store', store], second.io)).toBe(0);
    expect(second.out.at(-1)).toMatch(/^0 documents imported, 1 annotations merged, 1 already present, 0 orphans/);

    expect(await ownQuotes(store)).toEqual([
      ['Sung Kim', 'actor'],
      ['Noh Kyu-duk', 'actor'],
      ['통일부', 'policy-body'],
    ]);
  });

  it('refuses a broken file, names the line, and leaves the store as it was', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-cli-annotated-'));
    const store = path.join(dir, 'store');
    const good = path.join(dir, 'good.jsonl');
    await writeFile(good, `${JSON.stringify({ text: TEXT, label: [[0, 8, 'actor']] })}\n`);
    expect(await main(['import', '--format', 'doccano', good, '--store', store], capture().io)).toBe(0);
    const before = await readFile(path.join(store, 'library.json'), 'utf8');

    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, `${JSON.stringify({ text: 'Other text.', label: [[4, 400, 'actor']] })}\n`);
    const run = capture();
    expect(await main(['import', '--format', 'doccano', bad, '--store', store], run.io)).toBe(1);
    expect(run.err).toContain('  bad.jsonl:1 label[0]: end 400 is past the end of the text (11 code points)');
    expect(run.err.at(-1)).toBe('Nothing was imported.');
    expect(await readFile(path.join(store, 'library.json'), 'utf8')).toBe(before);
    expect(await ownQuotes(store)).toEqual([['Sung Kim', 'actor']]);
  });

  it('names the formats when given an unknown one', async () => {
    const run = capture();
    expect(await main(['import', '--format', 'xml', 'x.xml'], run.io)).toBe(2);
    expect(run.err[0]).toMatch(/unknown format xml; formats are parley, w3c, brat/);
  });
});
