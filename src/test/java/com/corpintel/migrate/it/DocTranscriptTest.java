package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How documentation transcripts are read and compared (DocExamplesIT runs them). */
class DocTranscriptTest {

    private static final Path FILE = Path.of("docs/EXAMPLE.md");

    @Test
    void aMarkedConsoleBlockIsAnExampleWithItsSetupCommandsAndOutput() {
        DocTranscript.Document document = DocTranscript.parse(FILE, List.of(
                "Some prose.",
                "<!-- example: empty-database -->",
                "```console",
                "$ intel-migrate current     # nothing applied yet",
                "0",
                "$ echo $?",
                "0",
                "$ PGDATABASE=other intel-migrate upgrade --dry-run | head -3",
                "-- intel-migrate upgrade --dry-run: nothing below has been executed.",
                "```"));

        assertThat(document.problems()).isEmpty();
        assertThat(document.examples()).hasSize(1);
        DocTranscript.Example example = document.examples().get(0);
        assertThat(example.setup()).isEqualTo("empty-database");
        assertThat(example.line()).isEqualTo(2);
        List<DocTranscript.Command> commands = example.commands();
        assertThat(commands).hasSize(3);
        assertThat(commands.get(0).args()).containsExactly("current");
        assertThat(commands.get(0).expected()).containsExactly("0");
        assertThat(commands.get(1).echoExitCode()).isTrue();
        assertThat(commands.get(2).env()).isEqualTo(Map.of("PGDATABASE", "other"));
        assertThat(commands.get(2).args()).containsExactly("upgrade", "--dry-run");
        assertThat(commands.get(2).head()).isEqualTo(3);
    }

    @Test
    void anUnmarkedConsoleBlockAndAPromptInAnotherBlockAreProblems() {
        DocTranscript.Document document = DocTranscript.parse(FILE, List.of(
                "```console",
                "$ intel-migrate status",
                "```",
                "```text",
                "$ intel-migrate current",
                "```",
                "<!-- example: empty-database -->",
                "```sh",
                "intel-migrate status",
                "```"));

        assertThat(document.examples()).isEmpty();
        assertThat(document.problems()).hasSize(3);
        assertThat(document.problems().get(0)).contains("EXAMPLE.md:1", "without an <!-- example");
        assertThat(document.problems().get(1)).contains("EXAMPLE.md:5", "$ prompt");
        assertThat(document.problems().get(2)).contains("EXAMPLE.md:7", "not followed by a ```console block");
    }

    @Test
    void aTranscriptReplayedByANamedTestIsNotAProblemButIsRecordedForTheCheck() {
        DocTranscript.Document document = DocTranscript.parse(FILE, List.of(
                "<!-- checked-by: CreateIT#theWorkedExample -->",
                "```sh",
                "$ intel-migrate create \"x\"",
                "```",
                "```sh",
                "$ intel-migrate create \"unchecked\"",
                "```"));

        assertThat(document.checkedElsewhere()).containsExactly(
                new DocTranscript.CheckedBy(FILE, 1, "CreateIT", "theWorkedExample"));
        assertThat(document.problems()).singleElement().asString().contains(":6: a $ prompt in a ```sh block");
    }

    @Test
    void aMarkdownBlockMayShowAnExampleWithoutBeingOne() {
        DocTranscript.Document document = DocTranscript.parse(FILE, List.of(
                "````markdown",
                "<!-- example: empty-database -->",
                "```console",
                "$ intel-migrate status",
                "```",
                "````",
                "```console",
                "$ intel-migrate status",
                "```"));

        assertThat(document.examples()).isEmpty();
        assertThat(document.problems()).hasSize(1);
        assertThat(document.problems().get(0)).contains("EXAMPLE.md:7", "without an <!-- example");
    }

    @Test
    void onlyIntelMigrateAndEchoOfTheExitCodeCanBeChecked() {
        DocTranscript.Document document = DocTranscript.parse(FILE, List.of(
                "<!-- example: empty-database -->",
                "```console",
                "$ psql -c 'select 1'",
                "$ intel-migrate snapshot | diff -u a -",
                "```"));

        assertThat(document.problems()).hasSize(2);
        assertThat(document.problems().get(0)).contains("unsupported command");
        assertThat(document.problems().get(1)).contains("only | head -N");
    }

    @Test
    void wordsFollowShellQuotingAndComments() {
        assertThat(DocTranscript.words("intel-migrate --url 'postgresql://a b' \"x y\"  # comment"))
                .containsExactly("intel-migrate", "--url", "postgresql://a b", "x y");
        assertThat(DocTranscript.words("echo $?")).containsExactly("echo", "$?");
    }

    @Test
    void timingsDatesAndServerDetailsDoNotMatterButEverythingElseDoes() {
        List<String> shown = List.of(
                "  ✓ V1 initial schema  336 ms",
                "3 permission scopes — applied 2026-11-25 14:02:26Z by intel@bastion-1",
                "Database:               intel@127.0.0.1:55432/docs_demo (schema public)",
                "passed    server version  PostgreSQL 15.20 (Debian 15.20-0+deb12u1), primary, read-write");
        List<String> actual = List.of(
                "  ✓ V1 initial schema  1916 ms",
                "3 permission scopes — applied 2031-01-02 03:04:05Z by intel@bastion-1",
                "Database:  someone@db.example:5432/it_0123 (schema public)",
                "passed server version PostgreSQL 16.4, primary, read-write");

        assertThat(DocTranscript.matches(shown, actual, List.of())).isTrue();
        assertThat(DocTranscript.matches(List.of("(is the server running on 127.0.0.1:1?)"),
                List.of("(is the server running on db.example.internal:1?)"), List.of())).isTrue();
        assertThat(DocTranscript.matches(List.of("  ✓ V1 initial schema  336 ms"),
                List.of("  ✓ V2 timescale features  336 ms"), List.of())).isFalse();
        assertThat(DocTranscript.matches(List.of("Applied:                3"), List.of("Applied: 2"), List.of()))
                .isFalse();
    }

    @Test
    void stdoutAndStderrMayInterleaveButEachKeepsItsOrderAndEveryLineCounts() {
        List<String> shown = List.of("intel-migrate: reverted V3 permission scopes (18 ms)", "Reverted 1 migration (from V3):");
        assertThat(DocTranscript.matches(shown, List.of("Reverted 1 migration (from V3):"),
                List.of("intel-migrate: reverted V3 permission scopes (155 ms)"))).isTrue();
        assertThat(DocTranscript.matches(shown, List.of("Reverted 1 migration (from V3):", "extra line"),
                List.of("intel-migrate: reverted V3 permission scopes (155 ms)"))).isFalse();
        assertThat(DocTranscript.matches(List.of("b", "a"), List.of("a", "b"), List.of())).isFalse();
    }

    @Test
    void anEllipsisStandsForAnyTextOrAnyLines() {
        assertThat(DocTranscript.matches(List.of("State: …"), List.of("State:   up to date"), List.of())).isTrue();
        assertThat(DocTranscript.matches(List.of("first", "…", "last"), List.of("first", "x", "y", "last"), List.of()))
                .isTrue();
        assertThat(DocTranscript.matches(List.of("first", "…", "last"), List.of("first", "last"), List.of())).isTrue();
        assertThat(DocTranscript.matches(List.of("first", "…", "last"), List.of("first", "x"), List.of())).isFalse();
    }

    @Test
    void theTimescaleDbEditionIsAPlaceholderAndTheApacheSkipLineIsOptional() {
        List<String> shown = List.of(
                "intel-migrate: TimescaleDB runs under the Apache license: skipping compression of financial_metrics",
                "  ✓ V2 timescale features  db/undo/U2__timescale_features.apache.sql, 28 ms",
                "TimescaleDB license: apache — degraded: compression of financial_metrics; …");
        assertThat(DocTranscript.matches(shown, List.of(
                "  ✓ V2 timescale features  db/undo/U2__timescale_features.community.sql, 41 ms",
                "TimescaleDB license: timescale (community) — every feature enabled"), List.of())).isTrue();
        assertThat(DocTranscript.matches(shown, List.of(
                "  ✓ V2 timescale features  db/undo/U2__timescale_features.apache.sql, 28 ms",
                "TimescaleDB license: apache — degraded: compression of financial_metrics; retention policy"),
                List.of("intel-migrate: TimescaleDB runs under the Apache license: skipping compression of"
                        + " financial_metrics"))).isTrue();
        assertThat(DocTranscript.matches(List.of("TimescaleDB license: apache — degraded: …"),
                List.of(), List.of())).isFalse();
    }
}
