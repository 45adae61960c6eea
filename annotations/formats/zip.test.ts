import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { expandZips, MAX_ZIP_ENTRY_BYTES, safeRelativePath, unzipFiles, zipFiles } from './zip';

describe('zip archives', () => {
  it('round-trips files with Hangul names', () => {
    const files = [
      { path: '통일부/memo.txt', data: 'Envoys met.' },
      { path: 'memo.ann', data: 'T1\tActor 0 6\tEnvoys\n' },
    ];
    const out = unzipFiles({ path: 'a.zip', data: zipFiles(files) });
    expect(out.ok && out.value.map((f) => f.path)).toEqual(['memo.ann', '통일부/memo.txt']);
  });

  it('refuses entries that climb out of the archive', () => {
    const evil = zipSync({ '../escape.txt': new Uint8Array([1]) });
    const out = expandZips([{ path: 'evil.zip', data: evil }]);
    expect(out.ok ? '' : out.error.problems![0]!.message).toMatch(/climbs out/);
    expect(safeRelativePath('/etc/passwd')).toBeUndefined();
    expect(safeRelativePath('a/./b')).toBe('a/b');
  });

  it('reports a file that is not a zip', () => {
    const out = unzipFiles({ path: 'x.zip', data: new Uint8Array([1, 2, 3, 4]) });
    expect(out.ok ? '' : out.error.code).toBe('invalid-format');
  });
});

/** Offsets of the central directory headers of `zip`, in order. */
function centralHeaders(zip: Uint8Array): number[] {
  const at: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) at.push(i);
  return at;
}

function setU32(zip: Uint8Array, at: number, value: number): void {
  new DataView(zip.buffer, zip.byteOffset).setUint32(at, value >>> 0, true);
}

function getU32(zip: Uint8Array, at: number): number {
  return new DataView(zip.buffer, zip.byteOffset).getUint32(at, true);
}

const TEXT = 'Seoul and Washington agreed to set up the Nuclear Consultative Group. 통일부 🇰🇷\r\n'.repeat(400);

describe('zip entries are verified', () => {
  for (const level of [0, 6] as const) {
    const method = level === 0 ? 'stored' : 'deflated';
    it(`reads ${method} entries whose sizes and checksums are true, Hangul names and empty files included`, () => {
      const zip = zipSync({ '통일부/a.txt': strToU8(TEXT), 'empty.ann': new Uint8Array(0) }, { level });
      const out = unzipFiles({ path: 'ok.zip', data: zip });
      expect(out.ok && out.value.map((f) => [f.path, f.data.length])).toEqual([
        ['empty.ann', 0],
        ['통일부/a.txt', strToU8(TEXT).length],
      ]);
    });

    it(`refuses a ${method} entry whose header declares a smaller size, instead of importing it truncated`, () => {
      const zip = zipSync({ 'a.txt': strToU8(TEXT) }, { level });
      const [header] = centralHeaders(zip);
      setU32(zip, header! + 24, getU32(zip, header! + 24) - 100);
      const out = unzipFiles({ path: 'lying.zip', data: zip });
      expect(!out.ok && out.error.code).toBe('invalid-format');
      expect(!out.ok && out.error.message).toMatch(/lying\.zip .*a\.txt/);
    });

    it(`refuses a ${method} entry whose header declares a larger size`, () => {
      const zip = zipSync({ 'a.txt': strToU8(TEXT) }, { level });
      const [header] = centralHeaders(zip);
      setU32(zip, header! + 24, getU32(zip, header! + 24) + 7);
      expect(unzipFiles({ path: 'lying.zip', data: zip })).toMatchObject({ ok: false, error: { code: 'invalid-format' } });
    });

    it(`refuses a ${method} entry whose CRC-32 does not match`, () => {
      const zip = zipSync({ 'a.txt': strToU8(TEXT), 'b.txt': strToU8('Envoys met.') }, { level });
      const [, second] = centralHeaders(zip);
      setU32(zip, second! + 16, getU32(zip, second! + 16) ^ 1);
      const out = unzipFiles({ path: 'damaged.zip', data: zip });
      expect(!out.ok && out.error.message).toMatch(/b\.txt: the CRC-32 checksum does not match/);
    });
  }

  it('refuses a bomb whose header understates its size, stopping as soon as it overflows', () => {
    // 16 MB of one byte compresses to about 16 KB; the header claims 1 KB.
    const zip = zipSync({ 'bomb.txt': new Uint8Array(16 * 1024 * 1024).fill(0x41) }, { level: 6 });
    const [header] = centralHeaders(zip);
    setU32(zip, header! + 24, 1024);
    const started = Date.now();
    const out = unzipFiles({ path: 'bomb.zip', data: zip });
    expect(!out.ok && out.error.message).toMatch(/bomb\.txt: unpacks to more than the 1024 bytes its header declares/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses an entry declared larger than the longest text before unpacking anything', () => {
    const zip = zipSync({ 'a.txt': strToU8(TEXT) });
    const [header] = centralHeaders(zip);
    setU32(zip, header! + 24, MAX_ZIP_ENTRY_BYTES + 1);
    const out = unzipFiles({ path: 'big.zip', data: zip });
    expect(!out.ok && out.error.code).toBe('too-large');
    expect(!out.ok && out.error.message).toContain('entry a.txt would unpack to');
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
