package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Check;
import com.corpintel.migrate.lint.Ddl;
import com.corpintel.migrate.lint.Severity;
import com.corpintel.migrate.lint.StaticSchema;
import com.corpintel.migrate.lint.Statement;

/** SET (timescaledb.compress = false) fails while any chunk is compressed. */
public final class DisableCompression extends BaseRule {

    public DisableCompression() {
        super("disable-compression", Severity.ERROR,
                "compression disabled on a hypertable whose chunks may be compressed, without decompressing");
    }

    @Override
    public void statement(Check check) {
        Statement s = check.statement();
        String table = Ddl.alteredTable(s);
        StaticSchema.Table t = check.now().table(table);
        if (t == null || !t.compression || check.chunksDecompressed()) {
            return;
        }
        int at = s.find(0, "COMPRESS");
        if (at >= 0 && s.token(at + 1) != null && s.token(at + 1).isSymbol("=") && s.token(at + 2) != null
                && s.token(at + 2).text().equalsIgnoreCase("false")) {
            check.report(this, s.token(at), "disabling compression of " + table + " fails while any of its chunks"
                            + " is compressed, and nothing in this script decompresses them",
                    "first remove_compression_policy('" + table + "', if_exists => true) and decompress every"
                            + " chunk (decompress_chunk(c, if_compressed => true)), in a non-transactional script");
        }
    }
}
