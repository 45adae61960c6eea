/** A Label Studio project imported into a store and exported again keeps what the project needs to load it back. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './parley';
import { capture } from './test-support/capture-io';

const TEXT = '통일부 envoys met 🇺🇸 officials in Seoul\r\non 3 May.';
const CONFIG = `<View>
  <Labels name="ner" toName="article"><Label value="Place"/></Labels>
  <Text name="article" value="$body_text"/>
  <TextArea name="remarks" toName="article" perRegion="true"/>
</View>`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-ls-origin-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Label Studio through a store', () => {
  it('keeps task ids, the data key and control names, and region ids from import to export', async () => {
    const at = [...TEXT.slice(0, TEXT.indexOf('Seoul'))].length;
    const tasks = [{ id: 512, data: { body_text: TEXT, headline: 'Envoys' }, annotations: [{ completed_by: 3, result: [{ id: 'Qx9', from_name: 'ner', to_name: 'article', type: 'labels', value: { start: at, end: at + 5, text: 'Seoul', labels: ['Place'] } }, { id: 'Qx9', from_name: 'remarks', to_name: 'article', type: 'textarea', value: { text: ['capital'] } }] }] }];
    const input = path.join(dir, 'project');
    await mkdir(input);
    await writeFile(path.join(input, 'export.json'), JSON.stringify(tasks));
    await writeFile(path.join(input, 'config.xml'), CONFIG);
    const store = path.join(dir, 'store');
    const imported = capture();
    expect(await main(['import', '--format', 'label-studio', input, '--store', store], imported.io), imported.err.join('\n')).toBe(0);
    const out = path.join(dir, 'out');
    const exported = capture();
    expect(await main(['export', '--store', store, '--format', 'label-studio', '--out', out], exported.io), exported.err.join('\n')).toBe(0);
    const written = JSON.parse(await readFile(path.join(out, 'label-studio-tasks.json'), 'utf8')) as Array<{ id: number; data: Record<string, string>; annotations: Array<{ result: Array<Record<string, unknown>> }> }>;
    expect(written.map((t) => [t.id, t.data['body_text']])).toEqual([[512, TEXT]]);
    expect(written[0]!.annotations[0]!.result.map((r) => [r['id'], r['type'], r['from_name'], r['to_name']])).toEqual([
      ['Qx9', 'labels', 'ner', 'article'],
      ['Qx9', 'textarea', 'remarks', 'article'],
    ]);
    expect(await readFile(path.join(out, 'label-studio-config.xml'), 'utf8')).toContain('<Text name="article" value="$body_text"/>');
  });
});
