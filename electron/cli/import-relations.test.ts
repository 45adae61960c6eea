import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Corpus } from '../../annotations/model';
import { ParleyStore } from '../node/store/parley-store';
import { main } from './parley';

const TEXT = 'Sung Kim met Noh Kyu-duk in Seoul 🇰🇷.\r\n통일부 welcomed the talks on 4 May.';

function quiet() {
  const lines: string[] = [];
  return { io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) }, lines };
}

async function stored(store: string): Promise<Corpus> {
  const opened = await ParleyStore.open(store);
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.store.exportCorpus();
  } finally {
    await opened.value.store.close();
  }
}

function links(corpus: Corpus): string[] {
  return corpus.documents.flatMap((d) => {
    const own = d.layers.find((l) => l.id === 'own')!;
    const quote = (id: string) => own.annotations.find((a) => a.id === id)!.quote.exact;
    return (own.relations ?? []).map((r) => `${quote(r.sourceId)} ${r.typeId} ${quote(r.targetId)}`);
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-import-relations-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function brat(name: string, ann: string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder);
  await writeFile(path.join(folder, 'talks.txt'), TEXT);
  await writeFile(path.join(folder, 'talks.ann'), ann);
  return folder;
}

describe('parley import keeps relations', () => {
  it('merges a file\'s relations into a stored document, tied to the spans already there, and skips repeats', async () => {
    const store = path.join(dir, 'store');
    const first = await brat('a', 'T1\tActor 0 8\tSung Kim\nT2\tActor 13 24\tNoh Kyu-duk\nR1\tmeets Arg1:T1 Arg2:T2\n');
    expect(await main(['import', '--format', 'brat', first, '--store', store], quiet().io)).toBe(0);
    expect(links(await stored(store))).toEqual(['Sung Kim meets Noh Kyu-duk']);

    // The same text again: Sung Kim is already stored, 통일부 is new; the relation joins them, the old one is not repeated.
    const start = [...TEXT.slice(0, TEXT.indexOf('통일부'))].length;
    const second = await brat('b', `T1\tActor 0 8\tSung Kim\nT2\tActor 13 24\tNoh Kyu-duk\nT3\tPolicy_body ${start} ${start + 3}\t통일부\nR1\tmeets Arg1:T1 Arg2:T2\nR2\tmember_of Arg1:T1 Arg2:T3\n`);
    const out = quiet();
    expect(await main(['import', '--format', 'brat', second, '--store', store], out.io)).toBe(0);
    const corpus = await stored(store);
    expect(corpus.documents).toHaveLength(1);
    expect(links(corpus).sort()).toEqual(['Sung Kim meets Noh Kyu-duk', 'Sung Kim member-of 통일부']);
    expect(corpus.labels.relationTypes!.map((t) => t.id)).toEqual(['holds', 'toward', 'when', 'member-of', 'meets']);
  });

  it('gives a colleague layer its relations and adds their new types to the project', async () => {
    const store = path.join(dir, 'store');
    const mine = await brat('mine', 'T1\tActor 0 8\tSung Kim\n');
    expect(await main(['import', '--format', 'brat', mine, '--store', store], quiet().io)).toBe(0);
    const theirs = await brat('theirs', 'T1\tActor 0 8\tSung Kim\nT2\tActor 13 24\tNoh Kyu-duk\nR1\tbriefs Arg1:T1 Arg2:T2\n');
    const out = quiet();
    expect(await main(['import', '--format', 'brat', theirs, '--as-layer', 'Ben', '--store', store], out.io)).toBe(0);
    const corpus = await stored(store);
    const ben = corpus.documents[0]!.layers.find((l) => l.id === 'colleague:Ben')!;
    const quote = (id: string) => ben.annotations.find((a) => a.id === id)!.quote.exact;
    expect(ben.relations!.map((r) => `${quote(r.sourceId)} ${r.typeId} ${quote(r.targetId)}`)).toEqual(['Sung Kim briefs Noh Kyu-duk']);
    expect(corpus.labels.relationTypes!.map((t) => t.id)).toContain('briefs');
  });
});
