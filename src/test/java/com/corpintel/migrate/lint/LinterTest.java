package com.corpintel.migrate.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The linter around the rules: positions, the model across scripts and editions, baselines, failing. */
class LinterTest {

    private static final LintScript V1 = new LintScript("m/migration/V1__tables.sql",
            "CREATE TABLE companies (id uuid PRIMARY KEY, sector text);\n", true);
    private static final LintScript U1 = new LintScript("m/undo/U1__tables.sql",
            "-- data-loss: companies\nDROP TABLE companies;\n", true);

    @Test
    void aFindingPointsAtTheLineAndColumnOfItsToken() {
        LintScript v2 = new LintScript("m/migration/V2__x.sql",
                "-- comment\nSELECT 1;\n\n   CREATE INDEX i ON companies (sector);\n", true);

        LintReport report = new Linter().lint(List.of(V1, U1, v2), s -> s == v2, Baseline.NONE);

        assertThat(report.findings()).filteredOn(f -> f.rule().equals("require-concurrent-index"))
                .singleElement().satisfies(f -> {
                    assertThat(f.file()).isEqualTo("m/migration/V2__x.sql");
                    assertThat(f.line()).isEqualTo(4);
                    assertThat(f.column()).isEqualTo(4);
                });
    }

    @Test
    void aTableCreatedInTheSameScriptNeedsNoConcurrentIndex() {
        LintScript v2 = new LintScript("m/migration/V2__x.sql",
                "CREATE TABLE t (x int);\nCREATE INDEX i ON t (x);\n", true);

        LintReport report = new Linter().lint(List.of(V1, v2), s -> s == v2, Baseline.NONE);

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("missing-undo");
    }

    @Test
    void anEditionSpecificScriptSeesTheEarlierScriptsOfItsEdition() {
        LintScript hyper = new LintScript("m/migration/V2__h.community.sql",
                "SELECT create_hypertable('companies', 'id');\n", true);
        LintScript plain = new LintScript("m/migration/V2__h.apache.sql", "SELECT 1;\n", true);
        LintScript v3 = new LintScript("m/migration/V3__i.apache.sql",
                "CREATE INDEX i ON companies (sector);\n", true);

        LintReport report = new Linter().lint(List.of(V1, hyper, plain, v3), s -> s == v3, Baseline.NONE);

        // In the apache chain companies is no hypertable: the generic advice applies.
        assertThat(report.findings()).extracting(Finding::rule).contains("require-concurrent-index")
                .doesNotContain("hypertable-blocking-index");
    }

    @Test
    void theBaselineSuppressesByFileAndRuleAndAnEntryWithoutReasonIsAWarning() {
        LintScript v2 = new LintScript("m/migration/V2__x.sql", "CREATE INDEX i ON companies (sector);\n", true);
        Baseline baseline = Baseline.parse("m/lint-baseline.txt", "# released\n"
                + "V2__x.sql require-concurrent-index reason: companies is tiny\nV2__x.sql missing-undo\n");

        LintReport report = new Linter().lint(List.of(V1, U1, v2), s -> s == v2, baseline);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("lint-suppression");
            assertThat(f.file()).isEqualTo("m/lint-baseline.txt");
            assertThat(f.line()).isEqualTo(3);
        });
        assertThat(report.suppressed()).isEqualTo(2);
    }

    @Test
    void errorsFailWarningsOnlyWhenStrict() {
        LintReport warning = new LintReport(List.of(), List.of(
                new Finding("f", 1, 1, "r", Severity.WARNING, "m", "x")), 0);
        LintReport error = new LintReport(List.of(), List.of(
                new Finding("f", 1, 1, "r", Severity.ERROR, "m", "x")), 0);
        LintReport info = new LintReport(List.of(), List.of(
                new Finding("f", 1, 1, "r", Severity.INFO, "m", "x")), 0);

        assertThat(warning.failed(false)).isFalse();
        assertThat(warning.failed(true)).isTrue();
        assertThat(error.failed(false)).isTrue();
        assertThat(info.failed(true)).isFalse();
    }

    @Test
    void everyRegisteredRuleIsDocumentedInOrderAndNothingElse() {
        assertThat(DocExamples.documentedRules()).containsExactlyElementsOf(
                Rules.ALL.stream().map(Rule::id).toList());
    }
}
