/**
 * `parley workspace init|add-analyst|connect`: sets up a team server and
 * links a store to it. The password is never an option: it comes from the
 * URL, `PGPASSWORD` or `~/.pgpass`, as for PostgreSQL's own tools.
 */
import os from 'node:os';
import { openAppStore } from '../node/open-app-store';
import { addAnalyst, upgradeServer, type AnalystKind } from '../node/workspace/server-schema';
import { openServerConnection, shownAddress } from '../node/workspace/server-connection';
import { connectWorkspace } from '../node/workspace/team-workspace';
import type { CliIo } from './cli-io';
import type { CliArgs, CliCommand } from './command-line';
import { STORE_OPTION, storeDirOf } from './store-options';

const KINDS: readonly AnalystKind[] = ['analyst', 'adjudicator', 'schema-owner'];

/** The `workspace` command. */
export const workspaceCommand: CliCommand = {
  name: 'workspace',
  summary: 'Set up a team workspace on a PostgreSQL server, register analysts, and link a store to it.',
  synopsis: ['init --server URL', 'add-analyst --server URL --role ROLE --name NAME [--kind KIND]', 'connect --server URL --as ROLE [--store DIR]'],
  options: {
    server: { type: 'string', value: 'URL', help: 'the workspace database: postgresql://[user@]host[:port]/database[?sslmode=require]' },
    as: { type: 'string', value: 'ROLE', help: 'connect: your own database role' },
    role: { type: 'string', value: 'ROLE', help: 'add-analyst: the (existing) login role to register' },
    name: { type: 'string', value: 'NAME', help: 'add-analyst: how colleagues see them' },
    kind: { type: 'string', value: 'KIND', help: `add-analyst: ${KINDS.join(', ')} (default analyst)` },
    store: STORE_OPTION,
  },
  positionals: { min: 1, max: 1, name: 'action (init, add-analyst or connect)' },
  notes: [
    'init and add-analyst run as the database owner; connect as the analyst. The password comes from the URL, PGPASSWORD or ~/.pgpass, never from an option, and is not kept in the store.',
    'Exit status: 0 done; 1 the server failed or refused; 2 usage error; 3 the store is open in another Parley.',
  ],
  run: runWorkspace,
};

async function runWorkspace(args: CliArgs, io: CliIo): Promise<number> {
  const action = args.positionals[0];
  const server = args.text('server');
  const usage = (message: string) => {
    io.err(`parley workspace: ${message}`);
    return 2;
  };
  if (action !== 'init' && action !== 'add-analyst' && action !== 'connect') return usage(`unknown action "${action}" (init, add-analyst or connect)`);
  if (!server) return usage(`${action} needs --server URL`);
  if (action === 'connect') {
    const role = args.text('as');
    if (!role) return usage('connect needs --as ROLE (your database role)');
    const dir = storeDirOf(args.text('store'));
    // The store must not be open elsewhere while its link is written: take it for the moment.
    const opened = await openAppStore(dir, os.userInfo().username, { seedSamples: false });
    if (!opened.ok) {
      io.err(`parley workspace: ${opened.error.message}`);
      return opened.error.code === 'store-locked' ? 3 : 1;
    }
    try {
      const linked = await connectWorkspace(dir, { server, role });
      if (!linked.ok) {
        io.err(`parley workspace: ${linked.error.message}`);
        return 1;
      }
      io.out(`${dir} is linked to ${linked.value.server} as ${linked.value.displayName} (${linked.value.kind}); run \`parley sync --store ${dir}\` to share and fetch work`);
      return 0;
    } finally {
      await opened.value.store.close();
    }
  }
  const connection = await openServerConnection({ server });
  if (!connection.ok) {
    io.err(`parley workspace: ${connection.error.message}`);
    return 1;
  }
  const client = connection.value;
  try {
    if (action === 'init') {
      const upgraded = await upgradeServer(client);
      if (!upgraded.ok) {
        io.err(`parley workspace: ${upgraded.error.message}`);
        return 1;
      }
      const { from, to, memberRole } = upgraded.value;
      io.out(from === to ? `${shownAddress(server)}: workspace schema version ${to}, up to date` : `${shownAddress(server)}: workspace schema version ${to} (was ${from}); analysts are members of role ${memberRole}`);
      return 0;
    }
    const role = args.text('role');
    const name = args.text('name');
    const kind = (args.text('kind') ?? 'analyst') as AnalystKind;
    if (!role || !name) return usage('add-analyst needs --role ROLE and --name NAME');
    if (!KINDS.includes(kind)) return usage(`--kind must be one of ${KINDS.join(', ')}`);
    const added = await addAnalyst(client, { role, displayName: name, kind });
    if (!added.ok) {
      io.err(`parley workspace: ${added.error.message}`);
      return 1;
    }
    io.out(`${role} is an analyst of the workspace as ${name} (${kind})`);
    return 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}
