package com.corpintel.migrate.lint.rules;

import com.corpintel.migrate.lint.Baseline;
import com.corpintel.migrate.lint.Finding;
import com.corpintel.migrate.lint.LintReport;
import com.corpintel.migrate.lint.LintScript;
import com.corpintel.migrate.lint.Linter;
import com.corpintel.migrate.lint.RuleExamplesTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MalformedScript: its docs/LINT.md examples, every kind of unterminated text, and unknown file names. */
class MalformedScriptTest extends RuleExamplesTest {

    MalformedScriptTest() {
        super(new MalformedScript());
    }

    private static LintReport lint(String name, String sql) {
        LintScript script = new LintScript("migration/" + name, sql, true);
        return new Linter().lint(List.of(script), s -> true, Baseline.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT 1;\\nSELECT 'open;\\n| quoted string | 2",
            "SELECT 1;\\n\\nSELECT 1 AS \"open;\\n| quoted identifier | 3",
            "DO $body$ BEGIN NULL; END\\n| dollar-quoted string | 1",
            "SELECT 1;\\n/* never closed\\n| block comment | 2"})
    void anUnterminatedTextIsAFindingAtItsStatement(String sql, String what, int line) {
        LintReport report = lint("V1__x.sql", sql.replace("\\n", "\n"));

        assertThat(report.findings()).filteredOn(f -> f.rule().equals("malformed-script")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("unterminated " + what);
                    assertThat(f.line()).isEqualTo(line);
                });
    }

    @Test
    void aFileNameThatIsNoMigrationIsAFindingOfTheWholeFile() {
        LintReport report = lint("add_index.sql", "SELECT 1;\n");

        assertThat(report.findings()).extracting(Finding::rule, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("malformed-script", 0));
        assertThat(report.findings().get(0).message()).contains("add_index.sql");
    }
}
