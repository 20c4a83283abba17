package com.corpintel.migrate.cli;

/** The exit codes of every command; documented in the README and in --help. */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "unexpected internal error (a bug)"),
    USAGE(2, "usage error: unknown command or option, malformed value"),
    CONNECTION(3, "cannot connect: unreachable, authentication failed, TLS, bad URL"),
    LOCK(4, "lock not obtained in time: another migration is running"),
    MIGRATION_FAILED(5, "a migration or undo script failed"),
    VALIDATION_FAILED(6, "validation failed: drift, checksum mismatch, failed migration recorded"),
    PENDING(7, "pending migrations (status --check)"),
    DEADLINE(8, "deadline passed (await --timeout)"),
    REFUSED(9, "refused before changing anything");

    public final int code;
    public final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }
}
