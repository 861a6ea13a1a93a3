-- Objects and properties of one schema that the model cannot describe, one row per object.
-- ref_kind / ref_name / ref_part name the object the way dev.strata.catalog.Dependency does when
-- the object is left out of the model entirely (so what depends on it is left out too); they are
-- NULL for a property that is simply not written (the object itself stays in the model).
-- The one parameter is the schema name. Objects that belong to an extension are not listed.
WITH target AS (
    SELECT n.oid AS nsp FROM pg_namespace n WHERE n.nspname = ?
), rel AS (
    SELECT c.* FROM pg_class c, target
    WHERE c.relnamespace = target.nsp
      AND NOT EXISTS (SELECT 1 FROM pg_depend e
                      WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
), typ AS (
    SELECT t.* FROM pg_type t, target
    WHERE t.typnamespace = target.nsp
      AND NOT EXISTS (SELECT 1 FROM pg_depend e
                      WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
), pro AS (
    SELECT p.* FROM pg_proc p, target
    WHERE p.pronamespace = target.nsp
      AND NOT EXISTS (SELECT 1 FROM pg_depend e
                      WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
)
SELECT 'range type'::text AS kind, NULL::text AS table_name, t.typname::text AS name,
       'range types have no model syntax'::text AS reason,
       'TYPE'::text AS ref_kind, t.typname::text AS ref_name, NULL::text AS ref_part
FROM typ t WHERE t.typtype = 'r'
UNION ALL
SELECT 'base type', NULL, t.typname, 'base and shell types have no model syntax', 'TYPE', t.typname, NULL
FROM typ t WHERE t.typtype IN ('b', 'p') AND t.typcategory <> 'A'
UNION ALL
SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END, NULL,
       p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       CASE p.prokind WHEN 'a' THEN 'aggregates' ELSE 'window functions' END || ' have no model syntax',
       'FUNCTION', p.proname, pg_get_function_identity_arguments(p.oid)
FROM pro p WHERE p.prokind IN ('a', 'w')
UNION ALL
SELECT 'partition', parent.relname, c.relname,
       'partition of ' || quote_ident(parent.relname) || ' ' || pg_get_expr(c.relpartbound, c.oid)
           || ': partitions have no model syntax',
       'TABLE', c.relname, NULL
FROM rel c
JOIN pg_inherits i ON i.inhrelid = c.oid
JOIN pg_class parent ON parent.oid = i.inhparent
WHERE c.relispartition AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'table', NULL, c.relname,
       'PARTITION BY ' || pg_get_partkeydef(c.oid) || ' is not in the model: written as a plain table',
       NULL, NULL, NULL
FROM rel c WHERE c.relkind = 'p' AND NOT c.relispartition
UNION ALL
SELECT 'table', NULL, c.relname,
       'INHERITS (' || quote_ident(parent.relname) || ') is not in the model: written as a plain table',
       NULL, NULL, NULL
FROM rel c
JOIN pg_inherits i ON i.inhrelid = c.oid
JOIN pg_class parent ON parent.oid = i.inhparent
WHERE NOT c.relispartition AND c.relkind = 'r'
UNION ALL
SELECT 'foreign table', NULL, c.relname, 'foreign tables have no model syntax', 'FOREIGN_TABLE', c.relname, NULL
FROM rel c WHERE c.relkind = 'f'
UNION ALL
SELECT 'rule', c.relname, r.rulename, 'rules have no model syntax', NULL, NULL, NULL
FROM pg_rewrite r JOIN rel c ON c.oid = r.ev_class
WHERE r.rulename <> '_RETURN' AND NOT c.relispartition
UNION ALL
SELECT 'comment', NULL, CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view '
                                       ELSE 'identity sequence ' END || c.relname,
       'comments on this kind of object are not in the model', NULL, NULL, NULL
FROM rel c
WHERE (c.relkind IN ('v', 'm')
       OR c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass
                                      AND i.objid = c.oid AND i.deptype = 'i'))
  AND NOT c.relispartition
  AND obj_description(c.oid, 'pg_class') IS NOT NULL
UNION ALL
-- Indexes behind a primary key, unique or exclusion constraint belong to the constraint, which
-- carries no index comment; comments on other indexes are in the model (index :comment).
SELECT 'comment', tc.relname, 'index ' || c.relname, 'comments on constraint indexes are not in the model',
       NULL, NULL, NULL
FROM rel c
JOIN pg_index i ON i.indexrelid = c.oid
JOIN pg_class tc ON tc.oid = i.indrelid
WHERE c.relkind IN ('i', 'I') AND NOT c.relispartition AND obj_description(c.oid, 'pg_class') IS NOT NULL
  AND EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = c.oid AND con.conrelid = i.indrelid
                AND con.contype IN ('p', 'u', 'x'))
UNION ALL
SELECT 'comment', NULL, 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       'comments on functions are not in the model', NULL, NULL, NULL
FROM pro p WHERE p.prokind IN ('f', 'p') AND obj_description(p.oid, 'pg_proc') IS NOT NULL
UNION ALL
SELECT 'comment', c.relname, 'constraint ' || con.conname, 'comments on constraints are not in the model',
       NULL, NULL, NULL
FROM pg_constraint con JOIN rel c ON c.oid = con.conrelid
WHERE obj_description(con.oid, 'pg_constraint') IS NOT NULL AND NOT c.relispartition
UNION ALL
SELECT 'comment', c.relname, 'trigger ' || t.tgname, 'comments on triggers are not in the model', NULL, NULL, NULL
FROM pg_trigger t JOIN rel c ON c.oid = t.tgrelid
WHERE NOT t.tgisinternal AND obj_description(t.oid, 'pg_trigger') IS NOT NULL
UNION ALL
SELECT 'comment', c.relname, 'policy ' || p.polname, 'comments on policies are not in the model', NULL, NULL, NULL
FROM pg_policy p JOIN rel c ON c.oid = p.polrelid
WHERE obj_description(p.oid, 'pg_policy') IS NOT NULL
UNION ALL
SELECT 'column', c.relname, a.attname,
       'VIRTUAL generated column (PostgreSQL 18) is not in the model: written as a STORED generated column',
       NULL, NULL, NULL
FROM pg_attribute a JOIN rel c ON c.oid = a.attrelid
WHERE a.attgenerated = 'v' AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
ORDER BY 1, 2 NULLS FIRST, 3
