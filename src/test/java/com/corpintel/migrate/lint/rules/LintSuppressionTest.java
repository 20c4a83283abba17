package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Baseline;
import com.corpintel.migrate.lint.Finding;
import com.corpintel.migrate.lint.LintReport;
import com.corpintel.migrate.lint.LintScript;
import com.corpintel.migrate.lint.Linter;
import com.corpintel.migrate.lint.RuleExamplesTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** LintSuppression: its docs/LINT.md examples, plus what makes it special: it cannot itself be silenced. */
class LintSuppressionTest extends RuleExamplesTest {

    private static final LintScript TABLES = new LintScript("migration/V1__tables.sql",
            "CREATE TABLE companies (id uuid PRIMARY KEY, sector text);\n", true);

    LintSuppressionTest() {
        super(new LintSuppression());
    }

    private static LintReport lint(String v2) {
        LintScript script = new LintScript("migration/V2__index.sql", v2, true);
        LintScript undo = new LintScript("undo/U2__index.sql", "DROP INDEX CONCURRENTLY i;\n", false);
        return new Linter().lint(List.of(TABLES, script, undo), s -> s == script, Baseline.NONE);
    }

    @Test
    @Override
    public void aSuppressionWithAReasonSilencesTheBadExample() {
        LintReport report = lint("-- lint:ignore lint-suppression reason: trying\n"
                + "-- lint:ignore require-concurrent-index\nCREATE INDEX i ON companies (sector);\n");

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("lint-suppression");
    }

    @Test
    void aSuppressionWithoutAReasonStillSuppressesButIsAWarningAtTheComment() {
        LintReport report = lint("SELECT 1;\n  -- lint:ignore require-concurrent-index\nCREATE INDEX i ON companies (sector);\n");

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("lint-suppression");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.column()).isEqualTo(6);
        });
        assertThat(report.suppressed()).isEqualTo(1);
    }

    @Test
    void thereIsNoIgnoreAll() {
        LintReport report = lint("-- lint:ignore all reason: too many findings\nCREATE INDEX i ON companies (sector);\n");

        assertThat(report.findings()).extracting(Finding::rule)
                .containsExactlyInAnyOrder("lint-suppression", "require-concurrent-index");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("lint-suppression"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("'all'", "no lint rule"));
    }

    @Test
    void aStringThatMentionsLintIgnoreIsNoSuppression() {
        LintReport report = lint("CREATE INDEX i ON companies (sector) WHERE sector <> 'lint:ignore"
                + " require-concurrent-index reason: x';\n");

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("require-concurrent-index");
    }
}
