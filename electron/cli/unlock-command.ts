/**
 * `parley unlock [--store DIR] [--force]`: frees a store whose lock Parley
 * cannot clear by itself (taken on another machine, or by a process it cannot
 * identify). Shows who held it. A lock held by a Parley provably running on
 * this machine is kept unless `--force`: closing that Parley is the safe way.
 */
import { describeHolder } from '../main/store/lock-owner';
import { breakLock } from '../main/store/store-lock';
import type { CliIo } from './cli-io';
import { cliStoreDir } from './store-options';

/** Exit codes: 0 freed (or already free), 3 held by a live Parley here, 1 failed. */
export async function runUnlock(argv: string[], io: CliIo): Promise<number> {
  const dir = cliStoreDir(argv);
  let broken;
  try {
    broken = await breakLock(dir, { force: argv.includes('--force') });
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
