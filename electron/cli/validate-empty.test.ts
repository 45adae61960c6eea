import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runValidate } from './validate';
import { capture } from './test-support/capture-io';

const dir = mkdtempSync(path.join(tmpdir(), 'parley-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parley validate on a file with no annotations', () => {
  it('says that no annotations were found, and names the key the spans are under', async () => {
    const file = path.join(dir, 'labelbuddy-export.jsonl');
    const line = { text: 'Envoys from 🇰🇷 met in 판문점.', annotations: [{ start_char: 12, end_char: 13, label_name: 'GPE' }], metadata: {} };
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    const c = capture();
    expect(await runValidate(['--format', 'doccano', file], c.io)).toBe(0);
    expect(c.out.at(-1)).toBe(`${file} is valid doccano, but no annotations were found in it (1 document read, none annotated): check that it is really doccano.`);
    expect(c.out.join('\n')).toMatch(/under "annotations", which doccano does not read/);
  });

  it('calls a file with annotations simply valid', async () => {
    const file = path.join(dir, 'doccano.jsonl');
    writeFileSync(file, `${JSON.stringify({ text: 'Seoul agreed.', label: [[0, 5, 'Actor']] })}\n`);
    const c = capture();
    expect(await runValidate(['--format', 'doccano', file], c.io)).toBe(0);
    expect(c.out.at(-1)).toBe(`${file} is valid doccano.`);
  });
});
