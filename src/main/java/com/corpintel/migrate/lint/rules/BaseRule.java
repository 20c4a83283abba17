package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Rule;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

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

    /** The table an ALTER TABLE statement changes, when it existed before the script; else null. */
    static String alteredExistingTable(Check check) {
        String table = Ddl.alteredTable(check.statement());
        return table != null && check.existedBefore(table) ? table : null;
    }

    /**
     * For an {@code ADD [CONSTRAINT name] …} action of an ALTER TABLE, the index of the token
     * that says what is added (FOREIGN, CHECK, UNIQUE, PRIMARY, …); -1 for another action.
     */
    static int addedKind(Statement s, int[] action) {
        if (!s.token(action[0]).is("ADD")) {
            return -1;
        }
        int kind = action[0] + 1;
        return s.matchesAt(kind, "CONSTRAINT") ? kind + 2 : kind;
    }
}
