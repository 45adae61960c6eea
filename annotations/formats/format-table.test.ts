import { describe, expect, it } from 'vitest';
import { apiInputSchemas } from '../../shared/api';
import { detectFormat } from './detect-format';
import { DETECTED_FORMAT_TITLES, FOLDER_FORMATS, FORMAT_NAMES, FORMAT_TITLES, FORMATS, formatInfo, formatsUsage, isFormatName } from './format-table';
import { codecs, getCodec } from './index';
import { sampleCorpus } from './test-fixtures/sample-corpus';

describe('the format table', () => {
  it('names each format once, and every codec has a row and every row a codec', () => {
    expect(new Set(FORMAT_NAMES).size).toBe(FORMATS.length);
    expect(Object.keys(codecs).sort()).toEqual([...FORMAT_NAMES].sort());
    for (const name of FORMAT_NAMES) expect(codecs[name].name).toBe(name);
  });

  it('gives every format a title, a detection title, extensions without dots and a usage line', () => {
    for (const f of FORMATS) {
      expect(FORMAT_TITLES[f.name]).toBe(f.title);
      expect(DETECTED_FORMAT_TITLES[f.name]).toBe(f.detectedTitle);
      expect(f.extensions.length).toBeGreaterThan(0);
      for (const ext of f.extensions) expect(ext).toMatch(/^[a-z0-9]+$/);
      expect(f.usage.length).toBeGreaterThan(20);
      expect(formatInfo(f.name)).toBe(f);
    }
  });

  it('is what the API accepts as a format, and nothing else', () => {
    const input = (format: string) => apiInputSchemas.exportToDialog.safeParse({ format }).success;
    for (const name of FORMAT_NAMES) expect(input(name), name).toBe(true);
    for (const other of ['PARLEY', 'json', 'labelstudio', 'tei', '']) expect(input(other), other).toBe(false);
  });

  it('tells format names exactly, while getCodec also takes aliases and other cases', () => {
    expect(isFormatName('label-studio')).toBe(true);
    expect(isFormatName('Label-Studio')).toBe(false);
    expect(isFormatName('constructor')).toBe(false);
    expect(getCodec('Label-Studio')?.name).toBe('label-studio');
    expect(getCodec(' prodigy ')?.name).toBe('spacy');
  });

  it('marks as folder formats exactly those whose export of two documents writes several files', () => {
    const corpus = sampleCorpus();
    expect(corpus.documents.length).toBeGreaterThan(1);
    const several = FORMAT_NAMES.filter((name) => {
      const out = codecs[name].export(corpus, { now: '2025-03-04T05:06:07.000Z' });
      if (!out.ok) throw new Error(`${name}: ${out.error.message}`);
      return out.value.files.length > 1;
    });
    expect(several).toEqual([...FOLDER_FORMATS]);
  });

  it('offers in the open dialog the extension of the annotation files each format’s own export writes', () => {
    const corpus = sampleCorpus();
    for (const name of FORMAT_NAMES) {
      const out = codecs[name].export(corpus, { now: '2025-03-04T05:06:07.000Z' });
      if (!out.ok) throw new Error(out.error.message);
      const written = out.value.files.map((f) => f.path.split('.').pop()!.toLowerCase());
      expect(written.some((ext) => ext !== 'txt' && formatInfo(name).extensions.includes(ext)), `${name} writes ${written.join(', ')}`).toBe(true);
    }
  });

  it('names in detection messages the format detection finds in each format’s own export', () => {
    const corpus = sampleCorpus();
    for (const name of FORMAT_NAMES) {
      const out = codecs[name].export(corpus, { now: '2025-03-04T05:06:07.000Z' });
      if (!out.ok) throw new Error(out.error.message);
      const guess = detectFormat(out.value.files);
      expect(guess?.format, name).toBe(name);
      expect(guess?.title).toBe(DETECTED_FORMAT_TITLES[name]);
    }
  });

  it('gives the command line every name, the folder formats in words, and one line per format', () => {
    const [summary, ...lines] = formatsUsage();
    expect(summary).toBe(`Formats: ${FORMAT_NAMES.join(', ')}. w3c, brat, label-studio and csv are written as a folder (or a .zip).`);
    expect(lines).toHaveLength(FORMATS.length);
    for (const [i, f] of FORMATS.entries()) expect(lines[i]!.trim().startsWith(`${f.name} `) && lines[i]!.endsWith(f.usage)).toBe(true);
  });
});
