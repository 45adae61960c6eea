/** Saving the corpus charts through the handlers on a real store: the file chosen gets the bytes, bad content is refused and nothing is written. */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

async function setup() {
  const { dir, opened } = await openTestStore('Min-ji');
  const dialogs = new QueuedDialogs();
  return { api: createHandlers({ ...opened, dialogs, version: 'test', notify: () => undefined }), dialogs, dir };
}

// The 8-byte PNG signature and an IHDR chunk's start: enough for the check, which reads the signature.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).toString('base64');
const SVG = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>서울 🕊</text></svg>\n';

describe('saveChart', () => {
  it('writes an SVG as UTF-8 text, a PNG as its bytes, and a CSV matrix, to the files chosen', async () => {
    const { api, dialogs, dir } = await setup();
    const files = ['timeline.svg', 'timeline.png', 'matrix.csv'].map((f) => path.join(dir, f));
    dialogs.saves.push(...files);
    expect(value(await api.saveChart({ chart: 'timeline', format: 'svg', content: SVG }))).toEqual({ path: files[0], bytes: Buffer.byteLength(SVG) });
    expect(await readFile(files[0]!, 'utf8')).toBe(SVG);
    expect(value(await api.saveChart({ chart: 'timeline', format: 'png', content: PNG }))).toEqual({ path: files[1], bytes: 16 });
    expect([...(await readFile(files[1]!)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    value(await api.saveChart({ chart: 'matrix', format: 'csv', content: ',Working group\r\nSeoul,2\r\n' }));
    expect(await readFile(files[2]!, 'utf8')).toBe(',Working group\r\nSeoul,2\r\n');
  });

  it.each([
    ['timeline', 'csv', 'a,b\r\n', 'not exported as CSV'],
    ['timeline', 'graphml', '<?xml version="1.0"?><graphml/>', 'not exported as GRAPHML'],
    ['network', 'png', 'not base64!', 'not base64'],
    ['network', 'png', Buffer.from('GIF89a..').toString('base64'), 'PNG signature'],
    ['matrix', 'svg', '<html><svg></svg></html>', 'not one <svg> element'],
    ['matrix', 'svg', '<svg><script>alert(1)</script></svg>', 'script'],
    ['matrix', 'svg', '<svg><rect onload="alert(1)"/></svg>', 'script'],
    ['network', 'graphml', '<graph></graph>', 'XML declaration'],
    ['matrix', 'csv', 'a\u0000b', 'NUL'],
  ] as const)('refuses a %s as %s with bad content (%j), saying why, and opens no dialog', async (chart, format, content, why) => {
    const { api, dialogs, dir } = await setup();
    const target = path.join(dir, 'never.out');
    dialogs.saves.push(target);
    expect(await api.saveChart({ chart, format, content })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(why) } });
    expect(dialogs.saves).toEqual([target]);
    await expect(access(target)).rejects.toThrow();
  });

  it('takes text that only reads like an event handler, outside any tag', async () => {
    const { api, dialogs, dir } = await setup();
    const target = path.join(dir, 'quote.svg');
    dialogs.saves.push(target);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text aria-label="Seoul: “talks on=hold”">the onion= question &lt;script&gt;</text></svg>';
    expect(value(await api.saveChart({ chart: 'timeline', format: 'svg', content: svg }))).toEqual({ path: target, bytes: Buffer.byteLength(svg) });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { api } = await setup();
    expect(value(await api.saveChart({ chart: 'network', format: 'graphml', content: '<?xml version="1.0" encoding="UTF-8"?>\n<graphml></graphml>' }))).toBeNull();
  });
});
