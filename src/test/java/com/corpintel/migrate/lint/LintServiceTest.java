package com.corpintel.migrate.lint;

import com.corpintel.migrate.migrate.DirectoryMigrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which scripts of a directory lint checks: all, named files, --since, applied versions. */
class LintServiceTest {

    @TempDir
    Path dir;

    private DirectoryMigrations migrations() throws IOException {
        Files.createDirectories(dir.resolve("migration"));
        Files.createDirectories(dir.resolve("undo"));
        Files.writeString(dir.resolve("migration/V1__t.sql"), "CREATE TABLE t (x int, y int);\n");
        Files.writeString(dir.resolve("undo/U1__t.sql"), "DROP TABLE t;\n"); // undeclared loss
        Files.writeString(dir.resolve("migration/V2__i.sql"), "CREATE INDEX i ON t (x);\n");
        Files.writeString(dir.resolve("undo/U2__i.sql"), "DROP INDEX i;\n");
        Files.writeString(dir.resolve("migration/V3__j.sql"), "CREATE INDEX CONCURRENTLY j ON t (y);\n");
        Files.writeString(dir.resolve("migration/V3__j.sql.conf"), "executeInTransaction=false\n");
        Files.writeString(dir.resolve("undo/U3__j.sql"), "DROP INDEX j;\n");
        return new DirectoryMigrations(dir);
    }

    private static List<String> files(LintReport report) {
        return report.findings().stream().map(f -> Path.of(f.file()).getFileName() + " " + f.rule()).toList();
    }

    @Test
    void withoutArgumentsEveryForwardAndUndoScriptIsChecked() throws IOException {
        LintReport report = new LintService().lint(migrations(), LintService.Request.all());

        assertThat(report.scripts()).hasSize(6);
        assertThat(files(report)).containsExactlyInAnyOrder("U1__t.sql destructive-drop",
                "V2__i.sql require-concurrent-index", "U2__i.sql require-concurrent-index-drop",
                "U3__j.sql require-concurrent-index-drop");
    }

    @Test
    void sinceKeepsOnlyNewerScripts() throws IOException {
        LintReport report = new LintService().lint(migrations(),
                new LintService.Request(List.of(), "2", null, null, false, null));

        assertThat(report.scripts()).extracting(p -> Path.of(p).getFileName().toString())
                .containsExactly("V3__j.sql", "U3__j.sql");
    }

    @Test
    void appliedForwardScriptsAreNotReportedButTheirUndoScriptsAre() throws IOException {
        LintReport report = new LintService().lint(migrations(),
                new LintService.Request(List.of(), null, "2", null, false, null));

        assertThat(files(report)).containsExactlyInAnyOrder("U1__t.sql destructive-drop",
                "U2__i.sql require-concurrent-index-drop", "U3__j.sql require-concurrent-index-drop");
    }

    @Test
    void upgradeChecksOnlyTheForwardScriptsOfThePendingVersions() throws IOException {
        LintReport report = new LintService().lint(migrations(), LintService.Request.pending(List.of("2")));

        assertThat(report.scripts()).extracting(p -> Path.of(p).getFileName().toString()).containsExactly("V2__i.sql");
        assertThat(files(report)).containsExactly("V2__i.sql require-concurrent-index");
    }

    @Test
    void aNamedFileStandsInForTheScriptOfItsNameAndOnlyItIsChecked() throws IOException {
        DirectoryMigrations set = migrations();
        Path edited = dir.resolve("V2__i.sql");
        Files.writeString(edited, "CREATE INDEX i ON t (x, y);\nALTER TABLE t RENAME COLUMN y TO z;\n");

        LintReport report = new LintService().lint(set,
                new LintService.Request(List.of(edited), null, null, null, false, null));

        assertThat(report.scripts()).containsExactly(edited.toString());
        assertThat(files(report)).containsExactly("V2__i.sql require-concurrent-index", "V2__i.sql rename");
    }

    @Test
    void theDirectorysBaselineIsUsed() throws IOException {
        DirectoryMigrations set = migrations();
        Files.writeString(dir.resolve("lint-baseline.txt"),
                "U1__t.sql destructive-drop reason: released before lint existed\n");

        LintReport report = new LintService().lint(set, LintService.Request.all());

        assertThat(files(report)).doesNotContain("U1__t.sql destructive-drop");
        assertThat(report.suppressed()).isEqualTo(1);
    }
}
