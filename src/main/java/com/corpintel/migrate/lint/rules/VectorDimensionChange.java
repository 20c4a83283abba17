package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.StaticSchema;

/** A vector column's dimension change rewrites the table and makes every stored embedding invalid. */
public final class VectorDimensionChange extends BaseRule {

    public VectorDimensionChange() {
        super("vector-dimension-change", Severity.ERROR, "vector column's dimension changed");
    }

    @Override
    public void statement(Check check) {
        for (Ddl.ColumnDef column : Ddl.columns(check.statement())) {
            if (column.how() != Ddl.ColumnDef.How.RETYPED) {
                continue;
            }
            StaticSchema.Table table = check.now().table(column.table());
            String old = table == null ? null : table.columns.get(column.column().name());
            if (old != null && old.startsWith("vector") && column.type().startsWith("vector")
                    && !old.equals(column.type())) {
                check.report(this, column.typeAt(), column.table() + "." + column.column().name() + " goes from "
                                + old + " to " + column.type() + ": the table is rewritten, and the stored"
                                + " embeddings (from a model of the old dimension) cannot be cast: the change fails"
                                + " on any row, or leaves meaningless vectors",
                        "add a new vector column of the new dimension, re-embed into it, switch queries and"
                                + " indexes, then drop the old column");
            }
        }
    }
}
