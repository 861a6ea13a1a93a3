-- Collations (CREATE COLLATION) of the schemas read, collations of extensions left out. The ICU or
-- builtin locale is colllocale from 17 on and colliculocale in 15 and 16 (read through to_jsonb so
-- one query serves every version); before 15 an ICU collation's locale is in collcollate.
SELECT c.collname AS collation_name,
       CASE WHEN c.collnamespace = :schema_oid THEN '' ELSE n.nspname END AS object_schema,
       CASE c.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END AS provider,
       c.collisdeterministic AS deterministic,
       CASE WHEN c.collprovider = 'c' THEN c.collcollate END AS lc_collate,
       CASE WHEN c.collprovider = 'c' THEN c.collctype END AS lc_ctype,
       CASE WHEN c.collprovider <> 'c'
            THEN COALESCE(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale', c.collcollate) END AS locale,
       to_jsonb(c) ->> 'collicurules' AS rules,
       obj_description(c.oid, 'pg_collation') AS comment
FROM pg_collation c
JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE c.collnamespace = ANY(:schema_oids)
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_collation'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.collname
