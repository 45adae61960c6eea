/**
 * Suggestions through the handlers, on a real store in a temporary folder:
 * nothing enters a layer until accepted; accepting is one undoable step with
 * provenance; a rejection lasts across a reopened store; a bad gazetteer
 * changes nothing.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { SUGGESTIONS_SHOWN } from '../../../shared/suggestions';
import { openAppStore } from '../../node/open-app-store';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, trackTestStore, value } from './handler-test-kit';
import { createSuggestionHandlers } from './suggestion-handlers';
import { handlerContext } from './handler-deps';

afterEach(closeTestStores);

const TEXTS = [
  'Seoul and Washington met.\r\nSeoul agreed on 22 June 2021; 통일부는 welcomed it. 😀 Seoul',
  'Officials in Seoul spoke to the Ministry of Unification.',
];

async function setup() {
  const { dir, opened } = await openTestStore('Min-ji');
  const dialogs = new QueuedDialogs();
  const deps = { ...opened, dialogs, version: 'test', notify: () => undefined };
  const api = createHandlers(deps);
  const suggest = createSuggestionHandlers(handlerContext(deps));
  const report = value(await api.importTexts({ files: TEXTS.map((content, i) => ({ name: `a${i}.txt`, content })) }));
  const [first, second] = report.added.map((d) => d.id) as [string, string];
  return { dir, opened, dialogs, api, suggest, first, second };
}

const own = (view: { layers: Array<{ id: string; annotations: Array<{ start: number; end: number; labelId: string; suggestedBy?: string; attributes?: Record<string, string> }> }> }) =>
  view.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [];

describe('suggestion handlers', () => {
  it('proposes own tags across documents and dates, none in any layer until accepted; accepting is one undoable step with provenance', async () => {
    const { api, suggest, first, second } = await setup();
    value(await api.addAnnotations({ documentId: first, spans: [{ start: 0, end: 5, labelId: 'actor' }] }));
    const list = value(await suggest.getSuggestions({ documentId: first }));
    const text = TEXTS[0]!;
    expect(list.suggestions.map((s) => [text.slice(s.start, s.end), s.source])).toEqual([
      ['Seoul', 'own-tags'],
      ['22 June 2021', 'dates'],
      ['Seoul', 'own-tags'],
    ]);
    expect(own(value(await api.getDocument({ documentId: first })))).toHaveLength(1);
    expect(value(await suggest.getSuggestions({ documentId: second })).suggestions.map((s) => s.id)).toEqual(['own-tags:13-18:actor']);

    const accepted = value(await suggest.acceptSuggestions({ documentId: first, ids: [list.suggestions[1]!.id, list.suggestions[2]!.id] }));
    expect(accepted.change.added.map((a) => [a.suggestedBy, a.attributes])).toEqual([
      ['dates', { value: '2021-06-22' }],
      ['own-tags', undefined],
    ]);
    expect(accepted.list.suggestions.map((s) => s.id)).toEqual([list.suggestions[0]!.id]);
    const view = value(await api.getDocument({ documentId: first }));
    expect(own(view).map((a) => a.suggestedBy ?? 'hand')).toEqual(['hand', 'dates', 'own-tags']);
    expect(view.undoLabel).toBe('Accept 2 suggestions');
    value(await api.undo({ documentId: first }));
    expect(own(value(await api.getDocument({ documentId: first })))).toHaveLength(1);
  });

  it('keeps a rejection across a reopened store, and refuses ids no longer offered', async () => {
    const { dir, opened, api, suggest, first } = await setup();
    value(await api.addAnnotations({ documentId: first, spans: [{ start: 0, end: 5, labelId: 'actor' }] }));
    const before = value(await suggest.getSuggestions({ documentId: first, sources: ['own-tags'] }));
    const rejectedId = before.suggestions[0]!.id;
    const after = value(await suggest.rejectSuggestions({ documentId: first, ids: [rejectedId] }));
    expect(after.suggestions.map((s) => s.id)).not.toContain(rejectedId);
    expect(await suggest.acceptSuggestions({ documentId: first, ids: [rejectedId] })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    await opened.store.close();
    const reopened = trackTestStore(value(await openAppStore(path.join(dir, 'store'), 'Min-ji', { seedSamples: false })));
    const again = createSuggestionHandlers(handlerContext({ ...reopened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined }));
    const list = value(await again.getSuggestions({ documentId: first, sources: ['own-tags'] }));
    expect(list.suggestions.map((s) => s.id)).toEqual(before.suggestions.slice(1).map((s) => s.id));
  });

  it('imports a gazetteer from the dialog and suggests its names and aliases; a bad one is refused and changes nothing', async () => {
    const { dir, dialogs, suggest, first, second } = await setup();
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'name,label\nSeoul,city\n');
    dialogs.opens.push([bad]);
    expect(await suggest.importGazetteerFromDialog({})).toMatchObject({ ok: false, error: { code: 'invalid-input', problems: [{ line: 2 }] } });
    expect(value(await suggest.getSuggestions({ documentId: first, sources: ['gazetteer'] })).gazetteers).toEqual([]);

    const good = path.join(dir, 'bodies.csv');
    await writeFile(good, 'name,label,aliases\r\nMinistry of Unification,Policy body,통일부\r\n');
    dialogs.opens.push([good]);
    expect(value(await suggest.importGazetteerFromDialog({}))).toEqual({ name: 'bodies.csv', entries: 1, kind: 'gazetteer' });
    const a = value(await suggest.getSuggestions({ documentId: first, sources: ['gazetteer'] }));
    expect(a.suggestions.map((s) => TEXTS[0]!.slice(s.start, s.end))).toEqual(['통일부']);
    expect(a.gazetteers).toEqual([{ id: expect.any(String), name: 'bodies.csv', entries: 1 }]);
    expect(value(await suggest.getSuggestions({ documentId: second, sources: ['gazetteer'] })).suggestions.map((s) => s.labelId)).toEqual(['policy-body']);
    expect(value(await suggest.importGazetteerFromDialog({}))).toBeNull();
  });

  it('refuses an unknown document', async () => {
    const { suggest } = await setup();
    expect(await suggest.getSuggestions({ documentId: 'doc_missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('patterns in the label schema', () => {
  it('refuses an invalid pattern naming the rule, keeps a valid one and suggests from it', async () => {
    const { api, suggest, second } = await setup();
    const labels = value(await api.getLabels({})).labels;
    const withPatterns = (patterns: unknown[]) => labels.map((l) => (l.id === 'policy-body' ? { ...l, patterns } : l)) as typeof labels;
    const refused = await api.saveLabels({ labels: withPatterns([{ regex: 'Ministry of (' }]), migrate: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/rule 1 \(policy-body, \/Ministry of \(\/\)/) } });
    expect(value(await api.getLabels({})).labels.find((l) => l.id === 'policy-body')!.patterns).toBeUndefined();

    value(await api.saveLabels({ labels: withPatterns([{ tokens: [{ lower: 'ministry' }, { lower: 'of' }, { is_title: true }] }]), migrate: [] }));
    const list = value(await suggest.getSuggestions({ documentId: second, sources: ['pattern'] }));
    expect(list.suggestions.map((s) => [TEXTS[1]!.slice(s.start, s.end), s.labelId])).toEqual([['Ministry of Unification', 'policy-body']]);
  });

  it('imports pattern rules from the same dialog into the labels, once each, and refuses a bad rule naming it', async () => {
    const { dir, dialogs, api, suggest, second } = await setup();
    const rules = path.join(dir, 'rules.jsonl');
    await writeFile(rules, '{"label":"Policy body","pattern":[{"LOWER":"ministry"},{"lower":"of"},{"is_title":true}]}\r\n{"label":"actor","regex":"Officials"}\n');
    dialogs.opens.push([rules], [rules]);
    expect(value(await suggest.importGazetteerFromDialog({}))).toEqual({ name: 'rules.jsonl', entries: 2, kind: 'patterns' });
    value(await suggest.importGazetteerFromDialog({}));
    const labels = value(await api.getLabels({})).labels;
    expect(labels.find((l) => l.id === 'policy-body')!.patterns).toHaveLength(1);
    expect(labels.find((l) => l.id === 'actor')!.patterns).toEqual([{ regex: 'Officials' }]);
    const list = value(await suggest.getSuggestions({ documentId: second, sources: ['pattern'] }));
    expect(list.suggestions.map((s) => TEXTS[1]!.slice(s.start, s.end))).toEqual(['Officials', 'Ministry of Unification']);

    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '[{"label":"date","regex":"[0-9"}]');
    dialogs.opens.push([bad]);
    expect(await suggest.importGazetteerFromDialog({})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/rule 1 \(date, \/\[0-9\/\)/) } });
    expect(value(await api.getLabels({})).labels.find((l) => l.id === 'date')!.patterns).toBeUndefined();
  });

  it('carries the first suggestions in reading order to the window and counts the rest, which come once those are handled', async () => {
    const { api, suggest } = await setup();
    const mentions = SUGGESTIONS_SHOWN + 500;
    const text = 'Seoul 😀 서울. '.repeat(mentions);
    const [documentId] = value(await api.importTexts({ files: [{ name: 'long.txt', content: text }] })).added.map((d) => d.id) as [string];
    value(await api.addAnnotations({ documentId, spans: [{ start: 0, end: 5, labelId: 'actor' }] }));
    const list = value(await suggest.getSuggestions({ documentId, sources: ['own-tags'] }));
    expect(list.suggestions).toHaveLength(SUGGESTIONS_SHOWN);
    expect(list.omitted).toBe(mentions - 1 - SUGGESTIONS_SHOWN);
    expect(list.suggestions.every((s, i) => i === 0 || list.suggestions[i - 1]!.start < s.start)).toBe(true);
    const shown = list.suggestions.slice(0, 300).map((s) => s.id);
    const after = value(await suggest.rejectSuggestions({ documentId, ids: shown }));
    expect(after.suggestions).toHaveLength(SUGGESTIONS_SHOWN);
    expect(after.omitted).toBe(mentions - 1 - SUGGESTIONS_SHOWN - 300);
    expect(after.suggestions.some((s) => shown.includes(s.id))).toBe(false);
  });
});
