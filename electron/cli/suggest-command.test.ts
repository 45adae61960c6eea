import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../annotations/annotation';
import { createDocument } from '../../annotations/document';
import type { Annotation } from '../../annotations/model';
import { OWN_LAYER_ID } from '../../annotations/model';
import { openAppStore } from '../node/open-app-store';
import { openSuggestionLibrary } from '../node/suggestion-library';
import { runSuggest } from './suggest-command';
import { capture } from './test-support/capture-io';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-suggest-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ARTICLE_A = 'Seoul and Washington met on 22 June 2021.\r\nThe Ministry of Unification spoke. 😀 Seoul agreed on Tuesday.\r\n';
const ARTICLE_B = '# Briefing\n통일부는 2021년 6월 22일에 발표했다. Seoul replied.\n';

async function writeSources(): Promise<{ gazetteer: string; patterns: string }> {
  const gazetteer = path.join(dir, 'bodies.csv');
  await writeFile(gazetteer, 'name,label,aliases,entity\r\nMinistry of Unification,Policy body,통일부,ent-mou\r\nSeoul,actor,,\r\n');
  const patterns = path.join(dir, 'rules.jsonl');
  await writeFile(patterns, '{"label":"position","pattern":[{"lower":"agreed"}]}\n{"label":"actor","regex":"Washington"}\n');
  return { gazetteer, patterns };
}

interface JsonAnnotation {
  start: number;
  end: number;
  labelId: string;
  suggestedBy?: string;
  entityId?: string;
  attributes?: Record<string, string>;
  quote: { exact: string };
}

async function readParleyJson(file: string): Promise<Array<{ title: string; text: string; annotations: JsonAnnotation[] }>> {
  const json = JSON.parse(await readFile(file, 'utf8')) as { documents: Array<{ title: string; text: string; layers: Array<{ id: string; annotations: JsonAnnotation[] }> }> };
  return json.documents.map((d) => ({ title: d.title, text: d.text, annotations: d.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [] }));
}

describe('parley suggest IN --out OUT', () => {
  it('pre-annotates a folder of articles from every source given, at UTF-16 offsets, each annotation naming its source', async () => {
    const input = path.join(dir, 'articles');
    await mkdir(input);
    await writeFile(path.join(input, 'a.txt'), ARTICLE_A);
    await writeFile(path.join(input, 'b.md'), ARTICLE_B);
    const { gazetteer, patterns } = await writeSources();
    const out = path.join(dir, 'out.json');
    const c = capture();
    const code = await runSuggest([input, '--out', out, '--gazetteer', gazetteer, '--patterns', patterns, '--dates'], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out.at(-1)).toMatch(/^Wrote 1 file to .*out\.json \(parley\): 2 documents, 10 suggested annotations \(by source: gazetteer 5, pattern 2, dates 3\)\.$/);
    const docs = await readParleyJson(out);
    const a = docs.find((d) => d.title === 'a')!;
    const view = (d: { text: string; annotations: JsonAnnotation[] }) => d.annotations.map((x) => `${d.text.slice(x.start, x.end)}|${x.labelId}|${x.suggestedBy}|${x.attributes?.value ?? ''}|${x.entityId ?? ''}`);
    expect(view(a)).toEqual([
      'Seoul|actor|gazetteer||',
      'Washington|actor|pattern||',
      '22 June 2021|date|dates|2021-06-22|',
      'Ministry of Unification|policy-body|gazetteer||ent-mou',
      'Seoul|actor|gazetteer||',
      'agreed|position|pattern||',
      expect.stringMatching(/^Tuesday\|date\|dates\|\d{4}-\d{2}-\d{2}\|$/),
    ]);
    // After CRLF and an emoji, offsets are UTF-16 code units.
    expect(a.annotations[4]!.start).toBe(ARTICLE_A.indexOf('😀 Seoul') + 3);
    const b = docs.find((d) => d.title === 'Briefing')!;
    expect(view(b)).toEqual(['통일부|policy-body|gazetteer||ent-mou', '2021년 6월 22일|date|dates|2021-06-22|', 'Seoul|actor|gazetteer||']);
  });

  it('pre-annotates an annotated file (brat) with its own tags, and writes another format with --to', async () => {
    const text = 'Chung Dong-young met Sung Kim. Later Chung Dong-young left; 정동영 stayed.';
    const input = path.join(dir, 'brat-in');
    await mkdir(input);
    await writeFile(path.join(input, 'talks.txt'), text);
    await writeFile(path.join(input, 'talks.ann'), 'T1\tActor 0 16\tChung Dong-young\n');
    const out = path.join(dir, 'out.json');
    const c = capture();
    const code = await runSuggest([input, '--out', out, '--own-tags'], c.io);
    expect(c.err).toEqual([expect.stringMatching(/^Reading .*brat-in as brat standoff/)]);
    expect(code).toBe(0);
    const [doc] = await readParleyJson(out);
    expect(doc!.annotations.map((x) => `${x.start}:${text.slice(x.start, x.end)}:${x.suggestedBy ?? 'analyst'}`)).toEqual(['0:Chung Dong-young:analyst', '37:Chung Dong-young:own-tags']);

    const brat = path.join(dir, 'brat');
    const b = capture();
    expect(await runSuggest([input, '--out', brat, '--to', 'brat', '--own-tags'], b.io)).toBe(0);
    const files = await readdir(brat);
    const ann = await readFile(path.join(brat, files.find((f) => f.endsWith('.ann'))!), 'utf8');
    expect(ann.match(/^T\d+\tActor \d+ \d+\tChung Dong-young$/gm)).toHaveLength(2);
  });

  it('refuses a bad gazetteer or bad patterns, naming the rows, and writes nothing', async () => {
    const input = path.join(dir, 'a.txt');
    await writeFile(input, ARTICLE_A);
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'name,label\nSeoul,city\n,actor\n');
    const out = path.join(dir, 'out.json');
    const c = capture();
    expect(await runSuggest([input, '--out', out, '--gazetteer', bad], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/cannot use the gazetteer .*bad\.csv:\n.*2 bad rows; nothing was imported\.\n.*bad\.csv:2: “Seoul”: unknown label “city”.*\n.*bad\.csv:3: the name is empty$/);
    const rules = path.join(dir, 'rules.json');
    await writeFile(rules, '[{"label":"actor","regex":"(unclosed"}]');
    const r = capture();
    expect(await runSuggest([input, '--out', out, '--patterns', rules], r.io)).toBe(1);
    expect(r.err.join('\n')).toMatch(/rule 1 \(actor, \/\(unclosed\/\): Invalid regular expression/);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('says what is missing on a usage error', async () => {
    const c = capture();
    expect(await runSuggest([path.join(dir, 'x.txt')], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/--out PATH/);
    const d = capture();
    expect(await runSuggest(['--out', 'x.json', '--store', dir], d.io)).toBe(2);
  });
});

describe('parley suggest --store', () => {
  async function seedStore(store: string): Promise<{ first: string; second: string }> {
    const opened = await openAppStore(store, 'ana', { seedSamples: false });
    if (!opened.ok) throw new Error(opened.error.message);
    const now = '2026-12-01T00:00:00Z';
    const a = createDocument({ title: 'First', source: 'test', text: 'Seoul hosted talks. Seoul agreed.', now });
    const b = createDocument({ title: 'Second', source: 'test', text: 'Officials in Seoul met on 22 June 2021.', now });
    const tag = createAnnotation(a.text, { documentId: a.id, start: 0, end: 5, labelId: 'actor', author: 'ana', now });
    if (!tag.ok) throw new Error('tag');
    const added = await opened.value.store.addDocuments([
      { document: a, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'ana', annotations: [tag.value] }], decisions: [] },
      { document: b, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'ana', annotations: [] }], decisions: [] },
    ]);
    if (!added.ok) throw new Error(added.error.message);
    await opened.value.store.close();
    return { first: a.id, second: b.id };
  }

  async function ownLayer(store: string, id: string): Promise<{ annotations: Annotation[]; undoLabel: string | null }> {
    const opened = await openAppStore(store, 'ana', { seedSamples: false });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      const view = opened.value.store.getDocument(id);
      if (!view.ok) throw new Error(view.error.message);
      return { annotations: view.value.layers.find((l) => l.id === OWN_LAYER_ID)!.annotations, undoLabel: view.value.undoLabel };
    } finally {
      await opened.value.store.close();
    }
  }

  it('lists suggestions without changing anything, then accepts them as one undoable step per document, leaving rejected ones out', async () => {
    const store = path.join(dir, 'store');
    const { first, second } = await seedStore(store);
    const library = await openSuggestionLibrary(store);
    if (!library.ok) throw new Error(library.error.message);
    await library.value.reject(second, [{ source: 'own-tags', start: 13, end: 18, labelId: 'actor', quote: 'Seoul', rejectedAt: '2026-12-01T00:00:00Z' }]);

    const list = capture();
    expect(await runSuggest(['--store', store, '--own-tags', '--dates'], list.io)).toBe(0);
    expect(list.out).toEqual([
      'First (' + first + '): 1 suggestion',
      '    20-25 actor “Seoul” (own-tags)',
      'Second (' + second + '): 1 suggestion',
      '    26-38 date “22 June 2021” = 2021-06-22 (dates)',
      '2 suggestions on 2 documents (by source: own-tags 1, dates 1); nothing changed (give --accept to add them)',
    ]);
    expect((await ownLayer(store, first)).annotations).toHaveLength(1);

    const accept = capture();
    expect(await runSuggest(['--store', store, '--own-tags', '--dates', '--accept'], accept.io)).toBe(0);
    const after = await ownLayer(store, first);
    expect(after.annotations.map((a) => [a.start, a.suggestedBy])).toEqual([[0, undefined], [20, 'own-tags']]);
    expect(after.undoLabel).toBe('Accept 1 suggestion');
    const dated = await ownLayer(store, second);
    expect(dated.annotations.map((a) => [a.quote.exact, a.suggestedBy, a.attributes])).toEqual([['22 June 2021', 'dates', { value: '2021-06-22' }]]);

    const again = capture();
    expect(await runSuggest(['--store', store], again.io)).toBe(0);
    expect(again.out.at(-1)).toMatch(/^0 suggestions on 2 documents/);
  });

  it('changes nothing in the store when a source file is bad', async () => {
    const store = path.join(dir, 'store');
    const { first } = await seedStore(store);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '[{"name":"Seoul"}]');
    const c = capture();
    expect(await runSuggest(['--store', store, '--gazetteer', bad, '--accept'], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/\[0\].*“Seoul” has no label/);
    expect((await ownLayer(store, first)).annotations).toHaveLength(1);
  });
});
