import { randomUUID } from 'node:crypto';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../store/test-support/store-fixtures';
import { Outbox, OUTBOX_FILE } from './outbox';
import type { WorkspaceOperation } from './workspace-operation';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('parley-outbox-');
});
afterEach(async () => {
  await removeTempDir(dir);
});

/** A status operation with a quote-like text in it, so lines hold Hangul, emoji and CRLF. */
function op(n: number): WorkspaceOperation {
  return { id: randomUUID(), at: `2026-12-01T00:00:${String(n).padStart(2, '0')}Z`, kind: 'status', layerId: `통일부 🗳️\r\n${n}`, documentId: `doc-${n}`, payload: { status: 'done' } };
}

async function reopen() {
  return Outbox.open(dir);
}

describe('the outgoing queue', () => {
  it('keeps appended operations in order across a reopen, appends made during a write included', async () => {
    const { outbox } = await reopen();
    const ops = [op(1), op(2), op(3), op(4)];
    const first = outbox.append([ops[0]!]);
    const second = outbox.append([ops[1]!, ops[2]!]);
    await Promise.all([first, second, outbox.append([ops[3]!])]);
    const again = await reopen();
    expect(again.problems).toEqual([]);
    expect(again.outbox.pending()).toEqual(ops);
  });

  it('drops acknowledged operations on disk, keeping those appended while the file was rewritten', async () => {
    const { outbox } = await reopen();
    const ops = [op(1), op(2), op(3)];
    await outbox.append(ops);
    const late = op(4);
    await Promise.all([outbox.acknowledge(new Set([ops[0]!.id, ops[2]!.id])), outbox.append([late])]);
    expect(outbox.pending()).toEqual([ops[1], late]);
    expect((await reopen()).outbox.pending()).toEqual([ops[1], late]);
  });

  it('drops a last line cut short by a crash and says so; the lines before it stay', async () => {
    const { outbox } = await reopen();
    const ops = [op(1), op(2)];
    await outbox.append(ops);
    await appendFile(path.join(dir, OUTBOX_FILE), JSON.stringify(op(3)).slice(0, 40));
    const again = await reopen();
    expect(again.outbox.pending()).toEqual(ops);
    expect(again.problems).toEqual(['line 3 was cut short by a crash and is dropped']);
  });

  it('keeps a copy of a damaged queue, reads the operations it can, and rewrites it clean at the next write', async () => {
    const good = [op(1), op(2)];
    const damaged = `${JSON.stringify(good[0])}\nnot json\n${JSON.stringify({ id: 'x', kind: 'change' })}\n${JSON.stringify(good[1])}\n${JSON.stringify(good[0])}\n`;
    await writeFile(path.join(dir, OUTBOX_FILE), damaged);
    const again = await reopen();
    expect(again.outbox.pending()).toEqual(good);
    expect(again.problems).toHaveLength(2);
    expect(again.problems[0]).toBe('line 2 is not JSON');
    expect(again.problems[1]).toMatch(/^line 3 is not an operation/);
    const copies = (await readdir(dir)).filter((f) => f.startsWith(`${OUTBOX_FILE}.damaged-`));
    expect(copies).toHaveLength(1);
    expect(await readFile(path.join(dir, copies[0]!), 'utf8')).toBe(damaged);
    const later = op(3);
    await again.outbox.append([later]);
    const text = await readFile(path.join(dir, OUTBOX_FILE), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([...good, later]);
  });

  it('reads a missing queue as empty', async () => {
    expect(await reopen()).toMatchObject({ problems: [] });
    expect((await reopen()).outbox.pending()).toEqual([]);
  });
});
