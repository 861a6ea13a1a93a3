-- Operators of the schemas read, without shell operators (oprcode = 0: made by a COMMUTATOR or
-- NEGATOR that names an operator not defined yet, and made again the same way) and without the
-- operators of extensions. Types, functions and the commutator and negator print unqualified in
-- the schema read and in pg_catalog, qualified elsewhere, so the text is the same in any schema.
WITH fn AS (
    SELECT f.oid, CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                       ELSE quote_ident(n.nspname) || '.' || quote_ident(f.proname) END AS sql
    FROM pg_proc f JOIN pg_namespace n ON n.oid = f.pronamespace
), op AS (
    SELECT c.oid, CASE WHEN c.oprnamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN c.oprname
                       ELSE 'OPERATOR(' || quote_ident(n.nspname) || '.' || c.oprname || ')' END AS sql
    FROM pg_operator c JOIN pg_namespace n ON n.oid = c.oprnamespace
)
SELECT o.oprname AS operator_name,
       CASE WHEN o.oprnamespace = :schema_oid THEN '' ELSE n.nspname END AS object_schema,
       CASE WHEN o.oprleft <> 0 THEN format_type(o.oprleft, NULL) END AS left_type,
       format_type(o.oprright, NULL) AS right_type,
       (SELECT sql FROM fn WHERE fn.oid = o.oprcode) AS function,
       (SELECT sql FROM op WHERE op.oid = o.oprcom) AS commutator,
       (SELECT sql FROM op WHERE op.oid = o.oprnegate) AS negator,
       (SELECT sql FROM fn WHERE fn.oid = o.oprrest) AS restrict_function,
       (SELECT sql FROM fn WHERE fn.oid = o.oprjoin) AS join_function,
       o.oprcanhash AS hashes,
       o.oprcanmerge AS merges,
       obj_description(o.oid, 'pg_operator') AS comment
FROM pg_operator o
JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE o.oprnamespace = ANY(:schema_oids)
  AND o.oprcode <> 0
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_operator'::regclass AND e.objid = o.oid AND e.deptype = 'e')
ORDER BY n.nspname, o.oprname, 3, 4
