package com.corpintel.migrate.diff;

import java.util.Objects;

/**
 * One way an actual schema differs from the expected one.
 *
 * @param kind     what sort of object
 * @param name     the object: a table, column, index… name; for a function its signature,
 *                 for a job its kind in words ("compression policy")
 * @param table    the table (or view, or hypertable) it belongs to, when it belongs to one
 * @param aspect   what differs, for DIFFERENT: "type", "default", "ON DELETE", "operator class";
 *                 empty when the values say it ("NOT NULL" vs "nullable")
 * @param expected for MISSING the expected object in the text form, for DIFFERENT the expected
 *                 value; null for UNEXPECTED
 * @param found    for UNEXPECTED the object found in the text form, for DIFFERENT the value
 *                 found; null for MISSING
 */
public record Difference(Kind kind, String name, String table, Change change, String aspect, String expected,
                         String found) {

    public enum Kind {
        EXTENSION("extension"),
        FUNCTION("function"),
        TABLE("table"),
        COLUMN("column"),
        CONSTRAINT("constraint"),
        INDEX("index"),
        TRIGGER("trigger"),
        VIEW("view"),
        HYPERTABLE("hypertable"),
        COMPRESSION("compression"),
        CONTINUOUS_AGGREGATE("continuous aggregate"),
        JOB("job");

        public final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    public enum Change {
        /** Expected but not there. */
        MISSING,
        /** There but not expected. */
        UNEXPECTED,
        /** There, but one aspect of it is not as expected. */
        DIFFERENT
    }

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        aspect = aspect == null ? "" : aspect;
    }

    static Difference missing(Kind kind, String name, String table, String expected) {
        return new Difference(kind, name, table, Change.MISSING, "", expected, null);
    }

    static Difference unexpected(Kind kind, String name, String table, String found) {
        return new Difference(kind, name, table, Change.UNEXPECTED, "", null, found);
    }

    static Difference different(Kind kind, String name, String table, String aspect, String expected, String found) {
        return new Difference(kind, name, table, Change.DIFFERENT, aspect, expected, found);
    }

    /** The object in words: "column users.role", "index idx_extra on companies", "compression on financial_metrics". */
    public String subject() {
        return switch (kind) {
            case COLUMN -> "column " + table + "." + name;
            case COMPRESSION -> "compression on " + name;
            default -> kind.words + " " + name + (table == null ? "" : " on " + table);
        };
    }

    /**
     * One line naming the object and what differs, e.g.
     * "column users.role: default 'viewer'::character varying expected, NULL found".
     */
    public String message() {
        return subject() + ": " + switch (change) {
            case MISSING -> "missing";
            case UNEXPECTED -> "unexpected";
            case DIFFERENT -> (aspect.isEmpty() ? "" : aspect + " ") + expected + " expected, " + found + " found";
        };
    }
}
