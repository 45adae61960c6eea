/** The command line as a newcomer meets it: mistyped flags, --force, folders, colleague layers, detection, capped lists, hostile text. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../annotations/annotation';
import { createDocument } from '../../annotations/document';
import { exportParleyJson } from '../../annotations/formats/index';
import { defaultLabelSchema } from '../../annotations/labels';
import { ParleyStore } from '../node/store/parley-store';
import { main } from './parley';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err, all: () => [...out, ...err].join('\n') };
}

const TALKS = 'Sung Kim met Noh Kyu-duk in Seoul.\r\n통일부 welcomed the talks 🇰🇷 on 4 May.';
const ENVOYS = 'The envoys from Washington and Seoul agreed to meet again in June.';

let dir: string;
let store: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-newcomer-'));
  store = path.join(dir, 'store');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function corpus() {
  const opened = await ParleyStore.open(store);
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.store.exportCorpus();
  } finally {
    await opened.value.store.close();
  }
}

async function importText(name: string, text: string) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  const c = capture();
  expect(await main(['import', file, '--store', store], c.io)).toBe(0);
}

/** A store holding TALKS with two overlapping annotations, which CoNLL cannot hold both of. */
async function storeWithOverlaps() {
  const file = path.join(dir, 'talks.jsonl');
  const start = TALKS.indexOf('Noh');
  await writeFile(file, `${JSON.stringify({ text: TALKS, label: [[0, 8, 'actor'], [0, 4, 'actor'], [start, start + 11, 'actor']] })}\n`);
  expect(await main(['import', '--format', 'doccano', file, '--store', store], capture().io)).toBe(0);
}

describe('mistyped options', () => {
  it('refuses --fromat by name, suggests --format, and writes nothing', async () => {
    await importText('talks.txt', TALKS);
    const out = path.join(dir, 'out.jsonl');
    const c = capture();
    expect(await main(['export', '--store', store, '--out', out, '--fromat', 'doccano'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^parley export: unknown option --fromat \(did you mean --format\?\)/);
    expect(c.err[0]).toContain('Usage: parley export --out PATH');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses --store without a folder instead of opening the app’s own store', async () => {
    const file = path.join(dir, 'talks.txt');
    await writeFile(file, TALKS);
    for (const argv of [['import', file, '--store'], ['import', '--store', '--format', 'doccano', file], ['export', '--out', path.join(dir, 'x.json'), '--store=']]) {
      const c = capture();
      expect(await main(argv, c.io)).toBe(2);
      expect(c.err[0]).toMatch(/--store needs a value/);
    }
  });
});

describe('export --force and losses', () => {
  it('replaces an existing file with --force, as the refusal says, and keeps it without', async () => {
    await importText('talks.txt', TALKS);
    const out = path.join(dir, 'out.json');
    await writeFile(out, 'keep me');
    const refused = capture();
    expect(await main(['export', '--store', store, '--out', out], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toMatch(/already exists \(use --force to replace it\)/);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    expect(await main(['export', '--store', store, '--out', out, '--force'], capture().io)).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).documents[0].text).toBe(TALKS);
  });

  it('writes Parley JSON into a folder it makes, leaves no temporary file, and says clearly when the place cannot hold a file', async () => {
    await importText('talks.txt', TALKS);
    const out = path.join(dir, 'new', 'deeper', 'out.parley.json');
    expect(await main(['export', '--store', store, '--out', out], capture().io)).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).documents[0].text).toBe(TALKS);
    expect(await readdir(path.dirname(out))).toEqual(['out.parley.json']);
    const blocked = path.join(dir, 'new', 'deeper', 'out.parley.json', 'inside.json');
    const failed = capture();
    expect(await main(['export', '--store', store, '--out', blocked], failed.io)).toBe(1);
    expect(failed.err.join('\n')).toContain(`could not write ${blocked}`);
    expect(JSON.parse(await readFile(out, 'utf8')).documents[0].text).toBe(TALKS);
  });

  it('export and convert say the same words and exit 1 when the format cannot hold some annotations', async () => {
    await storeWithOverlaps();
    const exported = capture();
    expect(await main(['export', '--store', store, '--format', 'conll', '--out', path.join(dir, 'store.conll')], exported.io)).toBe(1);
    const parley = path.join(dir, 'store.json');
    expect(await main(['export', '--store', store, '--out', parley], capture().io)).toBe(0);
    const converted = capture();
    expect(await main(['convert', '--from', 'parley', parley, '--to', 'conll', path.join(dir, 'converted.conll')], converted.io)).toBe(1);
    const heading = /^Not written, because CoNLL \(IOB2\) cannot hold them \(1 item\):$/;
    expect(exported.err.find((l) => heading.test(l))).toBeDefined();
    expect(converted.err.find((l) => heading.test(l))).toBeDefined();
    const listed = (lines: string[]) => lines.slice(lines.findIndex((l) => heading.test(l)));
    expect(listed(exported.err)).toEqual(listed(converted.err));
    expect(existsSync(path.join(dir, 'store.conll'))).toBe(true);
    expect(existsSync(path.join(dir, 'converted.conll'))).toBe(true);
  });
});

describe('import FOLDER', () => {
  it('imports every article below a folder, keeps their texts, and lists what it skipped', async () => {
    const folder = path.join(dir, 'articles');
    await mkdir(path.join(folder, '2024', 'may'), { recursive: true });
    await writeFile(path.join(folder, 'talks.txt'), TALKS);
    await writeFile(path.join(folder, '2024', 'envoys.md'), `# Envoys\n\n${ENVOYS}`);
    await writeFile(path.join(folder, '2024', 'may', 'page.HTML'), '<html><head><title>회담</title></head><body><p>The ministers met in Seoul.</p></body></html>');
    await writeFile(path.join(folder, '2024', 'scan.tiff'), 'II*\0');
    await writeFile(path.join(folder, '.DS_Store'), 'x');
    const c = capture();
    expect(await main(['import', folder, '--store', store], c.io)).toBe(0);
    expect(c.out.at(-1)).toMatch(/^3 imported, 0 already present, 1 skipped/);
    expect(c.err.join('\n')).toMatch(/skipped 1 file that is not \.txt[^\n]*\n\s+.*scan\.tiff$/);
    const texts = (await corpus()).documents.map((d) => d.document.text).sort();
    expect(texts).toEqual([`# Envoys\n\n${ENVOYS}`, TALKS, 'The ministers met in Seoul.'].sort());
  });

  it('says so when a folder holds no article, and imports nothing', async () => {
    const folder = path.join(dir, 'empty');
    await mkdir(folder);
    const c = capture();
    expect(await main(['import', folder, '--store', store], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/found no \.txt/);
  });
});

describe('import --as-layer', () => {
  it("loads a colleague's file as their own layer and leaves the analyst's untouched", async () => {
    await importText('talks.txt', TALKS);
    const mine = path.join(dir, 'mine.jsonl');
    await writeFile(mine, `${JSON.stringify({ text: TALKS, label: [[0, 8, 'actor']] })}\n`);
    expect(await main(['import', '--format', 'doccano', mine, '--store', store], capture().io)).toBe(0);

    const start = TALKS.indexOf('통일부');
    const theirs = path.join(dir, 'ben.jsonl');
    await writeFile(theirs, `${JSON.stringify({ text: TALKS, label: [[0, 4, 'actor'], [start, start + 3, 'policy_body']] })}\n`);
    const c = capture();
    expect(await main(['import', theirs, '--as-layer', 'Ben', '--store', store], c.io)).toBe(0);
    expect(c.out.at(-1)).toMatch(/^2 annotations loaded as colleague:Ben on 1 documents/);
    const [doc] = (await corpus()).documents;
    const layer = (id: string) => doc!.layers.find((l) => l.id === id)!.annotations.map((a) => a.quote.exact);
    expect(layer('own')).toEqual(['Sung Kim']);
    expect(layer('colleague:Ben')).toEqual(['Sung', '통일부']);
  });

  it('refuses a file holding several people’s annotations, naming them, and changes nothing', async () => {
    await importText('talks.txt', TALKS);
    const before = await readFile(path.join(store, 'library.json'), 'utf8');
    const export1 = path.join(dir, 'two.json');
    const now = '2026-01-01T00:00:00.000Z';
    const document = createDocument({ title: 'Talks', source: 'fixture', text: TALKS, now });
    const layer = (id: string, kind: 'own' | 'colleague', author: string) => {
      const made = createAnnotation(TALKS, { documentId: document.id, start: 0, end: 8, labelId: 'actor', author, now });
      if (!made.ok) throw new Error(made.error.message);
      return { id, kind, author, annotations: [made.value] };
    };
    const json = exportParleyJson({ labels: defaultLabelSchema(), documents: [{ document, layers: [layer('own', 'own', 'ana'), layer('colleague:ben', 'colleague', 'ben')], decisions: [] }] });
    if (!json.ok) throw new Error(json.error.message);
    await writeFile(export1, json.value);
    const c = capture();
    expect(await main(['import', '--format', 'parley', export1, '--as-layer', 'Ben', '--store', store], c.io)).toBe(1);
    expect(c.all()).toMatch(/holds the annotations of 2 people \(ana, ben\)/);
    expect(await readFile(path.join(store, 'library.json'), 'utf8')).toBe(before);
  });
});

describe('format detection and wrong formats', () => {
  const labelStudio = JSON.stringify([{ id: 1, data: { text: TALKS }, annotations: [{ id: 1, result: [{ id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 0, end: 8, text: 'Sung Kim', labels: ['Actor'] } }] }] }]);

  it('imports an annotated file without --format and names the format it read', async () => {
    const file = path.join(dir, 'project-1.json');
    await writeFile(file, labelStudio);
    const c = capture();
    expect(await main(['import', file, '--store', store], c.io)).toBe(0);
    expect(c.err[0]).toMatch(/^Reading .*project-1\.json as Label Studio JSON/);
    expect((await corpus()).documents[0]!.layers[0]!.annotations.map((a) => a.quote.exact)).toEqual(['Sung Kim']);
  });

  it('with a wrong --format, one short message names the likely format instead of every parse error', async () => {
    const file = path.join(dir, 'tasks.jsonl');
    await writeFile(file, Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, data: { text: `${ENVOYS} ${i}` }, annotations: [] })).join('\n'));
    for (const argv of [['validate', '--format', 'doccano', file], ['convert', '--from', 'doccano', file, '--to', 'parley', path.join(dir, 'x.json')], ['import', '--format', 'doccano', file, '--store', store]]) {
      const c = capture();
      expect(await main(argv, c.io)).toBe(1);
      expect(c.err[0]).toMatch(/^parley \w+: this looks like Label Studio JSON, not doccano JSON Lines/);
      expect(c.err.length).toBeLessThanOrEqual(2);
    }
  });

  it('caps a long problem list at 20 and counts the rest', async () => {
    const file = path.join(dir, 'broken.jsonl');
    await writeFile(file, Array.from({ length: 45 }, (_, i) => JSON.stringify({ text: `Text ${i}.`, label: [[0, 400, 'actor']] })).join('\n'));
    const c = capture();
    expect(await main(['validate', '--format', 'doccano', file], c.io)).toBe(1);
    const problems = c.err.filter((l) => /^ {2}broken\.jsonl:\d+/.test(l));
    expect(problems).toHaveLength(20);
    expect(c.err).toContain('  … and 25 more');
  });

  it('reads a labelbuddy file with the labelbuddy codec, found by detection', async () => {
    const file = path.join(dir, 'labelbuddy.jsonl');
    const checksum = bytesToHex(md5(utf8ToBytes(TALKS)));
    await writeFile(file, `${JSON.stringify({ text: TALKS, annotations: [{ label_name: 'Actor', start_char: 0, end_char: 8 }], utf8_text_md5_checksum: checksum, metadata: {} })}\n`);
    const c = capture();
    expect(await main(['validate', file], c.io)).toBe(0);
    expect(c.err[0]).toMatch(/as labelbuddy JSON Lines/);
    expect(c.out.at(-1)).toMatch(/is valid labelbuddy\.$/);
  });

  it('says it cannot tell the format of a file that gives nothing away', async () => {
    const file = path.join(dir, 'notes.json');
    await writeFile(file, JSON.stringify({ name: 'not annotations' }));
    const c = capture();
    expect(await main(['validate', file], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/cannot tell the format of .*notes\.json; give --format/);
  });
});

describe('text from files on the terminal', () => {
  it('prints titles, quotes and labels without their control characters', async () => {
    const evil = '\x1b]0;owned\x07\x1b[2J';
    const file = path.join(dir, 'evil.jsonl');
    await writeFile(file, `${JSON.stringify({ text: `Kim${evil} met envoys.`, label: [[0, 3, `actor${evil}`]] })}\n`);
    const runs = [capture(), capture()];
    expect(await main(['validate', file], runs[0]!.io)).toBe(0);
    expect(await main(['import', file, '--store', store], runs[1]!.io)).toBe(0);
    for (const run of runs) {
      expect(run.all()).toContain('actor');
      // eslint-disable-next-line no-control-regex
      expect(run.all()).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
    const titled = path.join(dir, 'titled.html');
    await writeFile(titled, `<html><head><title>Talks${'\x1b[31m'}</title></head><body><p>${ENVOYS}</p></body></html>`);
    const c = capture();
    expect(await main(['import', titled, '--store', store], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/imported: Talks\uFFFD/);
    expect(await readdir(store)).toContain('library.json');
  });
});
