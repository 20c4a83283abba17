package com.corpintel.migrate.lint;

/**
 * One lint rule: an id (used in suppressions and documented in docs/LINT.md under that id), a
 * severity, and checks of a statement and/or a whole script. Rules are registered in {@link Rules},
 * never discovered.
 */
public interface Rule {

    String id();

    Severity severity();

    /** One line for listings. */
    String summary();

    /** Checks one statement; {@code check.statement()} is set. */
    default void statement(Check check) {
    }

    /** Checks the script as a whole, after its statements; {@code check.statement()} is null. */
    default void script(Check check) {
    }
}
