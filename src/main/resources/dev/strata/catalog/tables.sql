-- Ordinary and partitioned tables of the schema; partitions and tables that belong to an
-- extension are left out. replica_identity is NULL for DEFAULT; INDEX names its index in
-- replica_identity_index.
SELECT c.oid AS table_oid,
       c.relname AS table_name,
       c.relrowsecurity AS row_level_security,
       c.relforcerowsecurity AS force_row_level_security,
       c.relpersistence = 'u' AS unlogged,
       c.reloptions AS storage,
       obj_description(c.oid, 'pg_class') AS comment,
       CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING' WHEN 'i' THEN 'INDEX' END AS replica_identity,
       (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = c.oid AND i.indisreplident LIMIT 1) AS replica_identity_index,
       (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = c.oid AND i.indisclustered LIMIT 1) AS cluster_on
FROM pg_class c
WHERE c.relnamespace = :schema_oid
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY c.relname
