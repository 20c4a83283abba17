package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.ScriptName;
import com.corpintel.migrate.lint.Severity;

/** A script lint cannot read as the runner would: an unterminated quote or comment, an unknown file name. */
public final class MalformedScript extends BaseRule {

    public static final MalformedScript INSTANCE = new MalformedScript();

    public MalformedScript() {
        super("malformed-script", Severity.ERROR, "unterminated quote or comment, or a file name no migration has");
    }

    @Override
    public void statement(Check check) {
        if (check.statement().unterminated() != null) {
            check.report(this, null, "unterminated " + check.statement().unterminated()
                            + " from here to the end of the script; the server would reject it",
                    "close the " + check.statement().unterminated());
        }
    }

    @Override
    public void script(Check check) {
        if (check.name() == null) {
            check.report(this, null, "'" + check.script().fileName() + "' is no migration file name; the runner"
                    + " would not pick it up", "rename it to " + ScriptName.EXPECTED);
        }
    }
}
