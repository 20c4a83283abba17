package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One check's outcome, in the shape MicroProfile Health reports it: a name, UP or
 * DOWN, and data.
 *
 * @param data  in insertion order, so the JSON keeps a stable shape
 * @param cause why a DOWN check is down, as the kind of failure every command maps to
 *              its exit code (unreachable, pending, failed…); null when UP
 */
public record HealthCheckResult(String name, boolean up, Map<String, Object> data, Failure.Kind cause) {

    public HealthCheckResult {
        if (up != (cause == null)) {
            throw new IllegalArgumentException("a check is DOWN exactly when it has a cause: " + name);
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static HealthCheckResult up(String name, Map<String, Object> data) {
        return new HealthCheckResult(name, true, data, null);
    }

    public static HealthCheckResult down(String name, Failure.Kind cause, Map<String, Object> data) {
        return new HealthCheckResult(name, false, data, cause);
    }
}
