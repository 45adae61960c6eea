/** Names survive: a document exported to brat, W3C or CSV keeps the file name and sub-folders it was imported with. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './parley';
import { capture } from './test-support/capture-io';

/** A small brat corpus in sub-folders: CRLF, Hangul, emoji, a name with spaces, two files of one name in different folders. */
const CORPUS: Record<string, { text: string; spans: Array<[string, string]> }> = {
  'news/2024/talks.txt': { text: 'Sung Kim met Noh Kyu-duk in Seoul.\r\nThe talks resume on 4 May.', spans: [['Actor', 'Sung Kim'], ['Date', '4 May']] },
  'news/2025/talks.txt': { text: 'Envoys from Washington returned to Seoul in June.', spans: [['Actor', 'Washington']] },
  'reports/통일부 briefing.txt': { text: '통일부 welcomed the talks 🇰🇷 and named Kim Yo-jong.', spans: [['Policy_body', '통일부'], ['Actor', 'Kim Yo-jong']] },
  'top level.txt': { text: 'A note with no annotations at all.', spans: [] },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-names-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** brat counts code points. */
function codePointOffset(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

async function writeCorpus(root: string, corpus: Record<string, { text: string; spans: Array<[string, string]> }>) {
  for (const [file, { text, spans }] of Object.entries(corpus)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
    const lines = spans.map(([type, quote], i) => {
      const start = text.indexOf(quote);
      return `T${i + 1}\t${type} ${codePointOffset(text, start)} ${codePointOffset(text, start + quote.length)}\t${quote}`;
    });
    await writeFile(path.join(root, file.replace(/\.txt$/, '.ann')), lines.length > 0 ? `${lines.join('\n')}\n` : '');
  }
  await writeFile(path.join(root, 'annotation.conf'), '[entities]\nActor\nPolicy_body\nDate\n\n[relations]\n\n[events]\n\n[attributes]\n');
}

/** Every file below `root`, relative, with `/`. */
async function tree(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await tree(root, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** The T lines of an .ann file as `type start end text`, sorted: what the file says, whatever the numbering. */
async function spansOf(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith('T'))
    .map((l) => l.split('\t').slice(1).join('\t'))
    .sort();
}

async function expectSameCorpus(original: string, copy: string) {
  const documents = (await tree(original)).filter((f) => /\.(txt|ann)$/.test(f));
  expect((await tree(copy)).filter((f) => /\.(txt|ann)$/.test(f))).toEqual(documents);
  for (const f of documents) {
    if (f.endsWith('.txt')) expect(await readFile(path.join(copy, f), 'utf8')).toBe(await readFile(path.join(original, f), 'utf8'));
    else expect(await spansOf(path.join(copy, f))).toEqual(await spansOf(path.join(original, f)));
  }
}

describe('names survive', () => {
  it('brat → a store → brat reproduces the relative paths, the texts and the spans', async () => {
    const original = path.join(dir, 'corpus');
    await writeCorpus(original, CORPUS);
    const store = path.join(dir, 'store');
    expect(await main(['import', '--format', 'brat', original, '--store', store], capture().io)).toBe(0);
    const copy = path.join(dir, 'copy');
    const c = capture();
    expect(await main(['export', '--store', store, '--format', 'brat', '--out', copy], c.io)).toBe(0);
    await expectSameCorpus(original, copy);
  });

  it('brat → Parley JSON → brat with convert does too', async () => {
    const original = path.join(dir, 'corpus');
    await writeCorpus(original, CORPUS);
    const json = path.join(dir, 'corpus.json');
    expect(await main(['convert', '--from', 'brat', original, '--to', 'parley', json], capture().io)).toBe(0);
    const copy = path.join(dir, 'copy');
    expect(await main(['convert', '--from', 'parley', json, '--to', 'brat', copy], capture().io)).toBe(0);
    await expectSameCorpus(original, copy);
  });

  it('a folder of articles exported to W3C keeps its names beside each annotation file', async () => {
    const folder = path.join(dir, 'articles');
    await mkdir(path.join(folder, 'news', '2024'), { recursive: true });
    await writeFile(path.join(folder, 'news', '2024', 'talks.txt'), CORPUS['news/2024/talks.txt']!.text);
    await writeFile(path.join(folder, 'briefing.md'), '# Briefing\n\nThe ministry briefed the press.');
    const store = path.join(dir, 'store');
    expect(await main(['import', folder, '--store', store], capture().io)).toBe(0);
    const w3c = path.join(dir, 'w3c');
    expect(await main(['export', '--store', store, '--format', 'w3c', '--out', w3c], capture().io)).toBe(0);
    expect(await tree(w3c)).toEqual(['briefing.jsonld', 'briefing.txt', 'news/2024/talks.jsonld', 'news/2024/talks.txt']);
    expect(await readFile(path.join(w3c, 'news/2024/talks.txt'), 'utf8')).toBe(CORPUS['news/2024/talks.txt']!.text);
  });

  it('a brat corpus converted to CSV and back to brat keeps its tree, the CSV naming each text by its path', async () => {
    const original = path.join(dir, 'corpus');
    await writeCorpus(original, CORPUS);
    const csv = path.join(dir, 'csv');
    expect(await main(['convert', '--from', 'brat', original, '--to', 'csv', csv], capture().io)).toBe(0);
    expect(await tree(csv)).toEqual(['annotations.csv', ...Object.keys(CORPUS)].sort());
    expect(await readFile(path.join(csv, 'annotations.csv'), 'utf8')).toMatch(/^news\/2024\/talks\.txt,0,8,Sung Kim,/m);
    const copy = path.join(dir, 'copy');
    expect(await main(['convert', '--from', 'csv', csv, '--to', 'brat', copy], capture().io)).toBe(0);
    await expectSameCorpus(original, copy);
  });

  it('replaces only what some system refuses: Windows device names and unsafe characters, keeping the rest of the name', async () => {
    const original = path.join(dir, 'corpus');
    await writeCorpus(original, {
      'con.txt': { text: 'Named like a device.', spans: [] },
      'aux/nul.tar.txt': { text: 'A device folder and file.', spans: [] },
      'what? who*.txt': { text: 'Unsafe characters.', spans: [] },
      '통일부.txt': { text: 'Hangul name.', spans: [] },
    });
    const json = path.join(dir, 'corpus.json');
    expect(await main(['convert', '--from', 'brat', original, '--to', 'parley', json], capture().io)).toBe(0);
    const copy = path.join(dir, 'copy');
    expect(await main(['convert', '--from', 'parley', json, '--to', 'brat', copy], capture().io)).toBe(0);
    const txts = (await tree(copy)).filter((f) => f.endsWith('.txt'));
    expect(txts).toEqual(['aux_/nul_.tar.txt', 'con_.txt', 'what_ who_.txt', '통일부.txt']);
  });

  it('refuses to write several files to a path named like one file, and names the folder and zip forms', async () => {
    const original = path.join(dir, 'corpus');
    await writeCorpus(original, CORPUS);
    const c = capture();
    expect(await main(['convert', '--from', 'brat', original, '--to', 'w3c', path.join(dir, 'corpus.jsonld')], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/w3c writes 8 files .* give a folder \(.*corpus\/\) or a zip \(.*corpus\.zip\)/);
    expect(await readdir(dir)).toEqual(['corpus']);
    expect(await main(['convert', '--from', 'brat', original, '--to', 'w3c', path.join(dir, 'corpus.zip')], capture().io)).toBe(0);
  });
});
