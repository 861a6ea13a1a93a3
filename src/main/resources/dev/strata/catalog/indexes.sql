-- Indexes of the tables read by tables.sql and of the schema's materialized views, without the
-- indexes that back a primary key, unique or exclusion constraint (those belong to the constraint)
-- and the indexes that a partitioned index made on a partition (relispartition: the parent's carries them).
-- indnullsnotdistinct (15+) is read through to_jsonb so that one query serves every version.
SELECT i.indrelid AS table_oid,
       c.relkind AS table_kind,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = c.relnamespace) END AS object_schema,
       c.relname AS table_name,
       ic.relname AS index_name,
       i.indisunique AS is_unique,
       am.amname AS method,
       pg_get_indexdef(i.indexrelid) AS definition,
       ic.reloptions AS storage,
       obj_description(ic.oid, 'pg_class') AS comment,
       coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_am am ON am.oid = ic.relam
WHERE c.relnamespace = ANY(:schema_oids)
  AND c.relkind IN ('r', 'p', 'm')
  AND NOT ic.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                    AND con.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.relname
