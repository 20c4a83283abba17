package com.corpintel.migrate.lint;

import java.util.Locale;

/** How much a finding matters: errors fail lint (exit 6), warnings only with --strict, info never. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
