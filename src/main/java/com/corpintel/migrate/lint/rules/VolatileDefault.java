package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;
import com.corpintel.migrate.lint.Token;

import java.util.Set;

/** A new column whose default is volatile makes PostgreSQL rewrite the table to fill it row by row. */
public final class VolatileDefault extends BaseRule {

    /** Volatile functions commonly used as defaults; now() and the like are stable and cost nothing. */
    private static final Set<String> VOLATILE = Set.of("RANDOM", "CLOCK_TIMESTAMP", "TIMEOFDAY", "GEN_RANDOM_UUID",
            "UUID_GENERATE_V1", "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "NEXTVAL", "TXID_CURRENT", "UUIDV7",
            "UUID_GENERATE_V7");

    public VolatileDefault() {
        super("volatile-default", Severity.WARNING, "new column with a volatile default on an existing table");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        for (Ddl.ColumnDef column : Ddl.columns(s)) {
            if (column.how() != Ddl.ColumnDef.How.ADDED || !check.existedBefore(column.table())) {
                continue;
            }
            int dflt = s.find(column.start(), "DEFAULT");
            if (dflt < 0 || dflt >= column.end()) {
                continue;
            }
            for (int i = dflt + 1; i < column.end(); i++) {
                Token t = s.token(i);
                if (t.kind() == Token.Kind.WORD && VOLATILE.contains(t.text())) {
                    check.report(this, t, "the default " + t.name() + "() is volatile: adding "
                                    + column.column().name() + " rewrites all of " + column.table()
                                    + " under an ACCESS EXCLUSIVE lock",
                            "add the column without a default (or with a constant), SET DEFAULT in a second"
                                    + " statement, and backfill existing rows in batches");
                    return;
                }
            }
        }
    }
}
