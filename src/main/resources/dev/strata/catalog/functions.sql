-- Functions, procedures and aggregates (plain, ordered-set, hypothetical-set, with or without a
-- moving-aggregate mode) of the schema; window functions and functions that belong to an extension
-- are left out (inspect lists them, see dev/strata/inspect/unmodelled.sql). quoted_schema is the
-- qualifier pg_get_functiondef always prints. The agg_* columns are NULL for a function or
-- procedure; support functions print unqualified when they are in the schema or pg_catalog (not as
-- regproc prints them, qualified when overloaded), so the text is the same in any schema.
SELECT p.proname AS function_name,
       CASE WHEN p.pronamespace = :schema_oid THEN '' ELSE n.nspname END AS object_schema,
       pg_get_function_identity_arguments(p.oid) AS arguments,
       p.prokind = 'p' AS is_procedure,
       p.prokind = 'a' AS is_aggregate,
       CASE WHEN p.prokind = 'a' THEN NULL ELSE pg_get_functiondef(p.oid) END AS definition,
       quote_ident(n.nspname) AS quoted_schema,
       obj_description(p.oid, 'pg_proc') AS comment,
       CASE WHEN p.prokind = 'a' THEN pg_get_function_arguments(p.oid) END AS agg_arguments,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggtransfn) AS agg_sfunc,
       format_type(a.aggtranstype, NULL) AS agg_stype,
       a.aggtransspace AS agg_sspace,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggfinalfn) AS agg_finalfunc,
       a.aggfinalextra AS agg_finalfunc_extra,
       -- FINALFUNC_MODIFY only when it is not the default of the aggregate's kind (READ_ONLY for a
       -- plain aggregate, READ_WRITE for an ordered-set one); the same for MFINALFUNC_MODIFY.
       CASE WHEN a.aggfinalmodify <> CASE a.aggkind WHEN 'n' THEN 'r' ELSE 'w' END
            THEN CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END
       END AS agg_finalfunc_modify,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggcombinefn) AS agg_combinefunc,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggserialfn) AS agg_serialfunc,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggdeserialfn) AS agg_deserialfunc,
       a.agginitval AS agg_initcond,
       (SELECT CASE WHEN o.oprnamespace = 'pg_catalog'::regnamespace OR o.oprnamespace = :schema_oid THEN o.oprname
                    ELSE 'OPERATOR(' || quote_ident((SELECT nspname FROM pg_namespace WHERE oid = o.oprnamespace))
                         || '.' || o.oprname || ')' END
        FROM pg_operator o WHERE o.oid = a.aggsortop) AS agg_sortop,
       a.aggkind = 'h' AS agg_hypothetical,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggmtransfn) AS agg_msfunc,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggminvtransfn) AS agg_minvfunc,
       CASE WHEN a.aggmtranstype <> 0 THEN format_type(a.aggmtranstype, NULL) END AS agg_mstype,
       a.aggmtransspace AS agg_msspace,
       (SELECT CASE WHEN f.pronamespace IN (:schema_oid, 'pg_catalog'::regnamespace) THEN quote_ident(f.proname)
                    ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END
        FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggmfinalfn) AS agg_mfinalfunc,
       a.aggmfinalextra AS agg_mfinalfunc_extra,
       CASE WHEN a.aggmtransfn <> 0 AND a.aggmfinalmodify <> 'r'
            THEN CASE a.aggmfinalmodify WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END
       END AS agg_mfinalfunc_modify,
       a.aggminitval AS agg_minitcond,
       CASE WHEN p.prokind = 'a' THEN CASE p.proparallel WHEN 's' THEN 'SAFE' WHEN 'r' THEN 'RESTRICTED' END END
           AS agg_parallel
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
WHERE p.pronamespace = ANY(:schema_oids)
  AND (p.prokind IN ('f', 'p')
       OR p.prokind = 'a')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
  -- A range type's constructor functions (and its multirange's) come and go with the type.
  AND NOT EXISTS (SELECT 1 FROM pg_depend i
                  WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i'
                    AND i.refclassid = 'pg_type'::regclass)
ORDER BY p.proname, arguments
