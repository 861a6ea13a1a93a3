-- Range types (CREATE TYPE ... AS RANGE) of the schemas read, those of extensions left out. The
-- operator class and collation are read only where they are not the subtype's defaults, the
-- multirange type's name (14+, read through to_jsonb so one query serves every version) only where
-- it is not the name PostgreSQL derives: "range" in the name becomes "multirange", else
-- "_multirange" is appended. Function names print as seen from the target schema (search_path).
SELECT t.typname AS type_name,
       CASE WHEN t.typnamespace = :schema_oid THEN '' ELSE n.nspname END AS object_schema,
       format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT oc.opcdefault THEN
            CASE WHEN oc.opcnamespace IN ('pg_catalog'::regnamespace, :schema_oid) THEN ''
                 ELSE quote_ident(ocn.nspname) || '.' END || quote_ident(oc.opcname) END AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN
            CASE WHEN co.collnamespace IN ('pg_catalog'::regnamespace, :schema_oid) THEN ''
                 ELSE quote_ident(con.nspname) || '.' END
            || '"' || replace(co.collname, '"', '""') || '"' END AS collation,
       CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END AS canonical,
       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
       CASE WHEN mt.typname IS NOT NULL
                 AND mt.typname <> CASE WHEN strpos(t.typname, 'range') > 0
                                        THEN overlay(t.typname PLACING 'multirange' FROM strpos(t.typname, 'range') FOR 5)
                                        ELSE t.typname || '_multirange' END
            THEN CASE WHEN mt.typnamespace = t.typnamespace THEN '' ELSE quote_ident(mtn.nspname) || '.' END
                 || quote_ident(mt.typname) END AS multirange,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_range r
JOIN pg_type t ON t.oid = r.rngtypid
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type st ON st.oid = r.rngsubtype
JOIN pg_opclass oc ON oc.oid = r.rngsubopc
JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
LEFT JOIN pg_collation co ON co.oid = r.rngcollation
LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
LEFT JOIN pg_type mt ON mt.oid = (to_jsonb(r) ->> 'rngmultitypid')::oid
LEFT JOIN pg_namespace mtn ON mtn.oid = mt.typnamespace
WHERE t.typnamespace = ANY(:schema_oids)
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
ORDER BY n.nspname, t.typname
