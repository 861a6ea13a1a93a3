-- Objects and properties in a database that Strata's model does not describe, one row per
-- (feature, object). A case whose databases hold any of them is reported as unsupported rather
-- than passing because the differ cannot see the difference. The one parameter is the target
-- schema. Version-dependent catalog columns are read through to_jsonb so the query runs on 14+.
WITH target AS (
    SELECT ?::name AS nsp
), ns AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(temp|toast_temp)_'
), ext AS (
    SELECT d.classid, d.objid FROM pg_depend d WHERE d.deptype = 'e'
), rel AS (
    SELECT c.*, ns.nspname
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_class'::regclass AND ext.objid = c.oid)
), typ AS (
    SELECT t.*, ns.nspname
    FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
), pro AS (
    SELECT p.*, ns.nspname
    FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
)
-- An extension at another version than the default one: the diff updates it (ALTER EXTENSION ...
-- UPDATE TO), but its down needs a path back from the default version, which extensions rarely ship.
SELECT 'extension version without a downgrade path' AS feature, e.extname || ' ' || e.extversion AS object
FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname
WHERE e.extname <> 'plpgsql' AND e.extversion IS DISTINCT FROM a.default_version
  AND NOT EXISTS (SELECT 1 FROM pg_extension_update_paths(e.extname) p
                  WHERE p.source = a.default_version AND p.target = e.extversion AND p.path IS NOT NULL)
UNION ALL
SELECT 'base type', typ.typname FROM typ WHERE typ.typtype IN ('b', 'p') AND typ.typcategory <> 'A'
UNION ALL
SELECT 'parent in another schema', rel.relname
FROM rel JOIN pg_inherits i ON i.inhrelid = rel.oid JOIN pg_class p ON p.oid = i.inhparent
WHERE p.relnamespace <> rel.relnamespace AND rel.relkind IN ('r', 'p')
UNION ALL
SELECT 'user mapping', um.srvname || ' for ' || um.usename FROM pg_user_mappings um
UNION ALL
SELECT 'tablespace', rel.relname FROM rel WHERE rel.reltablespace <> 0
UNION ALL
SELECT 'generated virtual column', rel.relname || '.' || a.attname
FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid
WHERE a.attnum > 0 AND NOT a.attisdropped AND to_jsonb(a) ->> 'attgenerated' = 'v'
UNION ALL
SELECT 'privilege', rel.relname FROM rel WHERE rel.relacl IS NOT NULL
UNION ALL
SELECT 'privilege', rel.relname || '.' || a.attname
FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid WHERE a.attacl IS NOT NULL
UNION ALL
SELECT 'privilege', pro.proname FROM pro WHERE pro.proacl IS NOT NULL
UNION ALL
SELECT 'privilege', typ.typname FROM typ WHERE typ.typacl IS NOT NULL
UNION ALL
SELECT 'privilege', 'default privileges' FROM pg_default_acl
UNION ALL
SELECT 'ownership', rel.relname FROM rel WHERE rel.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
UNION ALL
SELECT 'window function', pro.proname FROM pro WHERE pro.prokind = 'w'
UNION ALL
SELECT 'operator class', o.opfname
FROM pg_opfamily o JOIN ns ON ns.oid = o.opfnamespace
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_opfamily'::regclass AND ext.objid = o.oid)
UNION ALL
SELECT 'cast', format_type(c.castsource, NULL) || ' -> ' || format_type(c.casttarget, NULL)
FROM pg_cast c WHERE c.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_cast'::regclass AND ext.objid = c.oid)
  -- A range type's cast to its multirange type comes with the range type (an internal dependency).
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_cast'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_type'::regclass AND d.deptype = 'i')
UNION ALL
SELECT 'event trigger', e.evtname FROM pg_event_trigger e
UNION ALL
SELECT 'publication', p.pubname FROM pg_publication p
UNION ALL
SELECT 'language', l.lanname FROM pg_language l
WHERE l.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_language'::regclass AND ext.objid = l.oid)
UNION ALL
SELECT 'comment on ' || CASE rel.relkind WHEN 'i' THEN 'index' WHEN 'I' THEN 'index'
                              ELSE 'relation kind ' || rel.relkind::text END,
       rel.relname
FROM rel JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = rel.oid
WHERE rel.relkind NOT IN ('r', 'p', 'c', 'f', 'v', 'm')
  AND (rel.relkind NOT IN ('i', 'I')
       OR EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = rel.oid AND con.contype IN ('p', 'u', 'x')))
  AND (rel.relkind <> 'S'
       OR EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = rel.oid AND i.deptype = 'i'))
UNION ALL
SELECT 'comment on type', typ.typname
FROM typ JOIN pg_description d ON d.classoid = 'pg_type'::regclass AND d.objoid = typ.oid
WHERE typ.typtype NOT IN ('e', 'd')
  AND NOT (typ.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class k WHERE k.oid = typ.typrelid AND k.relkind = 'c'))
UNION ALL
SELECT 'comment on extension', e.extname
FROM pg_extension e JOIN pg_description d ON d.classoid = 'pg_extension'::regclass AND d.objoid = e.oid
JOIN pg_available_extensions a ON a.name = e.extname
WHERE d.description IS DISTINCT FROM a.comment
ORDER BY 1, 2
