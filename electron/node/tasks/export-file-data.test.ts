/** The file an export offers and writes, decided before the export runs. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../annotations/formats/format-table';
import { defaultLabelSchema } from '../../../annotations/labels';
import { exportFileData, exportFileName } from './export-file-data';

describe('exportFileName', () => {
  it('offers the one file a format writes by its codec’s name, and a zip for a format of several files', () => {
    const names = Object.fromEntries(FORMATS.map((f) => [f.name, exportFileName(f.name, defaultLabelSchema())]));
    expect(names).toMatchObject({ parley: 'corpus.parley.json', w3c: 'parley-w3c.zip', brat: 'parley-brat.zip', csv: 'parley-csv.zip', 'label-studio': 'parley-label-studio.zip' });
    for (const f of FORMATS) expect(names[f.name], f.name).toMatch(f.folder ? /\.zip$/ : new RegExp(`\\.(${f.extensions.join('|')})$`));
  });
});

describe('exportFileData', () => {
  it('writes a single file as it is and zips the files of a folder format, even one', () => {
    expect(exportFileData('conll', [{ path: 'corpus.conll', data: '통일부\tB-ORG\n' }])).toBe('통일부\tB-ORG\n');
    const zipped = exportFileData('w3c', [{ path: 'talks.jsonld', data: '{"exact": "🇰🇷"}\r\n' }]);
    expect(zipped).toBeInstanceOf(Uint8Array);
    expect(Object.fromEntries(Object.entries(unzipSync(zipped as Uint8Array)).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual({ 'talks.jsonld': '{"exact": "🇰🇷"}\r\n' });
  });
});
