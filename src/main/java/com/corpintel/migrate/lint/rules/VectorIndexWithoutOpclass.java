package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.Statement;

/** Without an operator class pgvector indexes L2 distance; the platform queries by cosine distance. */
public final class VectorIndexWithoutOpclass extends BaseRule {

    public VectorIndexWithoutOpclass() {
        super("vector-index-without-opclass", Severity.WARNING, "IVFFlat/HNSW index without an operator class");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        Ddl.IndexDef index = Ddl.index(s);
        if (index == null || !index.vector() || index.open() < 0) {
            return;
        }
        for (int[] key : Ddl.items(s, index.open() + 1, index.close())) {
            if (key[1] - key[0] == 1) {
                check.report(this, s.token(key[0]), index.method() + " index on " + s.token(key[0]).name()
                                + " without an operator class indexes L2 distance (vector_l2_ops); queries by"
                                + " cosine distance (<=>) will not use it",
                        "name the operator class the queries need, e.g. (" + s.token(key[0]).name()
                                + " vector_cosine_ops)");
            }
        }
    }
}
