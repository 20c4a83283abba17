package com.corpintel.migrate;

/**
 * A failure the operator can act on: what went wrong, in one line, and which kind
 * of failure it is. The command line maps the kind to an exit code in one place
 * ({@code cli.ExitCodes}); services never choose exit codes themselves.
 */
public class Failure extends RuntimeException {

    public enum Kind {
        /** Malformed option or value that picocli could not catch. */
        USAGE,
        /** Unreachable, authentication, TLS, bad URL, database does not exist. */
        CONNECTION,
        /** The migration lock was not obtained within --lock-wait. */
        LOCK,
        /** A migration or undo script failed. */
        MIGRATION,
        /** Drift, checksum mismatch, failed migration recorded. */
        VALIDATION,
        /** Pending migrations where none were allowed (status --check). */
        PENDING,
        /** A deadline passed. */
        DEADLINE,
        /** Refused before changing anything. */
        REFUSED,
        /** A defect of the binary itself, such as a build that lost its bundled scripts. */
        INTERNAL
    }

    private final Kind kind;

    public Failure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Failure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static Failure usage(String message) {
        return new Failure(Kind.USAGE, message);
    }

    public static Failure connection(String message, Throwable cause) {
        return new Failure(Kind.CONNECTION, message, cause);
    }

    public static Failure refused(String message) {
        return new Failure(Kind.REFUSED, message);
    }
}
