package com.corpintel.migrate.report;

import java.util.List;

/**
 * One named check of a report.
 *
 * @param detail   one line saying what was found
 * @param nextStep what to do when the check did not pass; null when it passed
 * @param findings the individual problems behind a failed or degraded check, one line each
 */
public record Check(String name, Status status, String detail, String nextStep, List<String> findings) {

    public enum Status { PASSED, DEGRADED, FAILED, SKIPPED }

    public Check {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public Check(String name, Status status, String detail, String nextStep) {
        this(name, status, detail, nextStep, List.of());
    }

    public static Check passed(String name, String detail) {
        return new Check(name, Status.PASSED, detail, null);
    }

    public static Check degraded(String name, String detail, String nextStep) {
        return new Check(name, Status.DEGRADED, detail, nextStep);
    }

    public static Check failed(String name, String detail, String nextStep) {
        return new Check(name, Status.FAILED, detail, nextStep);
    }

    public static Check skipped(String name, String detail) {
        return new Check(name, Status.SKIPPED, detail, null);
    }

    public Check withFindings(List<String> findings) {
        return new Check(name, status, detail, nextStep, findings);
    }
}
