-- User triggers (not the internal ones behind foreign keys) on the schema's tables and views;
-- triggers cloned onto partitions from their parent (tgparentid <> 0) and triggers on tables of
-- extensions are left out.
SELECT c.relname AS table_name,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = c.relnamespace) END AS object_schema,
       t.tgname AS trigger_name,
       pg_get_triggerdef(t.oid, true) AS definition,
       t.tgenabled::text AS enabled,
       obj_description(t.oid, 'pg_trigger') AS comment
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = ANY(:schema_oids)
  AND NOT t.tgisinternal
  AND t.tgparentid = 0
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY c.relname, t.tgname
