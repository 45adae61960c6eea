/**
 * Creates or upgrades a team server's schema (`parley workspace init`), and
 * registers analysts. Runs as the database's owner: the role that owns the
 * tables and is exempt from row-level security, never an analyst's role.
 */
import type pg from 'pg';
import { fail, ok, type Result } from '../../../annotations/result';
import { MIGRATIONS, SERVER_SCHEMA_VERSION } from './migrations';

/** What `upgradeServer` did. */
export interface ServerUpgrade {
  /** Schema version before (0 for a new workspace). */
  from: number;
  /** Schema version now. */
  to: number;
  /** The workspace's group role: analysts are made its members. */
  memberRole: string;
}

/** The kinds of analyst a workspace knows: an adjudicator also owns the reconciled layer; a schema owner also owns the label schema. */
export type AnalystKind = 'analyst' | 'adjudicator' | 'schema-owner';

/** Id of the reconciled layer on the server. */
export const SERVER_RECONCILED_LAYER = 'reconciled';

/** Serialises schema changes between concurrent `init`s. */
const MIGRATION_LOCK = 18_001;

/** The group role of the workspace in the connected database: `parley_<database>`. */
function memberRoleFor(database: string): string {
  return `parley_${database}`.slice(0, 63);
}

/**
 * Applies every migration the server lacks, each in its own transaction,
 * recording it in `parley.schema_migrations`. Safe to run again (nothing to
 * do) and concurrently (an advisory lock serialises runs). Fails with
 * `conflict` when the server was set up by a newer Parley, `forbidden` when
 * the role may not create the schema, `io-error` when the server fails.
 */
export async function upgradeServer(client: pg.ClientBase): Promise<Result<ServerUpgrade>> {
  try {
    const db = await client.query<{ db: string }>('SELECT current_database() AS db');
    const memberRole = memberRoleFor(db.rows[0]!.db);
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS parley');
    await client.query('CREATE TABLE IF NOT EXISTS parley.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    await client.query('COMMIT');
    const current = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM parley.schema_migrations');
    const from = current.rows[0]?.v ?? 0;
    if (from > SERVER_SCHEMA_VERSION) {
      return fail('conflict', `the server's workspace schema is version ${from}, newer than this Parley knows (${SERVER_SCHEMA_VERSION}); update Parley`);
    }
    const names = { member: client.escapeIdentifier(memberRole), memberLiteral: client.escapeLiteral(memberRole) };
    for (const migration of MIGRATIONS) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        const done = await client.query('SELECT 1 FROM parley.schema_migrations WHERE version = $1', [migration.version]);
        if (done.rowCount === 0) {
          await client.query(migration.sql(names));
          await client.query('INSERT INTO parley.schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
    }
    return ok({ from, to: SERVER_SCHEMA_VERSION, memberRole });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    return fail(isPermissionError(error) ? 'forbidden' : 'io-error', `could not set up the workspace schema: ${(error as Error).message}`);
  }
}

/** The schema version of the connected server's workspace (0 when it has none). */
export async function serverSchemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('parley.schema_migrations')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const current = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM parley.schema_migrations');
  return current.rows[0]?.v ?? 0;
}

/** An analyst to register. */
export interface AnalystEntry {
  /** Their database role (must exist and be able to log in). */
  role: string;
  /** How colleagues see them (the author of their layer). */
  displayName: string;
  kind: AnalystKind;
}

/**
 * Registers an existing login role as an analyst of the workspace: grants it
 * the workspace's group role, gives it its own layer (id = role name), and
 * for an adjudicator the reconciled layer, for a schema owner the label
 * schema. Runs as the database owner. Fails with `not-found` when the role
 * does not exist, `invalid-input` on an empty display name.
 */
export async function addAnalyst(client: pg.ClientBase, entry: AnalystEntry): Promise<Result<void>> {
  if (!entry.displayName.trim()) return fail('invalid-input', 'an analyst needs a display name');
  if (entry.role === SERVER_RECONCILED_LAYER) return fail('invalid-input', `"${SERVER_RECONCILED_LAYER}" is the reconciled layer's id and cannot be a role`);
  try {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [entry.role]);
    if (role.rowCount === 0) return fail('not-found', `there is no database role "${entry.role}"; create it first (CREATE ROLE ... LOGIN PASSWORD ...)`);
    const ws = await client.query<{ member_role: string }>('SELECT member_role FROM parley.workspace');
    const member = ws.rows[0]?.member_role;
    if (!member) return fail('not-found', 'this database has no Parley workspace; run `parley workspace init` first');
    await client.query('BEGIN');
    await client.query(`GRANT ${client.escapeIdentifier(member)} TO ${client.escapeIdentifier(entry.role)}`);
    await client.query(
      'INSERT INTO parley.analysts (role, display_name, kind) VALUES ($1, $2, $3) ON CONFLICT (role) DO UPDATE SET display_name = EXCLUDED.display_name, kind = EXCLUDED.kind',
      [entry.role, entry.displayName.trim(), entry.kind],
    );
    await client.query("INSERT INTO parley.layers (id, owner, kind) VALUES ($1::text, $1::name, 'analyst') ON CONFLICT (id) DO NOTHING", [entry.role]);
    if (entry.kind === 'adjudicator') {
      await client.query("INSERT INTO parley.layers (id, owner, kind) VALUES ($1, $2, 'reconciled') ON CONFLICT (id) DO UPDATE SET owner = EXCLUDED.owner", [SERVER_RECONCILED_LAYER, entry.role]);
    }
    if (entry.kind === 'schema-owner') await client.query('UPDATE parley.label_schema SET owner = $1', [entry.role]);
    await client.query('COMMIT');
    return ok(undefined);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    return fail(isPermissionError(error) ? 'forbidden' : 'io-error', `could not add analyst ${entry.role}: ${(error as Error).message}`);
  }
}

/** True for PostgreSQL's "insufficient privilege" errors (SQLSTATE class 42501) and RLS refusals. */
export function isPermissionError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42501';
}
