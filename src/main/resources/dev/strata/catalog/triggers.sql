-- User triggers (not the internal ones behind foreign keys) on the schema's tables and views;
-- triggers cloned onto partitions from their parent (tgparentid <> 0) and triggers on tables of
-- extensions are left out.
SELECT c.relname AS table_name,
       t.tgname AS trigger_name,
       pg_get_triggerdef(t.oid, true) AS definition,
       t.tgenabled::text AS enabled
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = :schema_oid
  AND NOT t.tgisinternal
  AND t.tgparentid = 0
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY c.relname, t.tgname
