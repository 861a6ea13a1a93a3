-- User triggers (not the internal ones behind foreign keys) on the schema's tables and views;
-- triggers cloned onto partitions from their parent (tgparentid <> 0) and triggers on tables of
-- extensions are left out. Rules (pg_rewrite, other than the _RETURN rule of a view) come
-- with them: a rule is a trigger whose definition is CREATE RULE (see model.Trigger).
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
UNION ALL
SELECT c.relname,
       CASE WHEN c.relnamespace = :schema_oid THEN '' ELSE (SELECT ns.nspname::text FROM pg_namespace ns WHERE ns.oid = c.relnamespace) END,
       r.rulename,
       rtrim(pg_get_ruledef(r.oid, true), ';'),
       r.ev_enabled::text,
       obj_description(r.oid, 'pg_rewrite')
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
WHERE c.relnamespace = ANY(:schema_oids)
  AND r.rulename <> '_RETURN'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY 1, 3
