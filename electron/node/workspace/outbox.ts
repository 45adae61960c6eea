/**
 * The outgoing queue: operations made on this store and not yet acknowledged
 * by the team server, kept in `workspace-outbox.jsonl` in the store folder,
 * one JSON operation a line. New operations are appended and fsynced
 * (appends made while a write is running go out together in the next one);
 * acknowledged ones are dropped by rewriting the file durably (temporary
 * file, fsync, rename, folder fsync). A crash can leave at most a torn last
 * line, which is dropped when the queue is read again: its change is still
 * in the store, and the next sync's check of the layer against the server
 * sends it again.
 */
import { copyFile, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../store/durable-file-adapter';
import { workspaceOperationSchema, type WorkspaceOperation } from './workspace-operation';
import { appendAll } from '../../../annotations/append-all';

/** Name of the queue file in the store folder. */
export const OUTBOX_FILE = 'workspace-outbox.jsonl';

/** A queue read back, with what could not be read. */
export interface OpenedOutbox {
  outbox: Outbox;
  /** Lines that were not operations (a damaged file is first copied aside, so nothing is lost). */
  problems: string[];
}

/** The persisted queue of operations waiting for the server. */
export class Outbox {
  private ops: WorkspaceOperation[];
  private unwritten: WorkspaceOperation[] = [];
  private rewrite: boolean;
  private scheduled: Promise<void> | null = null;
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    ops: WorkspaceOperation[],
    rewrite: boolean,
  ) {
    this.ops = ops;
    this.rewrite = rewrite;
  }

  /** Reads the queue of the store in `storeDir` (empty when there is none). */
  static async open(storeDir: string): Promise<OpenedOutbox> {
    const file = path.join(storeDir, OUTBOX_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { outbox: new Outbox(file, [], true), problems: [] };
      throw error;
    }
    const lines = text.split('\n');
    const problems: string[] = [];
    const ops: WorkspaceOperation[] = [];
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const torn = i === lines.length - 1; // no newline after it: the write was cut short
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        problems.push(torn ? `line ${i + 1} was cut short by a crash and is dropped` : `line ${i + 1} is not JSON`);
        return;
      }
      const checked = workspaceOperationSchema.safeParse(parsed);
      if (!checked.success) {
        problems.push(`line ${i + 1} is not an operation: ${checked.error.issues[0]?.message ?? 'wrong shape'}`);
        return;
      }
      if (seen.has(checked.data.id)) return;
      seen.add(checked.data.id);
      ops.push(checked.data);
    });
    if (problems.length > 0) await copyFile(file, `${file}.damaged-${Date.now()}`);
    // A file with problems is rewritten (without them) at the next write.
    return { outbox: new Outbox(file, ops, problems.length > 0), problems };
  }

  /** The operations waiting, oldest first. */
  pending(): readonly WorkspaceOperation[] {
    return this.ops;
  }

  /** Adds operations at the end; resolves once they are on disk. */
  append(ops: readonly WorkspaceOperation[]): Promise<void> {
    if (ops.length === 0) return this.idle();
    appendAll(this.ops, ops);
    appendAll(this.unwritten, ops);
    return this.schedule();
  }

  /** Drops the operations the server acknowledged; resolves once the file no longer holds them. */
  acknowledge(ids: ReadonlySet<string>): Promise<void> {
    if (ids.size === 0) return this.idle();
    this.ops = this.ops.filter((o) => !ids.has(o.id));
    this.unwritten = [];
    this.rewrite = true;
    return this.schedule();
  }

  /** Resolves when every write asked for so far has finished (or failed). */
  idle(): Promise<void> {
    return this.chain;
  }

  private schedule(): Promise<void> {
    if (!this.scheduled) {
      const next = this.chain.then(() => {
        this.scheduled = null;
        return this.writeNow();
      });
      this.scheduled = next;
      this.chain = next.catch(() => undefined);
    }
    return this.scheduled;
  }

  private async writeNow(): Promise<void> {
    if (this.rewrite) {
      this.rewrite = false;
      this.unwritten = [];
      try {
        await writeFileDurably(this.file, this.ops.map((o) => `${JSON.stringify(o)}\n`).join(''));
      } catch (error) {
        this.rewrite = true;
        throw error;
      }
      return;
    }
    const lines = this.unwritten;
    this.unwritten = [];
    if (lines.length === 0) return;
    try {
      const handle = await open(this.file, 'a');
      try {
        await handle.writeFile(lines.map((o) => `${JSON.stringify(o)}\n`).join(''));
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      // What reached the file is unknown: write the whole queue next time.
      this.rewrite = true;
      throw error;
    }
  }
}
