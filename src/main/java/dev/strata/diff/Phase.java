package dev.strata.diff;

/**
 * Phase represents where a kind of change runs in a migration when nothing else decides: the
 * planner orders changes by their dependencies first and breaks every tie by phase (declaration
 * order here), then by the name of the object.
 *
 * <p>Changes that remove dependent objects (policies, triggers, views, indexes, constraints) run
 * before any rename and name objects as they are in the current schema; every later phase names
 * objects as they are in the desired schema.
 */
public enum Phase {
    CREATE_SCHEMA,
    CREATE_EXTENSION,
    ALTER_EXTENSION,
    CREATE_COLLATION,
    CREATE_TEXT_SEARCH,
    DROP_POLICY,
    DROP_TRIGGER,
    DROP_VIEW,
    DROP_INDEX,
    DROP_STATISTICS,
    DROP_CONSTRAINT,
    DISABLE_ROW_LEVEL_SECURITY,
    RENAME_TABLE,
    RENAME_COLUMN,
    RENAME_CONSTRAINT,
    RENAME_ENUM_LABEL,
    CREATE_ENUM,
    ADD_ENUM_LABEL,
    CREATE_TYPE,
    ALTER_TYPE,
    CREATE_SEQUENCE,
    CREATE_TABLE,
    ADD_COLUMN,
    ALTER_COLUMN,
    ALTER_SEQUENCE,
    ALTER_TABLE,
    DROP_COLUMN,
    DROP_TABLE,
    DROP_SEQUENCE,
    CREATE_FUNCTION,
    REPLACE_FUNCTION,
    CREATE_OPERATOR,
    ADD_CONSTRAINT,
    ALTER_CONSTRAINT,
    CREATE_INDEX,
    ALTER_INDEX,
    CREATE_STATISTICS,
    ALTER_STATISTICS,
    CREATE_VIEW,
    CREATE_TRIGGER,
    ENABLE_ROW_LEVEL_SECURITY,
    CREATE_POLICY,
    COMMENT,
    DROP_OPERATOR,
    DROP_FUNCTION,
    DROP_TYPE,
    DROP_ENUM,
    DROP_TEXT_SEARCH,
    DROP_COLLATION,
    DROP_EXTENSION,
    DROP_SCHEMA
}
