/**
 * `parley unlock [--store DIR] [--force]`: frees a store whose lock Parley
 * cannot clear by itself (taken on another machine, or by a process it cannot
 * identify), after showing who held it. A lock whose holder is, or may be,
 * running on this machine is kept unless `--force`: closing that program is
 * the safe way. Locks that provably belong to no live Parley (a crash, a
 * reused pid, a restart) never need this: the next open takes them over.
 */
import { describeHolder } from '../node/store/lock-owner';
import { breakLock } from '../node/store/store-lock';
import type { CliIo } from './cli-io';
import { runCommand, type CliArgs, type CliCommand } from './command-line';
import { STORE_OPTION, storeDirOf } from './store-options';

/** The `unlock` command. */
export const unlockCommand: CliCommand = {
  name: 'unlock',
  summary: 'Free a store whose lock is held by a program Parley cannot check (another machine, an unknown process).',
  synopsis: ['[--store DIR] [--force]'],
  options: {
    store: STORE_OPTION,
    force: { type: 'boolean', help: 'remove the lock even though its holder is, or may be, running on this machine' },
  },
  positionals: { max: 0, name: 'arguments besides the options' },
  notes: ['Exit status: 0 when the store is free; 1 when the lock could not be removed; 2 on a usage error; 3 when the holder is, or may be, running on this machine (close it, or use --force).'],
  run: unlockStore,
};

/** Runs `parley unlock` on a command line; resolves with the exit code. */
export function runUnlock(argv: string[], io: CliIo): Promise<number> {
  return runCommand(unlockCommand, argv, io);
}

async function unlockStore(args: CliArgs, io: CliIo): Promise<number> {
  const dir = storeDirOf(args.text('store'));
  let broken;
  try {
    broken = await breakLock(dir, { force: args.flag('force') });
  } catch (error) {
    io.err(`parley unlock: could not read the lock of ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (!broken.ok) {
    io.err(`parley unlock: ${broken.error.message}`);
    return broken.error.code === 'store-locked' ? 3 : 1;
  }
  const what = broken.value;
  if (what.removed === 'nothing') io.out(`${dir} is not locked`);
  else if (what.removed === 'unreadable') io.out(`removed an unreadable lock file from ${dir}`);
  else io.out(`removed the lock of ${describeHolder(what.info)} from ${dir}${what.verdict.state === 'live' ? ' (forced)' : ''}`);
  return 0;
}
