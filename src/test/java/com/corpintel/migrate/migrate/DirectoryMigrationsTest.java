package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.timescale.Edition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A migration set in a directory: DIR/migration/V*.sql, DIR/undo/U*.sql with optional .conf. */
class DirectoryMigrationsTest {

    @TempDir
    Path dir;

    private DirectoryMigrations source;

    private static MigrationRecord applied(String version, String description, String script) {
        return new MigrationRecord(version, description, "SQL", MigrationState.SUCCESS, script,
                Instant.parse("2025-01-01T00:00:00Z"), "tester", 5, 1, 1);
    }

    @BeforeEach
    void layOut() throws IOException {
        Files.createDirectories(dir.resolve("migration"));
        Files.createDirectories(dir.resolve("undo"));
        Files.writeString(dir.resolve("migration/V1__a.sql"), "CREATE INDEX CONCURRENTLY b ON t (x);\n");
        Files.writeString(dir.resolve("undo/U1__a.sql"), "-- data-loss: nothing really\nDROP INDEX CONCURRENTLY b;\n");
        Files.writeString(dir.resolve("undo/U1__a.sql.conf"), "executeInTransaction=false\n");
        source = new DirectoryMigrations(dir);
    }

    @Test
    void undoIsFoundAndItsConfMakesItNonTransactional() {
        assertThat(source.undo(applied("1", "a", "V1__a.sql"), Edition.COMMUNITY)).hasValueSatisfying(script -> {
            assertThat(Path.of(script.path())).isEqualTo(dir.toAbsolutePath().normalize().resolve("undo/U1__a.sql"));
            assertThat(script.sql()).contains("DROP INDEX CONCURRENTLY b");
            assertThat(script.transactional()).isFalse();
            assertThat(script.dataLoss()).containsExactly("nothing really");
        });
    }

    @Test
    void undoWithoutConfIsTransactional() throws IOException {
        Files.writeString(dir.resolve("undo/U2__b.sql"), "DROP TABLE b;");

        assertThat(source.undo(applied("2", "b", "V2__b.sql"), null)).map(Script::transactional).contains(true);
    }

    @Test
    void editionSpecificUndoIsPreferredOverThePlainOne() throws IOException {
        Files.writeString(dir.resolve("undo/U1__a.apache.sql"), "DROP VIEW v;");

        assertThat(source.undo(applied("1", "a", "V1__a.sql"), Edition.APACHE))
                .map(s -> Path.of(s.path()).getFileName().toString()).contains("U1__a.apache.sql");
        assertThat(source.undo(applied("1", "a", "V1__a.sql"), Edition.COMMUNITY))
                .map(s -> Path.of(s.path()).getFileName().toString()).contains("U1__a.sql");
    }

    @Test
    void missingUndoIsEmpty() {
        assertThat(source.undo(applied("2", "b", "V2__b.sql"), Edition.COMMUNITY)).isEmpty();
        assertThat(source.undo(applied("1", "other description", "V1__other_description.sql"), null)).isEmpty();
    }

    @Test
    void undoFileNameReplacesSpacesOfTheDescriptionWithUnderscores() throws IOException {
        Files.writeString(dir.resolve("undo/U1.1__add_two_columns.sql"), "ALTER TABLE t DROP COLUMN a;");

        assertThat(source.undo(applied("1.1", "add two columns", "V1.1__add_two_columns.sql"), null)).isPresent();
    }

    @Test
    void forwardIsFoundInTheMigrationDirectory() {
        assertThat(source.forward(applied("1", "a", "V1__a.sql"), Edition.APACHE)).hasValueSatisfying(script -> {
            assertThat(Path.of(script.path()).getFileName().toString()).isEqualTo("V1__a.sql");
            assertThat(script.sql()).contains("CREATE INDEX CONCURRENTLY b");
            assertThat(script.transactional()).isTrue();
        });
    }

    @Test
    void forwardOfUnknownScriptIsEmpty() {
        assertThat(source.forward(applied("5", "e", "V5__e.sql"), null)).isEmpty();
        assertThat(source.forward(applied("5", "e", null), null)).isEmpty();
    }

    @Test
    void flywayLocationAndDescriptionNameTheDirectory() {
        assertThat(source.applyTo(org.flywaydb.core.Flyway.configure()).getLocations())
                .extracting(Object::toString)
                .containsExactly("filesystem:" + dir.toAbsolutePath().normalize().resolve("migration"));
        assertThat(source.describe()).contains(dir.toAbsolutePath().normalize().toString());
    }

    private Failure refusedToOpen(Path directory) {
        Failure failure = catchThrowableOfType(Failure.class, () -> DirectoryMigrations.open(directory));
        assertThat(failure).as("refusal of " + directory).isNotNull();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.getMessage()).startsWith("--migrations " + directory.toAbsolutePath().normalize() + ": ");
        return failure;
    }

    @Test
    void openAcceptsVersionedScriptsInAnyCaseOfSuffixAndInSubdirectoriesAndIgnoresOtherFiles() throws IOException {
        Files.writeString(dir.resolve("migration/V1_1__b.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("migration/V2__c.SQL"), "SELECT 1;");
        Files.writeString(dir.resolve("migration/V3__.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("migration/V1__a.sql.conf"), "executeInTransaction=false\n");
        Files.writeString(dir.resolve("migration/README.md"), "notes");
        Files.createDirectories(dir.resolve("migration/later"));
        Files.writeString(dir.resolve("migration/later/V4__d.sql"), "SELECT 1;");

        assertThat(DirectoryMigrations.open(dir).describe()).isEqualTo(source.describe());
    }

    @Test
    void openRefusesAMissingDirectory() {
        assertThat(refusedToOpen(dir.resolve("nope")).getMessage()).endsWith("no such directory");
    }

    @Test
    void openRefusesAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");

        assertThat(refusedToOpen(file).getMessage()).endsWith("not a directory");
    }

    @Test
    void openRefusesADirectoryWithoutMigrationInside() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(refusedToOpen(empty).getMessage()).contains("no migration/ directory", "DIR/migration/V*.sql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1_bad.sql", "v2__lower.sql", "Vx__a.sql", "V2.__b.sql", "V2..3__b.sql", "V__b.sql",
            "afterMigrate.sql", "R__repeatable.sql", "2__no_prefix.sql"})
    void openRefusesAScriptThatIsNotAVersionedMigrationNamingIt(String name) throws IOException {
        Files.writeString(dir.resolve("migration").resolve(name), "SELECT 1;");

        assertThat(refusedToOpen(dir).getMessage())
                .contains("migration/" + name + " is not a versioned migration", "V<version>__<description>.sql");
    }

    @Test
    void openSaysRepeatableMigrationsAreNotSupported() throws IOException {
        Files.writeString(dir.resolve("migration/R__views.sql"), "SELECT 1;");

        assertThat(refusedToOpen(dir).getMessage()).contains("repeatable migrations are not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1__other.sql", "V1.0__other.sql", "V01__other.sql", "nested/V1__other.sql"})
    void openRefusesTwoScriptsWithOneVersionNamingBoth(String name) throws IOException {
        Path other = dir.resolve("migration").resolve(name);
        Files.createDirectories(other.getParent());
        Files.writeString(other, "SELECT 1;");

        assertThat(refusedToOpen(dir).getMessage())
                .contains("migration/V1__a.sql", "migration/" + name, "the same version");
    }
}
