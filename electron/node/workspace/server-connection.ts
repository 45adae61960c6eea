/**
 * Opens a connection to a team server with node-postgres. The address is a
 * PostgreSQL URL (`postgresql://host:5432/workspace?sslmode=require`): its
 * `sslmode` is honoured as node-postgres reads it (`require`, `verify-ca`,
 * `verify-full` all encrypt and check the server's certificate; `disable`
 * sends in clear). The password comes from the caller (the app's keychain),
 * else the URL, else node-postgres's own sources: `PGPASSWORD`, then
 * `~/.pgpass`. It is never written to the store's files.
 */
import pg from 'pg';
import { fail, ok, type Result } from '../../../annotations/result';

/** How to reach the server. */
export interface ServerAddress {
  /** postgresql:// URL, with or without user and password. */
  server: string;
  /** Log in as this role (overrides the URL's user). */
  role?: string;
  /** The password, when the caller holds it (the app's keychain). */
  password?: string;
  /** Give up connecting after this long (ms). Default 5000. */
  connectTimeoutMs?: number;
  /** Give up on a query after this long (ms). Default 60000. */
  queryTimeoutMs?: number;
}

/** A connected client; errors after connecting (the server going away) are reported by the next query, never thrown out of an event. */
export async function openServerConnection(address: ServerAddress): Promise<Result<pg.Client>> {
  let url: URL;
  try {
    url = new URL(address.server);
  } catch {
    return fail('invalid-input', `"${address.server}" is not a server address (postgresql://host:port/database)`);
  }
  if (address.role) url.username = encodeURIComponent(address.role);
  if (address.password !== undefined) url.password = encodeURIComponent(address.password);
  const client = new pg.Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: address.connectTimeoutMs ?? 5000,
    query_timeout: address.queryTimeoutMs ?? 60_000,
    application_name: 'parley',
    // Parley's queries touch few rows each: compiling them (JIT) would cost more than running them.
    options: '-c jit=off',
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    return fail('io-error', `cannot reach the team server ${shownAddress(address.server)}: ${(error as Error).message}`);
  }
  return ok(client);
}

/** The address without its password, for messages. */
export function shownAddress(server: string): string {
  try {
    const url = new URL(server);
    url.password = '';
    return url.toString();
  } catch {
    return server;
  }
}
