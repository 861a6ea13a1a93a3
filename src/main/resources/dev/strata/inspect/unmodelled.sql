-- Objects and properties of one schema that the model cannot describe, one row per object.
-- ref_kind / ref_name / ref_part name the object the way dev.strata.catalog.Dependency does when
-- the object is left out of the model entirely (so what depends on it is left out too); they are
-- NULL for a property that is simply not written (the object itself stays in the model).
-- The parameters are the inspected schema's name (twice) and the other schemas read with it (a
-- text array); object_schema is '' for the inspected schema's objects, else their schema. Objects
-- that belong to an extension are not listed.
WITH target AS (
    SELECT n.oid AS nsp, CASE WHEN n.nspname = ? THEN '' ELSE n.nspname::text END AS nsp_label
    FROM pg_namespace n WHERE n.nspname = ? OR n.nspname = ANY(?)
), rel AS (
    SELECT c.*, target.nsp_label FROM pg_class c, target
    WHERE c.relnamespace = target.nsp
      AND NOT EXISTS (SELECT 1 FROM pg_depend e
                      WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
), typ AS (
    SELECT t.*, target.nsp_label FROM pg_type t, target
    WHERE t.typnamespace = target.nsp
      AND NOT EXISTS (SELECT 1 FROM pg_depend e
                      WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
), pro AS (
    SELECT p.*, target.nsp_label FROM pg_proc p, target
    WHERE p.pronamespace = target.nsp
      AND NOT EXISTS (SELECT 1 FROM pg_depend e
                      WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
)
SELECT 'base type'::text AS kind, NULL::text AS table_name, t.typname::text AS name,
       'base and shell types have no model syntax'::text AS reason,
       'TYPE'::text AS ref_kind, t.typname::text AS ref_name, NULL::text AS ref_part,
       t.nsp_label::text AS object_schema
FROM typ t WHERE t.typtype IN ('b', 'p') AND t.typcategory <> 'A'
UNION ALL
-- Aggregates of every kind are in the model; window functions (written in C) are not.
SELECT 'window function', NULL,
       p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       'window functions have no model syntax',
       'FUNCTION', p.proname, pg_get_function_identity_arguments(p.oid), p.nsp_label AS object_schema
FROM pro p WHERE p.prokind = 'w'
UNION ALL
SELECT 'comment', NULL, 'identity sequence ' || c.relname,
       'comments on this kind of object are not in the model', NULL, NULL, NULL, c.nsp_label AS object_schema
FROM rel c
WHERE c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass
                                  AND i.objid = c.oid AND i.deptype = 'i')
  AND NOT c.relispartition
  AND obj_description(c.oid, 'pg_class') IS NOT NULL
UNION ALL
-- Indexes behind a primary key, unique or exclusion constraint belong to the constraint, which
-- carries no index comment; comments on other indexes are in the model (index :comment).
SELECT 'comment', tc.relname, 'index ' || c.relname, 'comments on constraint indexes are not in the model',
       NULL, NULL, NULL, c.nsp_label AS object_schema
FROM rel c
JOIN pg_index i ON i.indexrelid = c.oid
JOIN pg_class tc ON tc.oid = i.indrelid
WHERE c.relkind IN ('i', 'I') AND NOT c.relispartition AND obj_description(c.oid, 'pg_class') IS NOT NULL
  AND EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = c.oid AND con.conrelid = i.indrelid
                AND con.contype IN ('p', 'u', 'x'))
UNION ALL
SELECT 'column', c.relname, a.attname,
       'VIRTUAL generated column (PostgreSQL 18) is not in the model: written as a STORED generated column',
       NULL, NULL, NULL, c.nsp_label AS object_schema
FROM pg_attribute a JOIN rel c ON c.oid = a.attrelid
WHERE a.attgenerated = 'v' AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
ORDER BY 1, 2 NULLS FIRST, 3
