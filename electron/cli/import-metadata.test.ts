import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyStore } from '../node/store/parley-store';
import { makeTempDir, removeTempDir } from '../node/store/test-support/store-fixtures';
import { main } from './parley';
import { capture } from './test-support/capture-io';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('parley-import-meta-');
});
afterEach(async () => {
  await removeTempDir(dir);
});

async function metadataOf(store: string) {
  const opened = await ParleyStore.open(store, { onWarning: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.store.listDocuments().map((d) => {
      const view = opened.value.store.getDocument(d.id);
      return view.ok ? view.value.document.metadata : undefined;
    });
  } finally {
    await opened.value.store.close();
  }
}

const PAGE = `<!doctype html><html><head><title>Talks</title>
<meta property="og:site_name" content="Yonhap">
<meta property="article:published_time" content="2021-06-22T09:00:00+09:00">
<meta name="author" content="Kim Min-ji">
</head><body><article><h1>Working group ends</h1><p>Noh Kyu-duk proposed ending the working group on 22 June 2021, officials said on Tuesday in Seoul.</p><p>정동영 장관은 지지했다. 🙂</p></article></body></html>`;

describe('parley import --published --outlet --author --url', () => {
  it('stores the metadata of a single article', async () => {
    const store = path.join(dir, 'store');
    const file = path.join(dir, 'talks.txt');
    await writeFile(file, 'Noh Kyu-duk proposed ending the working group.\r\n정동영 장관은 지지했다.');
    const run = capture();
    expect(await main(['import', file, '--store', store, '--published', '2021-06-22', '--outlet', 'Yonhap', '--author', '김민지', '--url', 'https://example.org/talks'], run.io)).toBe(0);
    expect(await metadataOf(store)).toEqual([{ publishedAt: '2021-06-22', outlet: 'Yonhap', author: '김민지', url: 'https://example.org/talks' }]);
  });

  it('puts what is given over what a page says of itself, keeping the rest', async () => {
    const store = path.join(dir, 'store');
    const file = path.join(dir, 'talks.html');
    await writeFile(file, PAGE);
    expect(await main(['import', file, '--store', store, '--author', 'Lee Jun'], capture().io)).toBe(0);
    const [metadata] = await metadataOf(store);
    expect(metadata).toMatchObject({ author: 'Lee Jun', outlet: 'Yonhap' });
    expect(metadata?.publishedAt?.startsWith('2021-06-2')).toBe(true);
  });

  it.each([
    [['--published', '22/06/2021'], 'not an ISO 8601 date'],
    [['--published', '2021-02-30'], 'not an ISO 8601 date'],
    [['--published', '2021-06-01/2021-06-30'], 'not an ISO 8601 date'],
    [['--url', 'ftp://example.org/a'], 'not an http or https address'],
    [['--outlet', '  '], '--outlet is empty'],
  ])('refuses %j with exit status 2, importing nothing', async (flags, message) => {
    const store = path.join(dir, 'store');
    const file = path.join(dir, 'talks.txt');
    await writeFile(file, 'Noh Kyu-duk proposed ending the working group.');
    const run = capture();
    expect(await main(['import', file, '--store', store, ...flags], run.io)).toBe(2);
    expect(run.err.join('\n')).toContain(message);
    expect(await metadataOf(store)).toEqual([]);
  });

  it('refuses metadata for several articles, or with --format, importing nothing', async () => {
    const store = path.join(dir, 'store');
    const folder = path.join(dir, 'news');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'First article about the working group.');
    await writeFile(path.join(folder, 'b.txt'), 'Second article about the envoy.');
    const several = capture();
    expect(await main(['import', folder, '--store', store, '--outlet', 'Yonhap'], several.io)).toBe(2);
    expect(several.err.join('\n')).toContain('describe a single article, and 2 were given');
    expect(await metadataOf(store)).toEqual([]);
    const withFormat = capture();
    expect(await main(['import', path.join(folder, 'a.txt'), '--format', 'brat', '--store', store, '--outlet', 'Yonhap'], withFormat.io)).toBe(2);
    expect(withFormat.err.join('\n')).toContain('do not go with --format');
  });

  it('leaves an article already in the library as it is, and says so', async () => {
    const store = path.join(dir, 'store');
    const file = path.join(dir, 'talks.txt');
    await writeFile(file, 'Noh Kyu-duk proposed ending the working group.');
    expect(await main(['import', file, '--store', store], capture().io)).toBe(0);
    const again = capture();
    expect(await main(['import', file, '--store', store, '--outlet', 'Yonhap'], again.io)).toBe(0);
    expect(again.out.join('\n')).toContain('metadata was left as it is');
    expect(await metadataOf(store)).toEqual([undefined]);
  });
});
