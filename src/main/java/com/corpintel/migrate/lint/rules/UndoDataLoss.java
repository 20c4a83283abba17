package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** An undo script that deletes rows must declare the loss, so downgrade asks for --allow-data-loss. */
public final class UndoDataLoss extends BaseRule {

    public UndoDataLoss() {
        super("undo-data-loss", Severity.ERROR, "undo script deletes data without a -- data-loss: declaration");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        if (!check.undo() || check.dataLossDeclared()) {
            return;
        }
        if (s.startsWith("DELETE") || s.startsWith("TRUNCATE")) {
            check.report(this, s.token(0), s.token(0).text() + " in an undo script destroys rows a downgrade"
                            + " cannot bring back, and the script does not declare it",
                    "add a line '-- data-loss: <what is lost>' so downgrade refuses without --allow-data-loss");
        }
    }
}
