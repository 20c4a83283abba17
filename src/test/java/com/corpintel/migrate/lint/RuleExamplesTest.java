package com.corpintel.migrate.lint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every rule's test proves with the examples of its docs/LINT.md section: the bad example is
 * found, the good one is not, and a lint:ignore with a reason before the flagged statement silences it.
 */
public abstract class RuleExamplesTest {

    protected final Rule rule;
    protected final DocExamples.RuleExamples examples;

    protected RuleExamplesTest(Rule rule) {
        this.rule = rule;
        this.examples = DocExamples.of(rule.id());
    }

    protected List<Finding> findings(List<DocExamples.Example> checked) {
        List<LintScript> set = examples.set(checked);
        List<String> paths = checked.stream().map(e -> e.script().path()).toList();
        return new Linter().lint(set, s -> paths.contains(s.path()), Baseline.NONE).findings().stream()
                .filter(f -> f.rule().equals(rule.id())).toList();
    }

    @Test
    public void theDocumentedBadExampleIsReported() {
        assertThat(examples.bad()).as("bad examples of " + rule.id()).isNotEmpty();

        List<Finding> found = findings(examples.bad());

        assertThat(found).as(rule.id() + " on its bad example").isNotEmpty();
        assertThat(found).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(rule.severity());
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        });
    }

    @Test
    public void theDocumentedGoodExampleIsClean() {
        assertThat(examples.good()).as("good examples of " + rule.id()).isNotEmpty();

        assertThat(findings(examples.good())).as(rule.id() + " on its good example").isEmpty();
    }

    @Test
    public void aSuppressionWithAReasonSilencesTheBadExample() {
        List<Finding> found = findings(examples.bad());
        List<DocExamples.Example> suppressed = new ArrayList<>();
        for (DocExamples.Example e : examples.bad()) {
            List<String> lines = new ArrayList<>(List.of(e.sql().split("\n", -1)));
            List<Integer> at = found.stream().filter(f -> f.file().equals(e.script().path()))
                    .map(f -> Math.max(0, f.line() - 1)).distinct().sorted((a, b) -> b - a).toList();
            for (int line : at) {
                lines.add(line, "-- lint:ignore " + rule.id() + " reason: the documented example");
            }
            suppressed.add(new DocExamples.Example(e.kind(), e.file(), e.transactional(), String.join("\n", lines)));
        }

        List<LintScript> set = examples.set(suppressed);
        List<String> paths = suppressed.stream().map(e -> e.script().path()).toList();
        LintReport report = new Linter().lint(set, s -> paths.contains(s.path()), Baseline.NONE);

        assertThat(report.findings()).filteredOn(f -> f.rule().equals(rule.id())).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("lint-suppression")).isEmpty();
        assertThat(report.suppressed()).isGreaterThanOrEqualTo(found.size());
    }
}
