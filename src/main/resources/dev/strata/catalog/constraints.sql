-- Primary key, unique, check, foreign key and exclusion constraints of every table read by
-- tables.sql. Constraints cloned from a parent (conparentid <> 0) and CHECK constraints inherited
-- from one (coninhcount > 0) are left out: the parent carries them.
-- indnullsnotdistinct exists from PostgreSQL 15 on; reading it through to_jsonb keeps one query
-- for every version (absent means false). The flags (DEFERRABLE, NOT VALID, NO INHERIT, MATCH
-- FULL) come from their columns; pg_get_constraintdef's text is used only for CHECK and EXCLUDE.
-- include and index_storage are the INCLUDE columns and storage parameters of the index behind a
-- primary key or unique constraint; delete_set_columns the columns of ON DELETE SET NULL / SET
-- DEFAULT (columns), confdelsetcols (15+) read through to_jsonb like indnullsnotdistinct.
SELECT con.conrelid AS table_oid,
       con.conname AS constraint_name,
       con.contype AS constraint_type,
       ARRAY(SELECT a.attname
             FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       CASE WHEN rn.oid = :schema_oid THEN '' ELSE rn.nspname END AS ref_schema,
       rc.relname AS ref_table,
       ARRAY(SELECT a.attname
             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS ref_columns,
       con.confdeltype AS on_delete,
       con.confupdtype AS on_update,
       con.condeferrable AS deferrable,
       con.condeferred AS initially_deferred,
       con.convalidated AS validated,
       con.connoinherit AS no_inherit,
       con.confmatchtype AS match_type,
       coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
       pg_get_constraintdef(con.oid) AS definition,
       obj_description(con.oid, 'pg_constraint') AS comment,
       ARRAY(SELECT a.attname
             FROM unnest(i.indkey[i.indnkeyatts:]) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS include,
       ic.reloptions AS index_storage,
       ARRAY(SELECT a.attname
             FROM jsonb_array_elements_text(nullif(to_jsonb(con) -> 'confdelsetcols', 'null'::jsonb)) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum::int2
             ORDER BY k.ord) AS delete_set_columns
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
LEFT JOIN pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u')
LEFT JOIN pg_class ic ON ic.oid = i.indexrelid
WHERE c.relnamespace = ANY(:schema_oids)
  AND c.relkind IN ('r', 'p', 'f')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
  AND con.contype IN ('p', 'u', 'c', 'f', 'x')
  AND con.conparentid = 0
  AND NOT (con.contype = 'c' AND con.coninhcount > 0)
ORDER BY con.conrelid, con.conname
