package com.corpintel.migrate.it;

import com.corpintel.migrate.diff.Difference;
import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.inspect.SchemaModelText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The committed expected model is what the bundled migrations build: a fresh database
 * upgraded to head by the binary and read back by `snapshot` (the real process) gives
 * exactly the committed text. No one can change a migration without updating the model.
 */
class ExpectedSchemaIT {

    private static final Path PROJECT = Path.of(System.getProperty("intel-migrate.project-dir", "."));

    private static TestDatabase db;
    private static String edition;
    private static Cli.Result snapshot;

    @BeforeAll
    static void upgradeAndSnapshot() {
        db = TestServer.createDatabase();
        Cli.Result upgrade = Cli.run(db.env(), "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        // The file that applies is the one of this server's TimescaleDB license.
        edition = TestServer.edition().branch;
        snapshot = Cli.run(db.env(), "snapshot");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void theCommittedExpectedModelIsWhatTheMigrationsBuild() throws IOException {
        assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
        Path file = PROJECT.resolve("src/main/resources/db/expected/schema." + edition + ".txt");
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        String actual = snapshot.stdout();
        if (edition.equals("community")) {
            // Its header says it was derived by hand; the facts must match all the same.
            committed = withoutComments(committed);
            actual = withoutComments(actual);
        }
        if (!committed.equals(actual)) {
            fail(report(file, committed, actual));
        }
    }

    @Test
    void snapshotWritesTheSameTextToAFile() throws IOException {
        Path file = Files.createTempFile("schema", ".txt");
        try {
            Cli.Result written = Cli.run(db.env(), "snapshot", "--write", file.toString());
            assertThat(written.exitCode()).as(written.toString()).isZero();
            assertThat(written.stdout()).isEmpty();
            assertThat(written.stderr()).contains("wrote the model of schema public to " + file);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(snapshot.stdout());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theModelDoesNotDependOnTheSchemaTheMigrationsRanIn() {
        try (TestDatabase other = TestServer.createDatabase()) {
            Cli.Result upgrade = Cli.run(other.env(), "upgrade", "--schema", "intel");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            Cli.Result inOtherSchema = Cli.run(other.env(), "snapshot", "--schema", "intel");
            assertThat(inOtherSchema.exitCode()).as(inOtherSchema.toString()).isZero();
            assertThat(inOtherSchema.stdout()).isEqualTo(snapshot.stdout());
        }
    }

    @Test
    void jsonOutputListsTheFactLines() {
        Cli.Result json = Cli.run(db.env(), "snapshot", "-o", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.stdout()).contains("\"command\": \"snapshot\"", "\"schema\": \"public\"",
                "\"table companies\"", "\"extension vector\"").doesNotContain("# intel-migrate");
    }

    @Test
    void helpSaysHowTheExpectedModelsAreRegenerated() {
        Cli.Result help = Cli.run(db.env(), "snapshot", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout().replaceAll("\\s+", " ")).contains("--write", "regenerated with it from a database"
                + " migrated to the bundled head", "reviewed");
    }

    private static String report(Path file, String committed, String actual) {
        List<String> lines = new ArrayList<>();
        lines.add(file + " is not what the migrations build (schema." + edition + ".txt vs `intel-migrate snapshot`"
                + " of a database upgraded to head).");
        for (Difference difference : SchemaDiff.compare(SchemaModelText.read(committed), SchemaModelText.read(actual))) {
            lines.add("  " + difference.message());
        }
        List<String> expectedLines = committed.lines().toList();
        List<String> actualLines = actual.lines().toList();
        expectedLines.stream().filter(l -> !actualLines.contains(l)).forEach(l -> lines.add("  - " + l));
        actualLines.stream().filter(l -> !expectedLines.contains(l)).forEach(l -> lines.add("  + " + l));
        lines.add("If the migration change is intended, regenerate the file from a database upgraded to head:");
        lines.add("  intel-migrate upgrade && intel-migrate snapshot --write src/main/resources/db/expected/schema."
                + edition + ".txt");
        lines.add("and review the difference like code.");
        return String.join("\n", lines);
    }

    private static String withoutComments(String text) {
        return String.join("\n", text.lines().filter(l -> !l.startsWith("#")).toList()).strip();
    }
}
