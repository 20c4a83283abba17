package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.StaticSchema;
import com.corpintel.migrate.lint.Statement;

/** Columns in compress_segmentby / compress_orderby cannot be dropped or retyped while compression is on. */
public final class CompressionColumnChange extends BaseRule {

    public CompressionColumnChange() {
        super("compression-column-change", Severity.ERROR,
                "a compress_segmentby / compress_orderby column dropped or altered");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        String table = Ddl.alteredTable(s);
        StaticSchema.Table t = check.now().table(table);
        if (t == null || !t.compression) {
            return;
        }
        for (int[] action : Ddl.alterActions(s)) {
            String verb = s.token(action[0]).text();
            int column = switch (verb) {
                case "DROP", "ALTER" -> Ddl.columnOfAction(s, action[0], verb);
                case "RENAME" -> s.matchesAt(action[0] + 1, "COLUMN") ? action[0] + 2 : action[0] + 1;
                default -> -1;
            };
            if (column < 0 || s.token(column) == null || verb.equals("RENAME") && s.matchesAt(action[0] + 1, "TO")) {
                continue;
            }
            String name = s.token(column).name();
            String role = t.segmentBy.contains(name) ? "compress_segmentby" : t.orderBy.contains(name)
                    ? "compress_orderby" : null;
            if (role != null) {
                check.report(this, s.token(column), name + " is a " + role + " column of the compressed hypertable "
                                + table + ": TimescaleDB refuses to " + verb.toLowerCase(java.util.Locale.ROOT)
                                + " it while compression is on",
                        "change the compression settings first (ALTER TABLE " + table + " SET"
                                + " (timescaledb.compress_" + (role.endsWith("segmentby") ? "segmentby" : "orderby")
                                + " = '…')) after decompressing, or keep the column");
            }
        }
    }
}
