import { describe, expect, it } from 'vitest';
import { FileNamer } from './files';
import { MAX_NAME_BYTES, portableName, portableStem } from './portable-path';

describe('portableName', () => {
  const kept = ['talks', 'Talks in Seoul', '통일부 보도자료', 'émission-2024', '🇰🇷 flags', 'a.b.c', 'CONFERENCE', 'console', 'COM10', 'nullable', 'LPT'];
  for (const name of kept) {
    it(`keeps ${JSON.stringify(name)} as it is`, () => {
      expect(portableName(name)).toBe(name);
    });
  }

  const replaced: Array<[string, string]> = [
    ['a<b>c', 'a_b_c'],
    ['why?', 'why_'],
    ['x:y', 'x_y'],
    ['"quoted"', '_quoted_'],
    ['pipe|star*', 'pipe_star_'],
    ['tab\there', 'tab_here'],
    ['nul\u0000byte', 'nul_byte'],
    ['ends with dot.', 'ends with dot_'],
    ['ends with space ', 'ends with space_'],
    ['..', '__'],
    ['.', '_'],
    ['', '_'],
  ];
  for (const [name, expected] of replaced) {
    it(`makes ${JSON.stringify(name)} safe as ${JSON.stringify(expected)}`, () => {
      expect(portableName(name)).toBe(expected);
    });
  }

  const reserved = ['CON', 'con', 'PRN', 'AUX', 'NUL', 'nul', 'COM1', 'com9', 'LPT1', 'LPT9', 'COM¹'];
  for (const name of reserved) {
    it(`makes the Windows device name ${name} ordinary, with or without extensions`, () => {
      expect(portableName(name)).toBe(`${name}_`);
      expect(portableName(`${name}.txt`)).toBe(`${name}_.txt`);
      expect(portableName(`${name}.tar.gz`)).toBe(`${name}_.tar.gz`);
    });
  }

  it('shortens a very long name by whole characters to the byte limit', () => {
    const long = '통'.repeat(200);
    const safe = portableName(long);
    expect(new TextEncoder().encode(safe).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(safe).toBe('통'.repeat(Math.floor(MAX_NAME_BYTES / 3)));
    expect(portableName('🇰'.repeat(100))).toBe('🇰'.repeat(MAX_NAME_BYTES / 4));
  });
});

describe('portableStem', () => {
  it('keeps sub-folders and drops the last extension', () => {
    expect(portableStem('news/2024/talks.txt')).toBe('news/2024/talks');
    expect(portableStem('news\\2024\\talks.v2.txt')).toBe('news/2024/talks.v2');
    expect(portableStem('.hidden')).toBe('.hidden');
  });

  it('never leaves the export folder', () => {
    expect(portableStem('../../etc/passwd.txt')).toBe('__/__/etc/passwd');
    expect(portableStem('/abs/./x.txt')).toBe('abs/x');
    expect(portableStem('C:\\docs\\a.txt')).toBe('C_/docs/a');
    expect(portableStem('//')).toBeUndefined();
  });

  it('makes each folder name safe, reserved names included', () => {
    expect(portableStem('aux/con.txt')).toBe('aux_/con_');
    expect(portableStem('what?/who*.txt')).toBe('what_/who_');
  });
});

describe('FileNamer.stemFor', () => {
  it('uses the original path when known, the title otherwise', () => {
    const namer = new FileNamer();
    expect(namer.stemFor({ title: 'Talks', originalPath: 'news/Talks.txt' })).toBe('news/Talks');
    expect(namer.stemFor({ title: 'Talks in Seoul' })).toBe('talks-in-seoul');
  });

  it('tells apart names that differ only in case or by a replaced character', () => {
    const namer = new FileNamer();
    const stems = ['news/Talks.txt', 'news/talks.txt', 'news/TALKS.md', 'news/a?.txt', 'news/a_.txt'].map((p) => namer.stemFor({ title: 'x', originalPath: p }));
    expect(stems).toEqual(['news/Talks', 'news/talks-2', 'news/TALKS-3', 'news/a_', 'news/a_-2']);
  });
});
