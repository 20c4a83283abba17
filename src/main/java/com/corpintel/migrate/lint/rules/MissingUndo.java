package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.ScriptName;
import com.corpintel.migrate.lint.Severity;

/** Every forward script needs its undo script; downgrade refuses (exit 9) without one. */
public final class MissingUndo extends BaseRule {

    public MissingUndo() {
        super("missing-undo", Severity.ERROR, "forward script without an undo script");
    }

    @Override
    public void script(Check check) {
        ScriptName name = check.name();
        if (name == null || !name.forward() || name.part() != null) {
            return;
        }
        if (!check.set().hasUndo(name.version(), name.edition())) {
            check.report(this, null, "V" + name.version() + " has no undo script, so it can never be downgraded",
                    "write undo/U" + name.version() + "__" + name.description() + ".sql that returns the database"
                            + " to the state before it");
        }
    }
}
