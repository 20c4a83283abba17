package com.corpintel.migrate.lint;

import java.util.List;

/**
 * What lint found.
 *
 * @param scripts    the scripts checked, in the order they were checked
 * @param findings   what is reported, in script order, then by line
 * @param suppressed findings silenced by a lint:ignore comment or the baseline
 */
public record LintReport(List<String> scripts, List<Finding> findings, int suppressed) {

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Exit 6 territory: any error, or with strict any warning. */
    public boolean failed(boolean strict) {
        return count(Severity.ERROR) > 0 || (strict && count(Severity.WARNING) > 0);
    }
}
