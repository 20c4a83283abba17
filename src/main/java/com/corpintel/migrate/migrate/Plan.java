package com.corpintel.migrate.migrate;

import com.corpintel.migrate.timescale.Edition;

import java.util.List;

/**
 * What a schema-changing command would do, step by step, without doing it: the
 * result of --dry-run.
 *
 * @param license the server's TimescaleDB license, null when it could not be told
 * @param edition the branch the license-dependent steps take, null when unknown
 */
public record Plan(
        String command,
        String database,
        String schema,
        String license,
        Edition edition,
        List<Step> steps) {

    /** One step and the exact script it runs. */
    public record Step(String direction, String version, String description, Script script) {

        public String label() {
            return "V" + version + " " + description;
        }
    }

    /** The statement that precedes every script, as the real run issues it. */
    public String preamble() {
        return com.corpintel.migrate.db.Identifiers.setSearchPath(schema) + ";";
    }
}
