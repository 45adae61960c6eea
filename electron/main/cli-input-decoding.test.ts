/**
 * The command line reads files exactly as the app does (beside the app's
 * handlers, which the CLI's own tests may not import): the same size check,
 * strict UTF-8, the same NUL rule, and an over-long text is an error naming
 * its file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../annotations/document';
import { createHandlers } from './handlers/create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handlers/handler-test-kit';
import { main } from '../cli/parley';
import { capture } from '../cli/test-support/capture-io';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-decode-'));
});
afterEach(async () => {
  await closeTestStores();
  await rm(dir, { recursive: true, force: true });
});

const CASES: Array<[name: string, content: string | Uint8Array, expected: RegExp]> = [
  ['long.txt', 'a'.repeat(MAX_TEXT_LENGTH + 1), /long\.txt: the text is 10,000,001 characters long; the limit is 10,000,000/],
  ['long.html', `<p>${'b'.repeat(MAX_TEXT_LENGTH + 1)}</p>`, /long\.html: the text is 10,000,001 characters long/],
  ['latin1.txt', new Uint8Array([0x53, 0x65, 0x6f, 0x75, 0x6c, 0xe9, 0x0a]), /latin1\.txt is not valid UTF-8 text/],
  ['surrogate.md', new Uint8Array([0x23, 0x20, 0xed, 0xa0, 0x80]), /surrogate\.md is not valid UTF-8 text/],
  ['binary.txt', 'Seoul\u0000Washington', /binary\.txt: this looks like a binary file, not text/],
];

describe('the command line decodes input as the app does', () => {
  for (const [name, content, expected] of CASES) {
    it(`refuses ${name} with the app's message, naming the file`, async () => {
      const file = path.join(dir, name);
      await writeFile(file, content);
      const cli = capture();
      expect(await main(['import', file, '--store', path.join(dir, 'cli-store')], cli.io)).toBe(1);
      const cliMessage = cli.err.join('\n');
      expect(cliMessage).toMatch(expected);
      expect(cliMessage).not.toMatch(/internal/i);

      const { opened } = await openTestStore('Min-ji');
      const dialogs = new QueuedDialogs();
      dialogs.opens.push([file]);
      const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => undefined });
      const report = value(await api.importFromDialog({}));
      expect(report?.added).toEqual([]);
      expect(report?.problems.map((p) => p.message).join('\n')).toMatch(expected);
    });
  }

  it('refuses invalid UTF-8 in an annotated input too, instead of replacing it', async () => {
    const file = path.join(dir, 'export.jsonl');
    await writeFile(file, Buffer.concat([Buffer.from('{"text":"Seoul '), Buffer.from([0xff]), Buffer.from('","label":[]}\n')]));
    const cli = capture();
    expect(await main(['validate', '--format', 'doccano', file], cli.io)).not.toBe(0);
    expect(cli.err.join('\n')).toMatch(/export\.jsonl is not valid UTF-8 text/);
  });
});
