package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** Dropping a table or column destroys data: the script must say so with a "-- data-loss:" line. */
public final class DestructiveDrop extends BaseRule {

    public DestructiveDrop() {
        super("destructive-drop", Severity.ERROR, "table or column dropped without a -- data-loss: declaration");
    }

    @Override
    public void statement(Check check) {
        if (check.dataLossDeclared()) {
            return;
        }
        Statement s = check.statement();
        if (s.startsWith("DROP", "TABLE")) {
            for (String table : Ddl.dropNames(s, 2)) {
                if (check.existedBefore(table)) {
                    report(check, s, s.token(0), "table " + table);
                    return;
                }
            }
        }
        String table = Ddl.alteredTable(s);
        if (table != null && check.existedBefore(table)) {
            for (int[] action : Ddl.alterActions(s)) {
                int column = s.token(action[0]).is("DROP") ? Ddl.columnOfAction(s, action[0], "DROP") : -1;
                if (column >= 0 && s.token(column) != null) {
                    report(check, s, s.token(action[0]), "column " + table + "." + s.token(column).name());
                }
            }
        }
    }

    private void report(Check check, Statement s, com.corpintel.migrate.lint.Token at, String what) {
        check.report(this, at, "dropping " + what + " destroys its data, and the script does not declare it",
                "declare it with a line '-- data-loss: <what is lost>' (downgrades then need --allow-data-loss),"
                        + " or keep the object");
    }
}
