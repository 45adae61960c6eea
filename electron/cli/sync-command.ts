/**
 * `parley sync [--store DIR]`: pushes the store's queued changes to its team
 * workspace, then pulls colleagues' work, and prints the counts. The store
 * must be linked first (`parley workspace connect`).
 */
import os from 'node:os';
import { openAppStore } from '../node/open-app-store';
import { TeamWorkspace } from '../node/workspace/team-workspace';
import type { CliIo } from './cli-io';
import type { CliArgs, CliCommand } from './command-line';
import { STORE_OPTION, storeDirOf } from './store-options';

/** The `sync` command. */
export const syncCommand: CliCommand = {
  name: 'sync',
  summary: "Send the store's changes to its team workspace and fetch colleagues' layers, decisions, documents and labels.",
  synopsis: ['[--store DIR]'],
  options: { store: STORE_OPTION },
  positionals: { max: 0, name: 'arguments besides the options' },
  notes: [
    'The password comes from PGPASSWORD or ~/.pgpass. Changes that could not be sent stay queued in the store for the next sync.',
    'Exit status: 0 synced; 1 the server could not be reached or failed (nothing is lost); 2 usage error, or the store is not linked to a workspace; 3 the store is open in another Parley.',
  ],
  run: runSync,
};

async function runSync(args: CliArgs, io: CliIo): Promise<number> {
  const dir = storeDirOf(args.text('store'));
  const opened = await openAppStore(dir, os.userInfo().username, { seedSamples: false });
  if (!opened.ok) {
    io.err(`parley sync: ${opened.error.message}`);
    return opened.error.code === 'store-locked' ? 3 : 1;
  }
  const { store, settings } = opened.value;
  try {
    const attached = await TeamWorkspace.attach(store, { author: settings.author(), onWarning: (m) => io.err(`parley sync: ${m}`) });
    if (!attached.ok) {
      io.err(`parley sync: ${attached.error.message}`);
      return 1;
    }
    const workspace = attached.value;
    if (!workspace) {
      io.err(`parley sync: ${dir} is not linked to a team workspace; link it with \`parley workspace connect --server URL --as ROLE --store ${dir}\``);
      return 2;
    }
    try {
      const synced = await workspace.sync();
      if (!synced.ok) {
        io.err(`parley sync: ${synced.error.message}; ${workspace.pending().length} change(s) stay queued`);
        return 1;
      }
      const r = synced.value;
      io.out(
        `sent ${r.sent} change(s), received ${r.received}; documents shared ${r.documentsShared}, added ${r.documentsAdded}; layers updated ${r.layersUpdated}${r.layersRepaired > 0 ? `, resent whole ${r.layersRepaired}` : ''}${r.labelsVersion !== null ? `; label schema version ${r.labelsVersion}` : ''}`,
      );
      for (const note of r.notes) io.out(`note: ${note}`);
      return 0;
    } finally {
      await workspace.detach();
    }
  } finally {
    await store.close();
  }
}
