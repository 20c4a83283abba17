package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;

/** The one place where failures become exit codes. */
final class ExitCodes {

    private ExitCodes() {
    }

    static ExitCode of(Failure.Kind kind) {
        return switch (kind) {
            case USAGE -> ExitCode.USAGE;
            case CONNECTION -> ExitCode.CONNECTION;
            case LOCK -> ExitCode.LOCK;
            case MIGRATION -> ExitCode.MIGRATION_FAILED;
            case VALIDATION -> ExitCode.VALIDATION_FAILED;
            case PENDING -> ExitCode.PENDING;
            case DEADLINE -> ExitCode.DEADLINE;
            case REFUSED -> ExitCode.REFUSED;
            case INTERNAL -> ExitCode.INTERNAL;
        };
    }

    static ExitCode of(Throwable error) {
        return error instanceof Failure failure ? of(failure.kind()) : ExitCode.INTERNAL;
    }

    static int exitCodeOf(Throwable error) {
        return of(error).code;
    }
}
