package com.corpintel.migrate.report;

import java.util.List;

/** A list of checks, in the order they ran. */
public record CheckReport(String command, String database, List<Check> checks) {

    public boolean anyFailed() {
        return checks.stream().anyMatch(c -> c.status() == Check.Status.FAILED);
    }

    public boolean anyDegraded() {
        return checks.stream().anyMatch(c -> c.status() == Check.Status.DEGRADED);
    }

    public java.util.Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
