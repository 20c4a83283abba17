package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Finding;
import com.corpintel.migrate.lint.Rule;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * A lint:ignore comment must name rules that exist and say why. It still suppresses when the
 * reason is missing (the warning says so), but there is no "ignore all".
 */
public final class LintSuppression extends BaseRule {

    public static final String ID = "lint-suppression";

    public LintSuppression() {
        super(ID, Severity.WARNING, "a lint:ignore comment without a reason or naming no rule");
    }

    /** The findings about one suppression comment. */
    public static List<Finding> check(String file, Statement.Suppression suppression, List<Rule> rules) {
        List<Finding> findings = new ArrayList<>();
        if (suppression.reason() == null) {
            findings.add(new Finding(file, suppression.line(), suppression.column(), ID, Severity.WARNING,
                    "lint:ignore " + String.join(", ", suppression.rules()) + " gives no reason",
                    "add 'reason: <why this is safe here>' to the comment"));
        }
        for (String rule : suppression.rules()) {
            if (rules.stream().noneMatch(r -> r.id().equals(rule))) {
                findings.add(new Finding(file, suppression.line(), suppression.column(), ID, Severity.WARNING,
                        "lint:ignore names '" + rule + "', which is no lint rule; nothing is suppressed by it",
                        "name the rule ids of the findings (see docs/LINT.md); there is no ignore-all"));
            }
        }
        return findings;
    }
}
