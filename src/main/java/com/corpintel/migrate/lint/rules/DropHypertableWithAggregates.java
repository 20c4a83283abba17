package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.StaticSchema;
import com.corpintel.migrate.lint.Statement;

import java.util.List;

/** Dropping a hypertable fails while continuous aggregates depend on it (or, with CASCADE, drops them too). */
public final class DropHypertableWithAggregates extends BaseRule {

    public DropHypertableWithAggregates() {
        super("drop-hypertable-with-aggregates", Severity.ERROR,
                "hypertable dropped while continuous aggregates depend on it");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        if (!s.startsWith("DROP", "TABLE")) {
            return;
        }
        for (String table : Ddl.dropNames(s, 2)) {
            List<String> aggregates = check.now().continuousAggregatesOn(table).stream()
                    .map(StaticSchema.View::name).toList();
            if (!aggregates.isEmpty()) {
                boolean cascade = s.has("CASCADE");
                check.report(this, s.token(0), "continuous aggregate " + String.join(", ", aggregates)
                                + " depends on " + table + ": " + (cascade ? "CASCADE silently drops it with its"
                                + " history" : "the drop fails"),
                        "drop the aggregate first (DROP MATERIALIZED VIEW " + aggregates.get(0)
                                + "), declaring its loss");
            }
        }
    }
}
