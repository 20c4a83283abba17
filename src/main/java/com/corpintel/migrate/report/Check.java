package com.corpintel.migrate.report;

/**
 * One named check of a report.
 *
 * @param detail   one line saying what was found
 * @param nextStep what to do when the check did not pass; null when it passed
 */
public record Check(String name, Status status, String detail, String nextStep) {

    public enum Status { PASSED, DEGRADED, FAILED, SKIPPED }

    public static Check passed(String name, String detail) {
        return new Check(name, Status.PASSED, detail, null);
    }

    public static Check failed(String name, String detail, String nextStep) {
        return new Check(name, Status.FAILED, detail, nextStep);
    }

    public static Check skipped(String name, String detail) {
        return new Check(name, Status.SKIPPED, detail, null);
    }
}
