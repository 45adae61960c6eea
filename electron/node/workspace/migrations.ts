/**
 * The team server's schema, as versioned migrations. Each one runs once, in a
 * transaction of its own, and is recorded in `parley.schema_migrations`
 * (see `server-schema.ts`). Never edit a migration that has shipped: add the
 * next one.
 *
 * Everything lives in the schema `parley` of one database: one database is
 * one team workspace. Access goes through one group role per workspace (its
 * name is given by `upgradeServer`): analysts are its members, read the whole
 * workspace, and row-level security lets each write only the rows of layers
 * it owns. The database owner (who runs `parley workspace init`) owns the
 * tables and manages analysts; it is never used to annotate.
 */

/** Names a migration's SQL is written for. */
export interface MigrationNames {
  /** The workspace's group role, already quoted as an SQL identifier. */
  member: string;
  /** The same name as an SQL string literal. */
  memberLiteral: string;
}

/** One schema step. */
export interface Migration {
  version: number;
  name: string;
  sql(names: MigrationNames): string;
}

const m001 = ({ member, memberLiteral }: MigrationNames): string => `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${memberLiteral}) THEN
    CREATE ROLE ${member} NOLOGIN;
  END IF;
  -- Only the workspace's members (and its owner) may connect to its database.
  EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), ${memberLiteral});
END $$;

CREATE TABLE parley.workspace (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL,
  member_role name NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO parley.workspace (name, member_role) VALUES (current_database(), ${memberLiteral});

CREATE TABLE parley.analysts (
  role name PRIMARY KEY,
  display_name text NOT NULL CHECK (display_name <> ''),
  kind text NOT NULL CHECK (kind IN ('analyst', 'adjudicator', 'schema-owner')),
  added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE parley.layers (
  id text PRIMARY KEY,
  owner name NOT NULL REFERENCES parley.analysts (role),
  kind text NOT NULL CHECK (kind IN ('analyst', 'reconciled'))
);

CREATE TABLE parley.documents (
  id text PRIMARY KEY,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  title text NOT NULL,
  text text NOT NULL,
  body jsonb NOT NULL,
  added_by name NOT NULL DEFAULT current_user,
  added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE parley.label_schema (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  labels jsonb,
  owner name REFERENCES parley.analysts (role),
  version integer NOT NULL DEFAULT 0,
  changed_by name,
  changed_at timestamptz
);
INSERT INTO parley.label_schema DEFAULT VALUES;

CREATE TABLE parley.operations (
  seq bigserial UNIQUE NOT NULL,
  op_id uuid PRIMARY KEY,
  layer_id text REFERENCES parley.layers (id),
  author name NOT NULL DEFAULT current_user,
  document_id text REFERENCES parley.documents (id),
  kind text NOT NULL CHECK (kind IN ('change', 'replace', 'status', 'schema')),
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'schema') = (layer_id IS NULL)),
  CHECK ((kind = 'schema') = (document_id IS NULL))
);

CREATE TABLE parley.layer_items (
  layer_id text NOT NULL REFERENCES parley.layers (id),
  document_id text NOT NULL REFERENCES parley.documents (id),
  item_kind text NOT NULL CHECK (item_kind IN ('annotation', 'relation')),
  item_id text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (layer_id, document_id, item_kind, item_id)
);

CREATE TABLE parley.layer_documents (
  layer_id text NOT NULL REFERENCES parley.layers (id),
  document_id text NOT NULL REFERENCES parley.documents (id),
  status text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in-progress', 'done')),
  decisions jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (layer_id, document_id)
);

-- True when the connected role owns the layer. Used by the policies below.
CREATE FUNCTION parley.owns_layer(layer text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $f$ SELECT EXISTS (SELECT 1 FROM parley.layers WHERE id = layer AND owner = current_user) $f$;

-- Row-level security: members read the whole workspace; they write only rows
-- of layers they own; only the schema owner changes the label schema.
ALTER TABLE parley.workspace ENABLE ROW LEVEL SECURITY;
ALTER TABLE parley.analysts ENABLE ROW LEVEL SECURITY;
ALTER TABLE parley.layers ENABLE ROW LEVEL SECURITY;
ALTER TABLE parley.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE parley.label_schema ENABLE ROW LEVEL SECURITY;
ALTER TABLE parley.operations ENABLE ROW LEVEL SECURITY;
ALTER TABLE parley.layer_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE parley.layer_documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY read_workspace ON parley.workspace FOR SELECT TO ${member} USING (true);
CREATE POLICY read_analysts ON parley.analysts FOR SELECT TO ${member} USING (true);
CREATE POLICY read_layers ON parley.layers FOR SELECT TO ${member} USING (true);
CREATE POLICY read_documents ON parley.documents FOR SELECT TO ${member} USING (true);
CREATE POLICY add_documents ON parley.documents FOR INSERT TO ${member} WITH CHECK (added_by = current_user);
CREATE POLICY read_schema ON parley.label_schema FOR SELECT TO ${member} USING (true);
CREATE POLICY own_schema ON parley.label_schema FOR UPDATE TO ${member} USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY read_operations ON parley.operations FOR SELECT TO ${member} USING (true);
CREATE POLICY log_own_operations ON parley.operations FOR INSERT TO ${member} WITH CHECK (
  author = current_user AND CASE
    WHEN kind = 'schema' THEN EXISTS (SELECT 1 FROM parley.label_schema WHERE owner = current_user)
    ELSE parley.owns_layer(layer_id)
  END
);
CREATE POLICY read_items ON parley.layer_items FOR SELECT TO ${member} USING (true);
CREATE POLICY add_own_items ON parley.layer_items FOR INSERT TO ${member} WITH CHECK (parley.owns_layer(layer_id));
CREATE POLICY change_own_items ON parley.layer_items FOR UPDATE TO ${member} USING (parley.owns_layer(layer_id)) WITH CHECK (parley.owns_layer(layer_id));
CREATE POLICY remove_own_items ON parley.layer_items FOR DELETE TO ${member} USING (parley.owns_layer(layer_id));
CREATE POLICY read_layer_documents ON parley.layer_documents FOR SELECT TO ${member} USING (true);
CREATE POLICY add_own_layer_documents ON parley.layer_documents FOR INSERT TO ${member} WITH CHECK (parley.owns_layer(layer_id));
CREATE POLICY change_own_layer_documents ON parley.layer_documents FOR UPDATE TO ${member} USING (parley.owns_layer(layer_id)) WITH CHECK (parley.owns_layer(layer_id));
CREATE POLICY remove_own_layer_documents ON parley.layer_documents FOR DELETE TO ${member} USING (parley.owns_layer(layer_id));

-- Applies a batch of operations in order, each once: an operation whose id is
-- already logged is skipped (a retry after a lost acknowledgement), so replay
-- changes nothing. Runs with the caller's rights, so the policies above apply.
-- The advisory lock makes sequence numbers commit in order: a reader that has
-- seen seq N has seen every operation before it.
-- Plans are cached for the whole batch while the tables grow under them: the
-- index is always the way to a layer's rows (a sequential scan would check the
-- row-level policy on every row of every layer, once per operation). Each
-- statement touches a few rows: compiling it (JIT) costs more than running it.
CREATE FUNCTION parley.push_operations(ops jsonb)
  RETURNS TABLE (out_op uuid, out_seq bigint, out_applied boolean)
  LANGUAGE plpgsql
  SET enable_seqscan = off
  SET jit = off
  AS $f$
DECLARE
  op jsonb;
  v_id uuid;
  v_layer text;
  v_doc text;
  v_kind text;
  v_payload jsonb;
  v_seq bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('parley.operations'));
  FOR op IN SELECT value FROM jsonb_array_elements(ops) LOOP
    v_id := (op->>'id')::uuid;
    v_layer := op->>'layerId';
    v_doc := op->>'documentId';
    v_kind := op->>'kind';
    v_payload := op->'payload';
    v_seq := NULL;
    INSERT INTO parley.operations (op_id, layer_id, document_id, kind, payload)
      VALUES (v_id, v_layer, v_doc, v_kind, v_payload)
      ON CONFLICT (op_id) DO NOTHING
      RETURNING seq INTO v_seq;
    IF v_seq IS NULL THEN
      SELECT o.seq INTO v_seq FROM parley.operations o WHERE o.op_id = v_id;
      out_op := v_id; out_seq := v_seq; out_applied := false;
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF v_kind = 'change' THEN
      IF jsonb_array_length(COALESCE(v_payload->'removed', '[]')) > 0 THEN
        DELETE FROM parley.layer_items i WHERE i.layer_id = v_layer AND i.document_id = v_doc AND i.item_kind = 'annotation'
          AND i.item_id = ANY (ARRAY(SELECT jsonb_array_elements_text(v_payload->'removed')));
      END IF;
      IF jsonb_array_length(COALESCE(v_payload->'removedRelations', '[]')) > 0 THEN
        DELETE FROM parley.layer_items i WHERE i.layer_id = v_layer AND i.document_id = v_doc AND i.item_kind = 'relation'
          AND i.item_id = ANY (ARRAY(SELECT jsonb_array_elements_text(v_payload->'removedRelations')));
      END IF;
    ELSIF v_kind = 'replace' THEN
      DELETE FROM parley.layer_items i WHERE i.layer_id = v_layer AND i.document_id = v_doc;
    END IF;
    IF v_kind IN ('change', 'replace') THEN
      IF jsonb_array_length(COALESCE(v_payload->'added', v_payload->'annotations', '[]')) > 0 THEN
        INSERT INTO parley.layer_items (layer_id, document_id, item_kind, item_id, body)
          SELECT v_layer, v_doc, 'annotation', a.value->>'id', a.value
          FROM jsonb_array_elements(COALESCE(v_payload->'added', v_payload->'annotations')) a
          ON CONFLICT (layer_id, document_id, item_kind, item_id) DO UPDATE SET body = EXCLUDED.body;
      END IF;
      IF jsonb_array_length(COALESCE(v_payload->'addedRelations', v_payload->'relations', '[]')) > 0 THEN
        INSERT INTO parley.layer_items (layer_id, document_id, item_kind, item_id, body)
          SELECT v_layer, v_doc, 'relation', r.value->>'id', r.value
          FROM jsonb_array_elements(COALESCE(v_payload->'addedRelations', v_payload->'relations')) r
          ON CONFLICT (layer_id, document_id, item_kind, item_id) DO UPDATE SET body = EXCLUDED.body;
      END IF;
      IF v_kind = 'replace' THEN
        INSERT INTO parley.layer_documents AS d (layer_id, document_id, decisions)
          VALUES (v_layer, v_doc, COALESCE(v_payload->'decisions', '[]'))
          ON CONFLICT (layer_id, document_id) DO UPDATE SET decisions = EXCLUDED.decisions, updated_at = now();
      END IF;
    ELSIF v_kind = 'status' THEN
      INSERT INTO parley.layer_documents AS d (layer_id, document_id, status)
        VALUES (v_layer, v_doc, v_payload->>'status')
        ON CONFLICT (layer_id, document_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now();
    ELSIF v_kind = 'schema' THEN
      UPDATE parley.label_schema SET labels = v_payload->'labels', version = version + 1, changed_by = current_user, changed_at = now();
      IF NOT FOUND THEN
        RAISE EXCEPTION 'only the schema owner may change the label schema' USING ERRCODE = 'insufficient_privilege';
      END IF;
    END IF;
    out_op := v_id; out_seq := v_seq; out_applied := true;
    RETURN NEXT;
  END LOOP;
  -- Once per layer and document, not per operation: updating one row again and
  -- again in a transaction makes each update walk all its earlier versions.
  INSERT INTO parley.layer_documents AS d (layer_id, document_id)
    SELECT DISTINCT o.value->>'layerId', o.value->>'documentId' FROM jsonb_array_elements(ops) o WHERE o.value->>'kind' = 'change'
    ON CONFLICT (layer_id, document_id) DO UPDATE SET updated_at = now();
END
$f$;

REVOKE ALL ON ALL TABLES IN SCHEMA parley FROM PUBLIC;
GRANT USAGE ON SCHEMA parley TO ${member};
GRANT SELECT ON parley.schema_migrations, parley.workspace, parley.analysts, parley.layers, parley.documents, parley.label_schema,
  parley.operations, parley.layer_items, parley.layer_documents TO ${member};
GRANT INSERT ON parley.documents, parley.operations TO ${member};
GRANT INSERT, UPDATE, DELETE ON parley.layer_items, parley.layer_documents TO ${member};
GRANT UPDATE (labels, version, changed_by, changed_at) ON parley.label_schema TO ${member};
GRANT USAGE ON SEQUENCE parley.operations_seq_seq TO ${member};
REVOKE ALL ON FUNCTION parley.push_operations(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION parley.push_operations(jsonb) TO ${member};
`;

/**
 * Label schema changes travel as steps (`{"steps": [...]}`, see
 * annotations/label-schema-changes.ts); only a store's first change carries
 * the whole schema (`{"labels": ...}`). Stores rebuild the schema from the
 * operations log, so `label_schema.labels` keeps the last whole schema sent
 * (version 1 set it to null for a change of steps) and `version` still counts
 * every change. The function is version 1's with that one line changed.
 */
const m002 = (names: MigrationNames): string => {
  const first = m001(names);
  const start = first.indexOf('CREATE FUNCTION parley.push_operations');
  const end = first.indexOf('$f$;', start) + '$f$;'.length;
  const before = "UPDATE parley.label_schema SET labels = v_payload->'labels',";
  const fn = first.slice(start, end);
  if (start < 0 || !fn.includes(before)) throw new Error('migration 2 no longer finds the function of migration 1');
  return `${fn.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION').replace(before, "UPDATE parley.label_schema SET labels = COALESCE(v_payload->'labels', labels),")}
`;
};

/** Every migration, oldest first. Versions are consecutive from 1. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'workspace, analysts, layers, operations log, row-level security', sql: m001 },
  { version: 2, name: 'label schema changes as steps', sql: m002 },
];

/** The schema version this Parley writes and reads. */
export const SERVER_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
