/**
 * The Import dialog's annotated import without a chosen format: the handler
 * detects it from the chosen file and names it in the plan for the analyst to
 * confirm; a wrongly chosen format gets one sentence naming the likely one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const TEXT = 'Sung Kim met 통일부 officials in Seoul 🇰🇷.\r\nThe talks resume on 4 May.';

async function setup() {
  const { dir, opened } = await openTestStore('Min-ji');
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => {} });
  return { dir, api, dialogs };
}

const FILES: Array<{ name: string; content: string; format: string; title: RegExp }> = [
  {
    name: 'project-3.json',
    content: JSON.stringify([{ id: 3, data: { text: TEXT }, annotations: [{ id: 9, result: [{ id: 'a', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 0, end: 8, labels: ['Actor'] } }] }] }]),
    format: 'label-studio',
    title: /^Label Studio JSON \(/,
  },
  { name: 'admin.jsonl', content: `${JSON.stringify({ id: 1, text: TEXT, label: [[0, 8, 'Actor']] })}\n`, format: 'doccano', title: /^doccano JSON Lines \(/ },
  { name: 'eng.testb', content: 'Sung\tB-Actor\nKim\tI-Actor\nmet\tO\n', format: 'conll', title: /^CoNLL \(/ },
];

describe('annotated import with the format detected', () => {
  for (const file of FILES) {
    it(`reads ${file.name} as ${file.format} and says so in the plan, then imports on confirmation`, async () => {
      const a = await setup();
      const chosen = path.join(a.dir, file.name);
      await writeFile(chosen, file.content);
      a.dialogs.opens.push([chosen]);
      const plan = value(await a.api.planAnnotatedImportFromDialog({}))!;
      expect(plan.format).toBe(file.format);
      expect(plan.detected).toMatch(file.title);
      expect(value(await a.api.listDocuments({}))).toEqual([]);
      const report = value(await a.api.applyAnnotatedImport({ planId: plan.planId, merges: [] }));
      expect(report.added).toHaveLength(1);
      const view = value(await a.api.getDocument({ documentId: report.added[0]!.id }));
      expect(view.layers.find((l) => l.id === 'own')!.annotations.map((x) => x.quote.exact)).toEqual(['Sung Kim']);
    });
  }

  it('names no detected format when the analyst chose one', async () => {
    const a = await setup();
    const chosen = path.join(a.dir, 'admin.jsonl');
    await writeFile(chosen, FILES[1]!.content);
    a.dialogs.opens.push([chosen]);
    const plan = value(await a.api.planAnnotatedImportFromDialog({ format: 'doccano' }))!;
    expect(plan.format).toBe('doccano');
    expect(plan.detected).toBeUndefined();
  });

  it('with the wrong format chosen, says in one sentence which it looks like, and imports nothing', async () => {
    const a = await setup();
    const chosen = path.join(a.dir, 'project-3.json');
    await writeFile(chosen, FILES[0]!.content);
    const library = await readFile(path.join(a.dir, 'library.json'), 'utf8').catch(() => '');
    a.dialogs.opens.push([chosen]);
    const result = await a.api.planAnnotatedImportFromDialog({ format: 'doccano' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/^project-3\.json: this looks like Label Studio JSON, not doccano JSON Lines/);
      expect(result.error.problems ?? []).toEqual([]);
    }
    expect(await readFile(path.join(a.dir, 'library.json'), 'utf8').catch(() => '')).toBe(library);
  });

  it('asks for the format when the file gives nothing away', async () => {
    const a = await setup();
    const chosen = path.join(a.dir, 'notes.json');
    await writeFile(chosen, JSON.stringify({ name: 'not annotations' }));
    a.dialogs.opens.push([chosen]);
    const result = await a.api.planAnnotatedImportFromDialog({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/cannot tell which format notes\.json is in; choose its format in the list/);
  });
});
