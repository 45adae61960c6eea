/**
 * Which stored document an imported one joins, through the handlers on real
 * stores: only the same text, the same id with a small edit, or a pairing the
 * analyst confirmed. Texts that share names, dates or an entity stay apart;
 * the same text twice in one file becomes one document; no incoming text is
 * ever dropped.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { textSha256 } from '../../../annotations/text-hash';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

type Setup = Awaited<ReturnType<typeof setup>>;

async function setup(author = 'Min-ji') {
  const { dir, opened } = await openTestStore(author);
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => {} });
  return { dir, api, dialogs, store: opened.store };
}

/** Code-point offsets of `quote` in `text`, as doccano and Prodigy write them. */
function codePoints(text: string, quote: string, from = 0): [number, number] {
  const at = text.indexOf(quote, from);
  if (at < 0) throw new Error(`${quote} is not in the text`);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...quote].length];
}

/** Adds an article with `spans` (quote, label) tagged in the analyst's layer; returns its id. */
async function stored(a: Setup, name: string, text: string, spans: Array<[string, string]> = []): Promise<string> {
  const [doc] = value(await a.api.importTexts({ files: [{ name, content: text }] })).added;
  if (spans.length > 0) {
    value(await a.api.addAnnotations({ documentId: doc!.id, spans: spans.map(([q, labelId]) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length, labelId })) }));
  }
  return doc!.id;
}

async function doccanoFile(a: Setup, name: string, records: Array<{ text: string; spans: Array<[string, string]> }>): Promise<string> {
  const file = path.join(a.dir, name);
  await writeFile(file, records.map((r) => JSON.stringify({ text: r.text, label: r.spans.map(([q, l]) => [...codePoints(r.text, q), l]) })).join('\n') + '\n');
  return file;
}

async function importAs(a: Setup, format: 'doccano' | 'parley' | 'spacy', file: string) {
  a.dialogs.opens.push([file]);
  return value(await a.api.importAnnotatedFromDialog({ format }))!;
}

async function texts(a: Setup): Promise<string[]> {
  const docs = value(await a.api.listDocuments({}));
  return docs.map((d) => value(a.store.getDocument(d.id)).document.text);
}

async function own(a: Setup, documentId: string): Promise<Array<[string, string]>> {
  const view = value(await a.api.getDocument({ documentId }));
  const text = view.document.text;
  const layer = view.layers.find((l) => l.id === 'own')!.annotations;
  for (const x of layer) expect(text.slice(x.start, x.end)).toBe(x.quote.exact);
  return layer.map((x) => [x.quote.exact, x.labelId]);
}

describe('an imported document joins a stored one only by the rule', () => {
  it('keeps two texts that share one entity apart: the IRF-4 case', async () => {
    const a = await setup();
    const first = 'IRF-4 is expressed in T cells.';
    const second = 'Mice with deletion of IRF-4 failed to develop mature B cells.';
    const storedId = await stored(a, 'irf4.txt', first, [['IRF-4', 'actor']]);
    const report = await importAs(a, 'doccano', await doccanoFile(a, 'irf4.jsonl', [{ text: second, spans: [['IRF-4', 'actor']] }]));
    expect(report.merged).toEqual([]);
    expect(report.added).toHaveLength(1);
    expect((await texts(a)).sort()).toEqual([first, second].sort());
    expect(await own(a, storedId)).toEqual([['IRF-4', 'actor']]);
    expect(await own(a, report.added[0]!.id)).toEqual([['IRF-4', 'actor']]);
  });

  it('adds three unrelated articles that share Washington, Seoul and 3 May with a stored one', async () => {
    const a = await setup();
    const storedText = 'Officials from Washington arrived in Seoul on 3 May for two days of talks on sanctions policy.';
    await stored(a, 'talks.txt', storedText, [['Washington', 'actor'], ['Seoul', 'actor'], ['3 May', 'date']]);
    const incoming = [
      'A direct flight between Seoul and Washington resumed on 3 May after a pause of three years.',
      'The Seoul orchestra will play in Washington on 3 May; tickets sold out within an hour.',
      'On 3 May a storm closed schools in Washington, while Seoul reported clear skies.',
    ];
    const file = await doccanoFile(a, 'three.jsonl', incoming.map((text) => ({ text, spans: [['Washington', 'actor'], ['Seoul', 'actor'], ['3 May', 'date']] })));
    const report = await importAs(a, 'doccano', file);
    expect(report.merged).toEqual([]);
    expect(report.added).toHaveLength(3);
    expect((await texts(a)).sort()).toEqual([storedText, ...incoming].sort());
    for (const doc of report.added) expect((await own(a, doc.id)).map(([, l]) => l).sort()).toEqual(['actor', 'actor', 'date']);
  });

  it('merges a document with the same id and a small edit, re-anchoring its annotations', async () => {
    const a = await setup();
    const text = 'Noh suggested ending the working group.\n통일부 welcomed it 🇰🇷 on 22 June 2021.';
    const id = await stored(a, 'noh.txt', text, [['Noh', 'actor']]);
    const file = path.join(a.dir, 'export.json');
    a.dialogs.saves.push(file);
    value(await a.api.exportToDialog({ format: 'parley' }));
    // The colleague's copy: CRLF line ends and a sentence added at the top, same id; they tagged the ministry too.
    const json = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8')));
    const edited = `Seoul, Monday.\r\n${text.replace('\n', '\r\n')}`;
    const doc = json.documents[0];
    const shift = edited.indexOf('통일부') - text.indexOf('통일부');
    doc.text = edited;
    const ownLayer = doc.layers.find((l: { id: string }) => l.id === 'own');
    const noh = ownLayer.annotations[0];
    ownLayer.annotations.push({ ...noh, id: 'ann_ministry', start: text.indexOf('통일부') + shift, end: text.indexOf('통일부') + shift + 3, startCodePoint: text.indexOf('통일부') + shift, endCodePoint: text.indexOf('통일부') + shift + 3, labelId: 'policy-body', quote: { exact: '통일부', prefix: 'group.\r\n', suffix: ' welcomed' } });
    await writeFile(file, JSON.stringify(json));
    const report = await importAs(a, 'parley', file);
    expect(report.added).toEqual([]);
    expect(report.merged).toHaveLength(1);
    expect(report.merged[0]).toMatchObject({ documentId: id, matchedBy: 'id', count: 1 });
    expect(report.merged[0]!.similarity).toBeGreaterThan(0.9);
    expect(report.merged[0]!.similarity).toBeLessThan(1);
    expect(await own(a, id)).toEqual([
      ['Noh', 'actor'],
      ['통일부', 'policy-body'],
    ]);
    expect(await texts(a)).toEqual([text]);
  });

  it('adds a document with the same id but a largely different text as a new one, keeping the stored text', async () => {
    const a = await setup();
    const text = 'Noh suggested ending the working group on 22 June 2021.';
    const id = await stored(a, 'noh.txt', text, [['Noh', 'actor']]);
    const file = path.join(a.dir, 'export.json');
    a.dialogs.saves.push(file);
    value(await a.api.exportToDialog({ format: 'parley' }));
    const json = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8')));
    const other = 'Noh opened a bakery in Busan, selling bread to tourists all summer.';
    json.documents[0].text = other;
    await writeFile(file, JSON.stringify(json));
    const report = await importAs(a, 'parley', file);
    expect(report.merged).toEqual([]);
    expect(report.added).toHaveLength(1);
    expect(report.added[0]!.id).not.toBe(id);
    expect((await texts(a)).sort()).toEqual([other, text].sort());
    expect(await own(a, id)).toEqual([['Noh', 'actor']]);
    expect(await own(a, report.added[0]!.id)).toEqual([['Noh', 'actor']]);
  });
});

describe('an edited version with another id is proposed, and merged only when the analyst says so', () => {
  const original = 'The envoy met officials in Seoul on 3 May.\nBoth sides agreed to resume the working group in June.\n통일부 welcomed the decision 🇰🇷.';
  const edited = `Seoul, Tuesday.\n${original.replace('in June', 'in early June')}`;

  async function planned() {
    const a = await setup();
    const documentId = await stored(a, 'envoy.txt', original, [['Seoul', 'actor']]);
    const file = await doccanoFile(a, 'edited.jsonl', [{ text: edited, spans: [['envoy', 'actor'], ['Seoul', 'actor'], ['통일부', 'policy-body']] }]);
    a.dialogs.opens.push([file]);
    const plan = value(await a.api.planAnnotatedImportFromDialog({ format: 'doccano' }))!;
    return { a, documentId, plan };
  }

  it('plans without writing and lists the pairing with its similarity', async () => {
    const { a, documentId, plan } = await planned();
    expect(plan.documents).toBe(1);
    expect(plan.pairings).toHaveLength(1);
    expect(plan.pairings[0]).toMatchObject({ incoming: 0, documentId, title: 'envoy' });
    expect(plan.pairings[0]!.similarity).toBeGreaterThan(0.6);
    expect(plan.pairings[0]!.similarity).toBeLessThan(1);
    expect(await texts(a)).toEqual([original]);
  });

  it('merges the confirmed pairing into the stored document, re-anchored, skipping what is there', async () => {
    const { a, documentId, plan } = await planned();
    const report = value(await a.api.applyAnnotatedImport({ planId: plan.planId, merges: [{ incoming: 0, documentId }] }));
    expect(report.added).toEqual([]);
    expect(report.merged).toEqual([{ documentId, title: 'envoy', layerId: 'own', count: 2, matchedBy: 'confirmed', similarity: plan.pairings[0]!.similarity }]);
    expect(report.duplicatesSkipped).toBe(1);
    expect(await texts(a)).toEqual([original]);
    expect((await own(a, documentId)).sort()).toEqual([
      ['Seoul', 'actor'],
      ['envoy', 'actor'],
      ['통일부', 'policy-body'],
    ]);
  });

  it('imports it as new when the analyst does not confirm, and the report names the resemblance', async () => {
    const { a, documentId, plan } = await planned();
    const report = value(await a.api.applyAnnotatedImport({ planId: plan.planId, merges: [] }));
    expect(report.merged).toEqual([]);
    expect(report.added).toHaveLength(1);
    expect(report.importedAsNew).toEqual([{ documentId: report.added[0]!.id, title: report.added[0]!.title, similarTo: { documentId, title: 'envoy' }, similarity: plan.pairings[0]!.similarity }]);
    expect((await texts(a)).sort()).toEqual([edited, original].sort());
  });

  it('refuses a merge the plan did not propose, or a plan already used, and changes nothing', async () => {
    const { a, plan } = await planned();
    const other = await stored(a, 'other.txt', 'A different article about rice prices in Busan.');
    const wrong = await a.api.applyAnnotatedImport({ planId: plan.planId, merges: [{ incoming: 0, documentId: other }] });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const again = await a.api.applyAnnotatedImport({ planId: plan.planId, merges: [] });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await texts(a)).toHaveLength(2);
  });

  it('the one-step import never merges it on its own', async () => {
    const a = await setup();
    await stored(a, 'envoy.txt', original, [['Seoul', 'actor']]);
    const report = await importAs(a, 'doccano', await doccanoFile(a, 'edited.jsonl', [{ text: edited, spans: [['envoy', 'actor']] }]));
    expect(report.merged).toEqual([]);
    expect(report.importedAsNew).toHaveLength(1);
    expect((await texts(a)).sort()).toEqual([edited, original].sort());
  });
});

describe('the same text more than once in a file', () => {
  const TEXT = 'Talks in Seoul 🇰🇷 resumed on 4 May.\n통일부 said Noh Kyu-duk would lead them.';

  it('imports a Prodigy dataset with a repeated example as one document with the union of its spans', async () => {
    const a = await setup();
    const span = (q: string, label: string) => {
      const [start, end] = codePoints(TEXT, q);
      return { start, end, label, text: q };
    };
    const file = path.join(a.dir, 'dataset.jsonl');
    const lines = [
      { text: TEXT, spans: [span('Seoul', 'actor'), span('4 May', 'date')], answer: 'accept', _input_hash: 11, _task_hash: 21 },
      { text: 'A second, unrelated example about rice harvests.', spans: [], answer: 'accept', _input_hash: 12, _task_hash: 22 },
      { text: TEXT, spans: [span('4 May', 'date'), span('통일부', 'policy body'), span('Noh Kyu-duk', 'actor')], answer: 'accept', _input_hash: 11, _task_hash: 23 },
    ];
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const report = await importAs(a, 'spacy', file);
    expect(report.added).toHaveLength(2);
    expect(report.repeatedTexts).toEqual([{ title: expect.any(String), copies: 2, annotationsKeptOnce: 1 }]);
    const doc = report.added.find((d) => value(a.store.getDocument(d.id)).document.text === TEXT)!;
    expect((await own(a, doc.id)).sort()).toEqual([
      ['4 May', 'date'],
      ['Noh Kyu-duk', 'actor'],
      ['Seoul', 'actor'],
      ['통일부', 'policy-body'],
    ]);
  });

  it('does the same for a Parley JSON file holding one text under two ids', async () => {
    const a = await setup();
    const id = await stored(a, 'talks.txt', TEXT, [['Seoul', 'actor']]);
    const file = path.join(a.dir, 'export.json');
    a.dialogs.saves.push(file);
    value(await a.api.exportToDialog({ format: 'parley' }));
    const json = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8')));
    const copy = structuredClone(json.documents[0]);
    copy.id = 'doc_copy';
    const ann = copy.layers.find((l: { id: string }) => l.id === 'own').annotations[0];
    const at = TEXT.indexOf('Noh Kyu-duk');
    copy.layers.find((l: { id: string }) => l.id === 'own').annotations.push({ ...ann, id: 'ann_noh', start: at, end: at + 11, startCodePoint: [...TEXT.slice(0, at)].length, endCodePoint: [...TEXT.slice(0, at)].length + 11, quote: { exact: 'Noh Kyu-duk', prefix: '', suffix: '' } });
    json.documents.push(copy);
    await writeFile(file, JSON.stringify(json));

    // Into an empty library: one document, both spans.
    const b = await setup('Jun');
    const fresh = await importAs(b, 'parley', file);
    expect(fresh.added).toHaveLength(1);
    expect(fresh.repeatedTexts).toEqual([{ title: 'talks', copies: 2, annotationsKeptOnce: 1 }]);
    expect(await own(b, fresh.added[0]!.id)).toEqual([
      ['Seoul', 'actor'],
      ['Noh Kyu-duk', 'actor'],
    ]);

    // Into the library that already holds the text: merged once, what was there skipped.
    const back = await importAs(a, 'parley', file);
    expect(back.added).toEqual([]);
    expect(back.merged).toEqual([{ documentId: id, title: 'talks', layerId: 'own', count: 1, matchedBy: 'checksum' }]);
    expect(back.duplicatesSkipped).toBe(1);
    expect(back.repeatedTexts).toHaveLength(1);
    expect(await own(a, id)).toEqual([
      ['Seoul', 'actor'],
      ['Noh Kyu-duk', 'actor'],
    ]);
  });
});

describe('a corpus imported next to a similar corpus', () => {
  const cities = ['Seoul', 'Washington', 'Tokyo', 'Beijing', 'Pyongyang'];
  const people = ['Noh Kyu-duk', 'Sung Kim', 'Chung Eui-yong', 'Antony Blinken'];
  const dates = ['3 May', '22 June 2021', '4 July', '1 March'];
  const topics = ['sanctions', 'food aid', 'a summit', 'family reunions', 'the working group', 'missile tests'];
  const article = (i: number, verb: string) =>
    `${people[i % people.length]} spoke in ${cities[i % cities.length]} on ${dates[i % dates.length]} about ${topics[i % topics.length]}; ${verb} ${cities[(i + 1) % cities.length]} ${i % 3 === 0 ? '🇰🇷 ' : ''}(${i}).`;

  it('adds every incoming text and loses none of the stored ones', async () => {
    const a = await setup();
    const storedTexts = Array.from({ length: 40 }, (_, i) => article(i, 'officials later flew to'));
    value(await a.api.importTexts({ files: storedTexts.map((content, i) => ({ name: `stored-${i}.txt`, content })) }));
    const incoming = Array.from({ length: 40 }, (_, i) => article(i + 1, 'the press in'));
    const file = await doccanoFile(
      a,
      'corpus.jsonl',
      incoming.map((text, i) => ({ text, spans: [[people[(i + 1) % people.length]!, 'actor'], [cities[(i + 1) % cities.length]!, 'actor']] })),
    );
    const report = await importAs(a, 'doccano', file);
    expect(report.merged).toEqual([]);
    const inStore = new Set((await texts(a)).map(textSha256));
    for (const text of [...storedTexts, ...incoming]) expect(inStore.has(textSha256(text))).toBe(true);
    expect(inStore.size).toBe(80);
  });
});

describe('a colleague’s layer is placed by the same rule', () => {
  it('lists a document that shares only an entity as unmatched instead of laying it on another text', async () => {
    const a = await setup();
    await stored(a, 'irf4.txt', 'IRF-4 is expressed in T cells.', [['IRF-4', 'actor']]);
    const file = await doccanoFile(a, 'sam.jsonl', [{ text: 'Mice with deletion of IRF-4 failed to develop mature B cells.', spans: [['IRF-4', 'actor']] }]);
    a.dialogs.opens.push([file]);
    const report = value(await a.api.importLayerFromDialog({ format: 'doccano', author: 'Sam' }))!;
    expect(report.layers).toEqual([]);
    expect(report.unmatched).toEqual([{ title: expect.any(String), annotations: 1 }]);
  });

  it('places it on a nearly identical text and says so, with the similarity', async () => {
    const a = await setup();
    const text = 'The envoy met officials in Seoul on 3 May.\nBoth sides agreed to resume the working group in June.';
    const id = await stored(a, 'envoy.txt', text);
    const file = await doccanoFile(a, 'sam.jsonl', [{ text: text.replace('\n', '\r\n'), spans: [['Seoul', 'actor'], ['3 May', 'date']] }]);
    a.dialogs.opens.push([file]);
    const report = value(await a.api.importLayerFromDialog({ format: 'doccano', author: 'Sam' }))!;
    expect(report.layers).toHaveLength(1);
    expect(report.layers[0]).toMatchObject({ documentId: id, layerId: 'colleague:Sam', count: 2, matchedBy: 'similar-text' });
    expect(report.layers[0]!.similarity).toBeGreaterThan(0.9);
    const layer = value(await a.api.getDocument({ documentId: id })).layers.find((l) => l.id === 'colleague:Sam')!;
    expect(layer.annotations.map((x) => text.slice(x.start, x.end))).toEqual(['Seoul', '3 May']);
  });

  it('puts both copies of a text the colleague’s file holds twice into one layer, each span once', async () => {
    const a = await setup();
    const text = 'Talks in Seoul 🇰🇷 resumed on 4 May.\n통일부 said Noh Kyu-duk would lead them.';
    const id = await stored(a, 'talks.txt', text);
    const file = await doccanoFile(a, 'sam.jsonl', [
      { text, spans: [['Seoul', 'actor'], ['4 May', 'date']] },
      { text, spans: [['4 May', 'date'], ['통일부', 'policy-body']] },
    ]);
    a.dialogs.opens.push([file]);
    const report = value(await a.api.importLayerFromDialog({ format: 'doccano', author: 'Sam' }))!;
    expect(report.layers).toEqual([expect.objectContaining({ documentId: id, layerId: 'colleague:Sam', count: 3, matchedBy: 'checksum' })]);
    const layer = value(await a.api.getDocument({ documentId: id })).layers.find((l) => l.id === 'colleague:Sam')!;
    expect(layer.annotations.map((x) => text.slice(x.start, x.end)).sort()).toEqual(['4 May', 'Seoul', '통일부']);
  });

  it('leaves an edited version that is not nearly identical unmatched, naming the resemblance', async () => {
    const a = await setup();
    const text = 'The envoy met officials in Seoul on 3 May.\nBoth sides agreed to resume the working group in June.';
    await stored(a, 'envoy.txt', text);
    const file = await doccanoFile(a, 'sam.jsonl', [{ text: `Seoul, Tuesday. A long day of meetings.\n${text.replace('in June', 'after the summer')}`, spans: [['envoy', 'actor']] }]);
    a.dialogs.opens.push([file]);
    const report = value(await a.api.importLayerFromDialog({ format: 'doccano', author: 'Sam' }))!;
    expect(report.layers).toEqual([]);
    expect(report.unmatched).toHaveLength(1);
    expect(report.unmatched[0]!.similarTo).toMatchObject({ title: 'envoy' });
  });
});
