-- Ordinary and partitioned tables of the schema; partitions and tables that belong to an
-- extension are left out.
SELECT c.oid AS table_oid,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = c.relnamespace) END AS object_schema,
       c.relname AS table_name,
       c.relrowsecurity AS row_level_security,
       c.relforcerowsecurity AS force_row_level_security,
       c.relpersistence = 'u' AS unlogged,
       c.reloptions AS storage,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c
WHERE c.relnamespace = ANY(:schema_oids)
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY c.relname
