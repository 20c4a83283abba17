package com.corpintel.migrate.alembic;

/**
 * A lock a bridge step takes, as its script declares it in a header line
 * {@code -- lock: <table> <MODE> (<why>)}: what --dry-run shows so that an operator knows
 * which tables wait, and in which mode, before running the bridge.
 *
 * @param table the relation (in the target schema)
 * @param mode  PostgreSQL's lock mode, e.g. ACCESS EXCLUSIVE
 * @param why   what takes it, e.g. "rewrite: json to jsonb"; empty when the script says nothing
 */
public record LockEstimate(String table, String mode, String why) {

    /** True when the statement rewrites the table: its duration grows with the table's size. */
    public boolean rewrites() {
        return why.startsWith("rewrite");
    }
}
