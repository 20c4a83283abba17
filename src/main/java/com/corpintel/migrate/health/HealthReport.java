package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;

import java.util.List;
import java.util.Optional;

/** The checks of one probe, in a fixed order; the report is UP when every check is. */
public record HealthReport(List<HealthCheckResult> checks) {

    public HealthReport {
        checks = List.copyOf(checks);
    }

    public boolean up() {
        return checks.stream().allMatch(HealthCheckResult::up);
    }

    /** MicroProfile Health's spelling. */
    public String status() {
        return up() ? "UP" : "DOWN";
    }

    /**
     * Why the report is DOWN, the kind its exit code follows. An unreachable database
     * explains everything after it; pending migrations count only when nothing worse
     * (a failed migration, a checksum problem, a broken binary) is down too.
     */
    public Optional<Failure.Kind> cause() {
        List<Failure.Kind> causes = checks.stream().filter(c -> !c.up()).map(HealthCheckResult::cause).toList();
        if (causes.contains(Failure.Kind.CONNECTION)) {
            return Optional.of(Failure.Kind.CONNECTION);
        }
        return causes.stream().filter(kind -> kind != Failure.Kind.PENDING).findFirst()
                .or(() -> causes.stream().findFirst());
    }
}
