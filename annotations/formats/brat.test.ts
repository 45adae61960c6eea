import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { Corpus, Entity } from '../model';
import { createAnnotation } from '../annotation';
import { createDocument } from '../document';
import { entityIdOfReference, exportBrat, importBrat, readBratConfig, referenceOfEntityId } from './brat';
import type { FormatFile } from './format';
import { sampleCorpus } from './test-fixtures/sample-corpus';
import { zipFiles } from './zip';

const COLLECTION = path.join(__dirname, 'test-fixtures/brat-collection');
const NOW = '2025-04-01T00:00:00.000Z';
const options = { labels: defaultLabelSchema(), now: NOW };

function collectionFiles(): FormatFile[] {
  return readdirSync(COLLECTION)
    .filter((f) => !f.endsWith('.md'))
    .map((f) => ({ path: f, data: new Uint8Array(readFileSync(path.join(COLLECTION, f))) }));
}

describe('brat standoff', () => {
  it('imports a collection with every text-bound annotation in place, counting code points across emoji, Hangul and CRLF', () => {
    const result = importBrat(collectionFiles(), options);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems, null, 1));
    let expected = 0;
    for (const f of readdirSync(COLLECTION).filter((x) => x.endsWith('.ann'))) {
      const text = readFileSync(path.join(COLLECTION, f.replace(/\.ann$/, '.txt')), 'utf8');
      const doc = result.value.corpus.documents.find((d) => d.document.source === f.replace(/\.ann$/, '.txt'))!;
      const cps = [...text];
      for (const line of readFileSync(path.join(COLLECTION, f), 'utf8').split('\n').filter((l) => l.startsWith('T'))) {
        expected++;
        const [, type, s, e] = /^T\d+\t(\S+) (\d+) (\d+)/.exec(line)!;
        const quote = cps.slice(Number(s), Number(e)).join('');
        const label = result.value.corpus.labels.labels.find((l) => doc.layers[0]!.annotations.some((a) => a.labelId === l.id && a.quote.exact === quote))!;
        expect(label, `${f}: ${line}`).toBeDefined();
        expect(label.id.replace(/[\s_-]/g, '')).toBe(type!.toLowerCase().replace(/[\s_-]/g, ''));
      }
    }
    const imported = result.value.corpus.documents.reduce((n, d) => n + d.layers.reduce((m, l) => m + l.annotations.length, 0), 0);
    expect(imported).toBe(expected);
    expect(expected).toBe(15);
    expect(result.value.corpus.documents.map((d) => [d.document.source, d.layers[0]?.annotations.length ?? 0]).sort()).toEqual([
      ['empty-note.txt', 0],
      ['envoy-talks.txt', 3],
      ['summit-readout.txt', 7],
      ['unification-memo.txt', 5],
    ]);
  });

  it('counts the line types it sets aside and keeps notes on text-bound annotations', () => {
    const result = importBrat(collectionFiles(), options);
    if (!result.ok) throw new Error(result.error.message);
    const ignored = Object.fromEntries(result.value.ignored.map((i) => [i.kind, i.count]));
    expect(ignored).toEqual({
      'equivalences (*)': 1,
      'notes on events and other non-text-bound annotations': 1,
    });
    const notes = result.value.corpus.documents.flatMap((d) => d.layers[0]?.annotations ?? []).filter((a) => a.note);
    expect(notes.map((a) => [a.quote.exact, a.note]).sort()).toEqual([
      ['Nuclear Consultative Group', "The allies' consultative body on extended deterrence."],
      ['통일부', "The ministry's own name, in Hangul."],
    ]);
  });

  it('reads R lines as relations, an event as relations from its trigger by role, and A lines as attributes', () => {
    const result = importBrat(collectionFiles(), options);
    if (!result.ok) throw new Error(result.error.message);
    const { corpus } = result.value;
    const links = (source: string) => {
      const layer = corpus.documents.find((d) => d.document.source === source)!.layers[0]!;
      const quote = (id: string) => layer.annotations.find((a) => a.id === id)!.quote.exact;
      return (layer.relations ?? []).map((r) => [quote(r.sourceId), corpus.labels.relationTypes!.find((t) => t.id === r.typeId)!.name, quote(r.targetId)]).sort();
    };
    expect(links('summit-readout.txt')).toEqual([
      ['Cho Tae-yul', 'Located', 'Seoul'],
      ['received', 'Guest-Arg', 'US Secretary of State'],
      ['received', 'Host-Arg', 'Cho Tae-yul'],
      ['received', 'Place-Arg', 'Seoul'],
    ]);
    expect(links('unification-memo.txt')).toEqual([['Ministry of Unification', 'Origin', 'Seoul']]);
    const attributed = corpus.documents.flatMap((d) => d.layers[0]?.annotations ?? []).filter((a) => a.attributes);
    expect(attributed.map((a) => [a.quote.exact, a.attributes])).toEqual(expect.arrayContaining([['Cho Tae-yul', { mention: 'name' }], ['Washington', { individual: 'true' }]]));
    expect(corpus.labels.relationTypes!.find((t) => t.name === 'Located')).toMatchObject({ directed: true });
  });

  it('refuses a relation or attribute that names an undefined span, naming the line', () => {
    const result = importBrat([{ path: 'r.txt', data: 'Seoul and Tokyo.' }, { path: 'r.ann', data: 'T1\tGPE 0 5\tSeoul\nR1\tnear Arg1:T1 Arg2:T9\nA1\tMention T8 Name\n' }], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => `${p.line ?? ''}: ${p.message}`)).toEqual(['3: an attribute refers to T8, which is not defined', '2: R1 refers to T9, which is not defined']);
  });

  it('reads labels, colours and shortcuts from the configuration files', () => {
    const labels = readBratConfig(
      readFileSync(path.join(COLLECTION, 'annotation.conf'), 'utf8'),
      readFileSync(path.join(COLLECTION, 'visual.conf'), 'utf8'),
      readFileSync(path.join(COLLECTION, 'kb_shortcuts.conf'), 'utf8'),
    );
    expect(labels.map((l) => l.id)).toEqual(['Person', 'Organization', 'GPE', 'Date']);
    expect(labels.find((l) => l.id === 'GPE')!.shortcut).toBe('G');
    expect(labels.find((l) => l.id === 'Date')!.shortcut).toBe('D');
  });

  it('imports the same collection from a zip', () => {
    const zipped = importBrat([{ path: 'collection.zip', data: zipFiles(collectionFiles()) }], options);
    const folder = importBrat(collectionFiles(), options);
    expect(zipped.ok && folder.ok).toBe(true);
    if (zipped.ok && folder.ok) expect(zipped.value.corpus.documents.map((d) => d.layers[0]?.annotations.length)).toEqual(folder.value.corpus.documents.map((d) => d.layers[0]?.annotations.length));
  });

  it('keeps a discontinuous span as one annotation per fragment and says so', () => {
    const text = 'The 통일부 minister and the Seoul envoy spoke.';
    const ann = 'T1\tActor 4 7;25 30\t통일부 Seoul\n';
    const result = importBrat([{ path: 'a.txt', data: text }, { path: 'a.ann', data: ann }], options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.corpus.documents[0]!.layers[0]!.annotations.map((a) => a.quote.exact)).toEqual(['통일부', 'Seoul']);
    expect(result.value.warnings[0]!.message).toMatch(/discontinuous \(2 fragments\)/);
  });

  it('writes a span across a CRLF line end as fragments and joins them again on import', () => {
    const corpus = sampleCorpus();
    const out = exportBrat(corpus, {});
    if (!out.ok) throw new Error(out.error.message);
    const ann = out.value.files.find((f) => f.path === 'alliance-briefing.ann')!.data as string;
    expect(ann).toMatch(/\tPosition \d+ \d+;\d+ \d+\tfrozen\. Analysts\n/);
    expect(ann).toMatch(/\tPolicy_body \d+ \d+\t통일부\n#\d+\tAnnotatorNotes T\d+\tMinistry of Unification, 통일부\.\n/);
    expect(out.value.files.map((f) => f.path)).toEqual(expect.arrayContaining(['annotation.conf', 'visual.conf', 'kb_shortcuts.conf']));
  });

  it('refuses an import whose quoted text does not match the offsets, naming the file and line', () => {
    const result = importBrat([{ path: 'b.txt', data: 'Envoys met in Seoul.' }, { path: 'b.ann', data: 'T1\tActor 0 6\tEnvoys\nT2\tGPE 14 19\tTokyo\n' }], options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems).toEqual([{ file: 'b.ann', line: 2, message: 'T2: text "Tokyo" does not match the text at the offsets, "Seoul"' }]);
  });

  it('rejects reversed and out-of-range offsets and unknown line types', () => {
    const result = importBrat([{ path: 'c.txt', data: 'Short.' }, { path: 'c.ann', data: 'T1\tActor 4 2\tx\nT2\tActor 2 90\tx\nQ1\twhat\n' }], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => p.message)).toEqual(['T1: span [4, 2) is reversed', 'T2: end 90 is past the end of the text (6 code points)', 'unknown line type "Q"']);
  });

  it('flattens a multi-line note for brat and warns about it', () => {
    const corpus = sampleCorpus();
    corpus.documents[1]!.layers[0]!.annotations[0]!.note = 'First line.\nSecond line.';
    const out = exportBrat(corpus, {});
    expect(out.ok && out.value.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/put on one line/)]);
  });

  describe('normalisations (N) as entity links', () => {
    const TEXT = 'Chung Dong-young 🇰🇷 met the envoy.\r\n정동영 said the 통일부 would reply;\r\nSeoul agreed.';
    const ENTITIES: Entity[] = [
      { id: 'ent_chung', name: 'Chung Dong-young', aliases: ['정동영'], kind: 'actor' },
      { id: 'Wikidata:Q8684', name: 'Seoul', aliases: [], kind: 'actor' },
    ];

    function linkedCorpus(): Corpus {
      const now = NOW;
      const document = createDocument({ title: 'Envoy', source: 'envoy.txt', text: TEXT, now });
      const span = (quote: string, labelId: string, entityId?: string) => {
        const start = TEXT.indexOf(quote);
        const made = createAnnotation(TEXT, { documentId: document.id, start, end: start + quote.length, labelId, author: 'ana', now });
        if (!made.ok) throw new Error(made.error.message);
        return entityId ? { ...made.value, entityId } : made.value;
      };
      const annotations = [span('Chung Dong-young', 'actor', 'ent_chung'), span('정동영', 'actor', 'ent_chung'), span('통일부', 'policy-body'), span('Seoul', 'actor', 'Wikidata:Q8684')];
      return { labels: defaultLabelSchema(), entities: ENTITIES, documents: [{ document, layers: [{ id: 'own', kind: 'own', author: 'ana', annotations }], decisions: [] }] };
    }

    it('maps entity ids to references and back: the library’s under Parley, an outside reference as it is', () => {
      expect(referenceOfEntityId('ent_chung')).toBe('Parley:ent_chung');
      expect(referenceOfEntityId('Wikidata:Q8684')).toBe('Wikidata:Q8684');
      expect(referenceOfEntityId('two words')).toBeNull();
      expect(entityIdOfReference('Parley', 'ent_chung')).toBe('ent_chung');
      expect(entityIdOfReference('Wikidata', 'Q8684')).toBe('Wikidata:Q8684');
    });

    it('writes each linked span’s entity as an N line, with code point offsets across emoji, Hangul and CRLF', () => {
      const out = exportBrat(linkedCorpus(), {});
      if (!out.ok) throw new Error(out.error.message);
      const ann = out.value.files.find((f) => f.path.endsWith('.ann'))!.data as string;
      expect(ann.split('\n').filter((l) => /^[TN]/.test(l))).toEqual([
        'T1\tActor 0 16\tChung Dong-young',
        'N1\tReference T1 Parley:ent_chung\tChung Dong-young',
        'T2\tActor 36 39\t정동영',
        'N2\tReference T2 Parley:ent_chung\tChung Dong-young',
        'T3\tPolicy_body 49 52\t통일부',
        'T4\tActor 67 72\tSeoul',
        'N3\tReference T4 Wikidata:Q8684\tSeoul',
      ]);
      expect(out.value.warnings).toEqual([]);
    });

    it('round-trips entity links and the entities they name, Hangul alias included', () => {
      const out = exportBrat(linkedCorpus(), {});
      if (!out.ok) throw new Error(out.error.message);
      const back = importBrat(out.value.files, options);
      if (!back.ok) throw new Error(back.error.message);
      const annotations = back.value.corpus.documents[0]!.layers[0]!.annotations;
      expect(annotations.map((a) => [a.quote.exact, a.entityId ?? null])).toEqual([
        ['Chung Dong-young', 'ent_chung'],
        ['정동영', 'ent_chung'],
        ['통일부', null],
        ['Seoul', 'Wikidata:Q8684'],
      ]);
      expect(back.value.corpus.entities).toEqual([
        { id: 'ent_chung', name: 'Chung Dong-young', aliases: [], kind: 'actor' },
        { id: 'Wikidata:Q8684', name: 'Seoul', aliases: [], kind: 'actor' },
      ]);
      // Nothing is set aside or lost on the way.
      expect(back.value.ignored).toEqual([]);
      expect(back.value.warnings).toEqual([]);
    });

    it('makes an entity of an outside reference, named by the line or else by the span, and reads the collection’s N line', () => {
      const result = importBrat(
        [
          { path: 'n.txt', data: '정동영 met 🇺🇸 envoys in Seoul.\r\n' },
          { path: 'n.ann', data: 'T1\tActor 0 3\t정동영\nT2\tGPE 21 26\tSeoul\nN1\tReference T1 Wikidata:Q484016\tChung Dong-young\nN2\tReference T2 Wikidata:Q8684\n' },
        ],
        options,
      );
      if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
      expect(result.value.corpus.entities).toEqual([
        { id: 'Wikidata:Q484016', name: 'Chung Dong-young', aliases: [], kind: 'actor' },
        { id: 'Wikidata:Q8684', name: 'Seoul', aliases: [], kind: expect.any(String) },
      ]);
      const collection = importBrat(collectionFiles(), options);
      if (!collection.ok) throw new Error(collection.error.message);
      const seoul = collection.value.corpus.documents.find((d) => d.document.source === 'unification-memo.txt')!.layers[0]!.annotations.find((a) => a.quote.exact === 'Seoul')!;
      expect(seoul.entityId).toBe('Wikidata:Q8684');
    });

    it('refuses a reference to an undefined span and keeps the first of two references, saying so', () => {
      const bad = importBrat([{ path: 'r.txt', data: 'Seoul.' }, { path: 'r.ann', data: 'T1\tGPE 0 5\tSeoul\nN1\tReference T7 Wikidata:Q8684\tSeoul\nN2\tReference T1 Wikidata\n' }], options);
      expect(bad.ok ? [] : bad.error.problems!.map((p) => `${p.line}: ${p.message}`)).toEqual([
        '3: malformed normalization line (expected "N<n><TAB>Reference T<n> DB:ID<TAB>NAME")',
        '2: N1 refers to T7, which is not defined',
      ]);
      const twice = importBrat([{ path: 't.txt', data: 'Seoul.' }, { path: 't.ann', data: 'T1\tGPE 0 5\tSeoul\nN1\tReference T1 Wikidata:Q8684\tSeoul\nN2\tReference T1 GeoNames:1835848\tSeoul\n' }], options);
      if (!twice.ok) throw new Error(twice.error.message);
      expect(twice.value.corpus.documents[0]!.layers[0]!.annotations[0]!.entityId).toBe('Wikidata:Q8684');
      expect(twice.value.warnings.map((w) => w.message)).toEqual(['T1 has more than one reference; its entity is the first, Wikidata:Q8684, and GeoNames:1835848 is not linked']);
    });
  });
});
