/**
 * A real PostgreSQL for the workspace tests, from Debian's packages: `initdb`
 * in a temporary folder, a free local port, the unix socket in that folder.
 * Passwords are checked (scram-sha-256) over TCP like on a team server. Run as
 * root, the server runs as the `postgres` system user (PostgreSQL refuses
 * root). When PostgreSQL is not installed this throws one clear line: the
 * tests fail, they are never skipped.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The database superuser of the test cluster and its password. */
export const ADMIN_ROLE = 'parley_admin';
export const ADMIN_PASSWORD = 'admin-secret';

/** A running test cluster. */
export interface TestPostgres {
  port: number;
  /** Connection URL for `role` to `database`. */
  url(role: string, password: string, database: string): string;
  /** The superuser's URL to `database`. */
  adminUrl(database: string): string;
  /** Creates an empty database owned by the superuser. */
  createDatabase(name: string): Promise<void>;
  /** Creates a login role with a password. */
  createRole(name: string, password: string): Promise<void>;
  /** Stops the server (`immediate` is a crash: no checkpoint, clients cut off). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
}

const hasServerPrograms = (dir: string) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));

/** The folder of the newest installed PostgreSQL's programs (Debian's `/usr/lib/postgresql/N/bin`, else the first on PATH), or null. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => hasServerPrograms(path.join(base, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin');
  }
  return (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir !== '' && hasServerPrograms(dir)) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Starts a fresh cluster. Throws one line naming what is missing when PostgreSQL is not installed. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error('PostgreSQL is not installed: the workspace tests need its server programs under /usr/lib/postgresql/*/bin (Debian: apt-get install -y postgresql)');
  }
  const asRoot = process.getuid?.() === 0;
  const systemUser = asRoot ? 'postgres' : os.userInfo().username;
  if (asRoot && spawnSync('id', ['-u', systemUser]).status !== 0) {
    throw new Error('PostgreSQL refuses to run as root and there is no `postgres` system user to run it as (Debian: apt-get install -y postgresql creates it)');
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pwfile');
  await writeFile(pwfile, `${ADMIN_PASSWORD}\n`);
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', systemUser], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', systemUser], { encoding: 'utf8' }).stdout.trim());
    await chown(dir, uid, gid);
    await chown(pwfile, uid, gid);
  }
  await chmod(dir, 0o700);
  const as = (program: string, args: string[]) => (asRoot ? run('runuser', ['-u', systemUser, '--', path.join(bin, program), ...args]) : run(path.join(bin, program), args));
  await as('initdb', ['-D', data, '-U', ADMIN_ROLE, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60`;
  const start = async () => {
    await as('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await as('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  };
  await start();
  const adminUrl = (database: string) => `postgresql://${ADMIN_ROLE}:${encodeURIComponent(ADMIN_PASSWORD)}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(body: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl('postgres') });
    await client.connect();
    try {
      return await body(client);
    } finally {
      await client.end();
    }
  };
  let disposed = false;
  return {
    port,
    url: (role, password, database) => `postgresql://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    adminUrl,
    createDatabase: (name) => admin(async (c) => void (await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`))),
    createRole: (name, password) => admin(async (c) => void (await c.query(`CREATE ROLE ${c.escapeIdentifier(name)} LOGIN PASSWORD ${c.escapeLiteral(password)}`))),
    stop,
    start,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await stop('immediate').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
