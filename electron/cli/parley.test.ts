import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParleyStore } from '../node/store/parley-store';
import { main } from './parley';
import { capture } from './test-support/capture-io';

async function tempDir() {
  return mkdtemp(path.join(os.tmpdir(), 'parley-cli-'));
}

const TEXT = 'Sung Kim met Noh Kyu-duk in Seoul.\r\n통일부 welcomed the talks 🇰🇷.';

describe('parley import and export', () => {
  it('imports articles into a store and exports them as Parley JSON with the text intact', async () => {
    const dir = await tempDir();
    const store = path.join(dir, 'store');
    await writeFile(path.join(dir, 'talks.txt'), TEXT);
    await writeFile(path.join(dir, 'page.html'), '<html><head><title>Envoys</title></head><body><p>The envoys met.</p></body></html>');
    const imported = capture();
    expect(await main(['import', path.join(dir, 'talks.txt'), path.join(dir, 'page.html'), '--store', store], imported.io)).toBe(0);
    expect(imported.out.at(-1)).toMatch(/^2 imported, 0 already present/);

    const again = capture();
    expect(await main(['import', path.join(dir, 'talks.txt'), '--store', store], again.io)).toBe(0);
    expect(again.out.at(-1)).toMatch(/^0 imported, 1 already present/);

    const out = path.join(dir, 'out.json');
    const exported = capture();
    expect(await main(['export', '--store', store, '--out', out], exported.io)).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.format).toBe('parley');
    expect(json.documents.map((d: { text: string }) => d.text)).toContain(TEXT);
  });

  it('imports nothing when any file cannot be read, naming it', async () => {
    const dir = await tempDir();
    const store = path.join(dir, 'store');
    await writeFile(path.join(dir, 'good.txt'), TEXT);
    await writeFile(path.join(dir, 'bad.txt'), new Uint8Array([0x48, 0xff, 0xfe, 0x00]));
    const run = capture();
    expect(await main(['import', path.join(dir, 'good.txt'), path.join(dir, 'bad.txt'), '--store', store], run.io)).toBe(1);
    expect(run.err.join('\n')).toMatch(/bad\.txt/);
    const opened = await ParleyStore.open(store);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.store.listDocuments()).toEqual([]);
    await opened.value.store.close();
  });

  it('refuses to touch a store that another process holds, with a clear message', async () => {
    const dir = await tempDir();
    const store = path.join(dir, 'store');
    await writeFile(path.join(dir, 'talks.txt'), TEXT);
    const held = await ParleyStore.open(store);
    if (!held.ok) throw new Error(held.error.message);
    try {
      const run = capture();
      expect(await main(['import', path.join(dir, 'talks.txt'), '--store', store], run.io)).toBe(3);
      expect(run.err.join('\n')).toMatch(/in use|locked|another/i);
      expect(held.value.store.listDocuments()).toEqual([]);
      const exported = capture();
      expect(await main(['export', '--store', store, '--out', path.join(dir, 'x.json')], exported.io)).toBe(3);
    } finally {
      await held.value.store.close();
    }
  });

  it('explains its usage and rejects unknown commands', async () => {
    const help = capture();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/convert \[--from FORMAT\] INPUT --to FORMAT OUTPUT/);
    const unknown = capture();
    expect(await main(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/unknown command "frobnicate"/);
  });
});
