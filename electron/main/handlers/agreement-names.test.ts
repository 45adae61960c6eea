/**
 * Agreement between one's own layer and an earlier export of one's own work:
 * both layers carry the same author, and the report still tells them apart.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const ARTICLE = 'Noh Kyu-duk met Sung Kim in Seoul on 22 June 2021 and proposed ending the working group.';
const span = (quote: string, labelId: string) => ({ start: ARTICLE.indexOf(quote), end: ARTICLE.indexOf(quote) + quote.length, labelId });

describe('agreement with an earlier export of one’s own work', () => {
  it('names the own layer apart when a colleague layer has the same author, instead of refusing', async () => {
    const { dir, opened: store } = await openTestStore('Min-ji');
    const dialogs = new QueuedDialogs();
    const api = createHandlers({ ...store, dialogs, version: 'test', notify: () => undefined });
    const [doc] = value(await api.importTexts({ files: [{ name: 'noh.txt', content: ARTICLE }] })).added;
    const documentId = doc!.id;

    // Last week's pass, exported, then retagged today.
    value(await api.addAnnotations({ documentId, spans: [span('Noh Kyu-duk', 'actor'), span('Sung Kim', 'actor'), span('22 June 2021', 'date')] }));
    const earlier = path.join(dir, 'last-week.json');
    dialogs.saves.push(earlier);
    value(await api.exportToDialog({ format: 'parley' }));
    const today = value(await api.getDocument({ documentId })).layers.find((l) => l.id === 'own')!.annotations;
    value(await api.deleteAnnotations({ documentId, annotationIds: [today.find((a) => a.labelId === 'date')!.id] }));
    value(await api.addAnnotations({ documentId, spans: [span('the working group', 'policy-body')] }));

    dialogs.opens.push([earlier]);
    expect(value(await api.importLayerFromDialog({ format: 'parley' }))!.layers).toMatchObject([{ layerId: 'colleague:Min-ji', author: 'Min-ji', count: 3 }]);

    const report = value(await api.agreement({ layerIds: ['own', 'colleague:Min-ji'] }));
    expect(report.annotators).toEqual(['Min-ji (yours)', 'Min-ji']);
    // Two exact matches out of 3 + 3 annotations.
    expect(report.instance.total.mean).toBeCloseTo(4 / 6, 12);
    expect(report.instance.pairs.map((p) => [p.a, p.b])).toEqual([['Min-ji (yours)', 'Min-ji']]);

    const csv = path.join(dir, 'agreement.csv');
    dialogs.saves.push(csv);
    value(await api.exportAgreementToDialog({ layerIds: ['own', 'colleague:Min-ji'], format: 'csv' }));
    expect(await readFile(csv, 'utf8')).toContain('instance,total,,,Min-ji (yours),Min-ji,value,0.6666666666666666');
  });
});
