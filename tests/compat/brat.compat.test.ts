import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBrat, readBratConfig } from '../../annotations/formats/brat';
import type { FormatFile } from '../../annotations/formats/format';
import { zipFiles } from '../../annotations/formats/zip';
import { defaultLabelSchema } from '../../annotations/labels';
import { publicFixtures } from './public-fixtures';

const NEWS = publicFixtures('brat-news');
const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };

function newsFiles(): FormatFile[] {
  return readdirSync(NEWS)
    .filter((f) => !f.endsWith('.md'))
    .map((f) => ({ path: f, data: new Uint8Array(readFileSync(path.join(NEWS, f))) }));
}

describe("brat's tutorial collection", () => {
  it('imports the brat tutorial collection with every text-bound annotation in place', () => {
    const result = importBrat(newsFiles(), options);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems, null, 1));
    let expected = 0;
    for (const f of readdirSync(NEWS).filter((x) => x.endsWith('.ann'))) {
      const text = readFileSync(path.join(NEWS, f.replace(/\.ann$/, '.txt')), 'utf8');
      const doc = result.value.corpus.documents.find((d) => d.document.source === f.replace(/\.ann$/, '.txt'))!;
      const cps = [...text];
      for (const line of readFileSync(path.join(NEWS, f), 'utf8').split('\n').filter((l) => l.startsWith('T'))) {
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
    expect(expected).toBe(119);
  });

  it('counts the line types it sets aside and keeps notes on text-bound annotations', () => {
    const result = importBrat(newsFiles(), options);
    if (!result.ok) throw new Error(result.error.message);
    const ignored = Object.fromEntries(result.value.ignored.map((i) => [i.kind, i.count]));
    expect(ignored).toMatchObject({ 'equivalences (*)': 2 });
    // The normalization N1 (T5 → Wikipedia:64488) is an entity link now, its entity named by the line.
    const linked = result.value.corpus.documents.flatMap((d) => d.layers[0]?.annotations ?? []).filter((a) => a.entityId !== undefined);
    expect(linked.map((a) => [a.quote.exact, a.entityId])).toEqual([['former Mexican president', 'Wikipedia:64488']]);
    expect(result.value.corpus.entities).toEqual([{ id: 'Wikipedia:64488', name: 'Carlos Salinas de Gortari', aliases: [], kind: linked[0]!.labelId }]);
    // Relations and events' arguments become relations, attribute lines attributes: as many as the files hold.
    const lines = readdirSync(NEWS)
      .filter((x) => x.endsWith('.ann'))
      .flatMap((f) => readFileSync(path.join(NEWS, f), 'utf8').split('\n'));
    const expectedRelations = lines.filter((l) => l.startsWith('R')).length + lines.filter((l) => l.startsWith('E')).reduce((n, l) => n + l.split('\t')[1]!.trim().split(' ').length - 1, 0);
    const layers = result.value.corpus.documents.flatMap((d) => d.layers);
    expect(layers.reduce((n, l) => n + (l.relations?.length ?? 0), 0)).toBe(expectedRelations);
    expect(layers.flatMap((l) => l.annotations).reduce((n, a) => n + Object.keys(a.attributes ?? {}).length, 0)).toBe(lines.filter((l) => l.startsWith('A')).length);
    const notes = result.value.corpus.documents.flatMap((d) => d.layers[0]?.annotations ?? []).filter((a) => a.note);
    expect(notes.map((a) => [a.quote.exact, a.note])).toContainEqual(['Discworld', 'Should fictional places be annotated?']);
  });

  it('reads labels, colours and shortcuts from the configuration files', () => {
    const labels = readBratConfig(
      readFileSync(path.join(NEWS, 'annotation.conf'), 'utf8'),
      readFileSync(path.join(NEWS, 'visual.conf'), 'utf8'),
      readFileSync(path.join(NEWS, 'kb_shortcuts.conf'), 'utf8'),
    );
    expect(labels.map((l) => l.id)).toEqual(['Person', 'Organization', 'GPE', 'Money']);
    expect(labels.find((l) => l.id === 'GPE')!.shortcut).toBe('G');
  });

  it('imports the same collection from a zip', () => {
    const zipped = importBrat([{ path: 'news.zip', data: zipFiles(newsFiles()) }], options);
    const folder = importBrat(newsFiles(), options);
    expect(zipped.ok && folder.ok).toBe(true);
    if (zipped.ok && folder.ok) expect(zipped.value.corpus.documents.map((d) => d.layers[0]?.annotations.length)).toEqual(folder.value.corpus.documents.map((d) => d.layers[0]?.annotations.length));
  });
});
