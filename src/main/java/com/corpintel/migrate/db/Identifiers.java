package com.corpintel.migrate.db;

/** SQL identifiers built from configuration (the schema name) are always quoted. */
public final class Identifiers {

    private Identifiers() {
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A string literal (standard_conforming_strings, the default since PostgreSQL 9.1). */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The statement every script runs under, printed by dry runs exactly as executed. */
    public static String setSearchPath(String schema) {
        return "SET search_path TO " + quote(schema);
    }
}
