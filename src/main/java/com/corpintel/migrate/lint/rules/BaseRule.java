package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Rule;
import com.corpintel.migrate.lint.Severity;

/** Id, severity and summary of a rule; subclasses add the checks. */
abstract class BaseRule implements Rule {

    private final String id;
    private final Severity severity;
    private final String summary;

    BaseRule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String summary() {
        return summary;
    }
}
