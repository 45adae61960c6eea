import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppStore } from '../node/open-app-store';
import { main } from './parley';
import { capture } from './test-support/capture-io';

let root = '';
let holderScript = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'parley-two-writers-'));
  holderScript = path.join(root, 'store-holder.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./test-support/store-holder.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: holderScript,
    logLevel: 'error',
  });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

/** Starts another process holding the store in `dir` (with `tag`, after tagging once); resolves with it and its ready line once the store is open. */
function holdStore(dir: string, ...extra: string[]): Promise<{ child: ChildProcess; ready: string }> {
  const child = spawn(process.execPath, [holderScript, dir, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) {
        if (output.startsWith('ready ')) resolve({ child, ready: output.trim() });
        else reject(new Error(`the holder did not open the store: ${output}`));
      }
    });
    child.on('exit', (code) => reject(new Error(`the holder exited with ${code} before opening the store`)));
  });
}

/** Every file under `dir` with its content, hashed: what "untouched" means. */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)))) {
    const file = path.join(e.parentPath, e.name);
    hash.update(`${path.relative(dir, file)}\0`).update(await readFile(file));
  }
  return hash.digest('hex');
}

describe('two writers on one store', () => {
  it('refuses the command line while another process has the store open, names that process, and touches nothing', async () => {
    const store = path.join(root, 'held');
    const { child: holder } = await holdStore(store);
    const article = path.join(root, 'article.txt');
    await writeFile(article, 'Envoys meet\n\nThe envoys met in Seoul.');
    const before = await fingerprint(store);

    const imported = capture();
    expect(await main(['import', article, '--store', store], imported.io)).toBe(3);
    // The message names the program, its pid and host, and since when it holds the store.
    expect(imported.err.join('\n')).toMatch(new RegExp(`in use by node store-holder\\.mjs \\(pid ${holder.pid} on ${os.hostname()}, since \\d{4}-`));
    const exported = capture();
    expect(await main(['export', '--store', store, '--out', path.join(root, 'held.json')], exported.io)).toBe(3);
    expect(exported.err.join('\n')).toContain(`pid ${holder.pid}`);
    // The app, started second, is refused the same way (it shows this message and quits).
    const app = await openAppStore(store, 'analyst');
    expect(!app.ok && app.error.code).toBe('store-locked');
    expect(!app.ok && app.error.message).toContain(`pid ${holder.pid}`);

    expect(await fingerprint(store)).toBe(before);
    holder.kill('SIGTERM');
  });

  it('is not blocked by the lock of a process that was killed while holding the store, and sees the tag it saved', async () => {
    const store = path.join(root, 'crashed');
    const { child: holder, ready } = await holdStore(store, 'tag');
    const tagId = ready.split(' ')[2]!;
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    // The killed process could not remove its lock, nor write its tag into the document file: it is in the journal.
    expect(JSON.parse(await readFile(path.join(store, 'parley.lock'), 'utf8'))).toMatchObject({ pid: holder.pid });
    expect((await readdir(path.join(store, 'documents'))).filter((n) => n.endsWith('.journal'))).toHaveLength(1);

    // The command line's export opens the store, applies the journal, and carries the tag.
    const out = path.join(root, 'after-kill.json');
    const exported = capture();
    expect(await main(['export', '--store', store, '--out', out], exported.io)).toBe(0);
    expect(exported.err).toEqual([]);
    expect(await readFile(out, 'utf8')).toContain(tagId);

    const article = path.join(root, 'after-crash.txt');
    await writeFile(article, 'After the crash\n\nThe talks resumed.');
    const run = capture();
    expect(await main(['import', article, '--store', store], run.io)).toBe(0);
    expect(run.out.at(-1)).toMatch(/^1 imported/);
    // And the app starts on it next, with the sample corpus the holder seeded and the new article.
    const app = await openAppStore(store, 'analyst');
    if (!app.ok) throw new Error(app.error.message);
    expect(app.value.store.listDocuments().map((d) => d.title)).toContain('after crash');
    await app.value.store.close();
  });
});
