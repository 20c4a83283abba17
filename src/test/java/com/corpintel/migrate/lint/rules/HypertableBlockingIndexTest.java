package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Baseline;
import com.corpintel.migrate.lint.Finding;
import com.corpintel.migrate.lint.LintReport;
import com.corpintel.migrate.lint.LintScript;
import com.corpintel.migrate.lint.LintSources;
import com.corpintel.migrate.lint.Linter;
import com.corpintel.migrate.lint.RuleExamplesTest;
import com.corpintel.migrate.migrate.BundledMigrations;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HypertableBlockingIndex: its docs/LINT.md examples, and the regression check on the real schema. */
class HypertableBlockingIndexTest extends RuleExamplesTest {

    HypertableBlockingIndexTest() {
        super(new HypertableBlockingIndex());
    }

    /**
     * Regression: a composite DESC index on financial_metrics (a hypertable since the bundled V1) without
     * CONCURRENTLY in a transactional script gets TimescaleDB's advice, never the generic "use
     * CONCURRENTLY", which TimescaleDB rejects on a hypertable.
     */
    @Test
    void aCompositeDescIndexOnFinancialMetricsGetsTheHypertableAdviceNotConcurrently() {
        List<LintScript> set = new ArrayList<>(LintSources.of(new BundledMigrations()).scripts());
        LintScript v4 = new LintScript("db/migration/V4__metric_type_date_index.sql",
                "CREATE INDEX idx_metric_type_company_date\n    ON financial_metrics (metric_type, company_id, metric_date DESC);\n",
                true);
        set.add(v4);
        set.add(new LintScript("db/undo/U4__metric_type_date_index.sql",
                "DROP INDEX idx_metric_type_company_date;\n", true));

        LintReport report = new Linter().lint(set, s -> s == v4, Baseline.NONE);

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("hypertable-blocking-index");
        Finding finding = report.findings().get(0);
        assertThat(finding.line()).isEqualTo(1);
        assertThat(finding.fix()).contains("timescaledb.transaction_per_chunk", "non-transactional")
                .doesNotContain("CONCURRENTLY");
        assertThat(finding.message()).contains("financial_metrics is a hypertable");
    }
}
