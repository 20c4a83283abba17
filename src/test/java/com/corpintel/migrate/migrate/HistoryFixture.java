package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.it.TestDatabase;
import com.corpintel.migrate.it.TestServer;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A database of its own and a migration directory, to build histories in (by upgrading, and by
 * writing rows as other tools would), then read them both ways: with intel-migrate's own reader
 * ({@link StatusReader#entries}) and with Flyway's {@code info()} and {@code validateWithResult()},
 * configured by {@link FlywayFactory} as the fallback is.
 */
final class HistoryFixture implements AutoCloseable {

    final Path dir;
    final TestDatabase db;
    final Database database;

    HistoryFixture(Path dir, String test) {
        this.dir = dir;
        this.db = TestServer.createDatabase();
        this.database = db.toolDatabase("intel-migrate " + test + "@test");
        try {
            Files.createDirectories(dir.resolve("migration"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MigrationSource directory() {
        return new DirectoryMigrations(dir);
    }

    /** V1..V{last}, each creating a table, applied by intel-migrate. */
    void upgradeThrough(int last) {
        for (int v = 1; v <= last; v++) {
            script("V" + v + "__t.sql", "CREATE TABLE t" + v + "(id int);");
        }
        upgrade(directory(), null);
    }

    /**
     * V1..V8 applied, then one problem of each kind Flyway validates: V2's checksum, V3's
     * description and V4's type differ from the script, V5 failed, V6's script is gone.
     */
    void upgradeThroughEightWithEveryKindOfProblem() {
        upgradeThrough(8);
        db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
        db.execute("UPDATE flyway_schema_history SET description = 'renamed' WHERE version = '3'");
        db.execute("UPDATE flyway_schema_history SET type = 'JDBC' WHERE version = '4'");
        db.execute("UPDATE flyway_schema_history SET success = false WHERE version = '5'");
        try {
            Files.delete(dir.resolve("migration/V6__t.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void upgrade(MigrationSource source, String target) {
        service(source).upgrade(target, new Patience(Duration.ofSeconds(30), 0, Duration.ofMillis(10)));
    }

    MigrationService service(MigrationSource source) {
        return new MigrationService(database, source, FeatureMode.AUTO, "tester", m -> { });
    }

    void script(String name, String sql) {
        write(dir.resolve("migration").resolve(name), sql + "\n");
    }

    void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void history(int rank, String version, String description, String type, String script, Integer checksum,
                 boolean success) {
        db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (" + rank + ", "
                + (version == null ? "NULL" : "'" + version + "'") + ", '" + description + "', '" + type + "', '"
                + script + "', " + checksum + ", 'tester', 0, " + success + ")");
    }

    Flyway flyway(MigrationSource source) {
        return new FlywayFactory(database, source, FeatureMode.AUTO, "tester").applying(null, null);
    }

    StatusReader reader(MigrationSource source) {
        return new StatusReader(database, source, new OperationsLog(database.schema()),
                new FlywayFactory(database, source, FeatureMode.AUTO, "tester"));
    }

    /** intel-migrate's own reading; empty when it leaves the history to Flyway. */
    Optional<List<MigrationEntry>> ours(MigrationSource source, Edition planned) {
        try (Connection connection = database.connect()) {
            return reader(source).entries(connection, planned);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MigrationRecord> records(List<MigrationEntry> entries) {
        return entries.stream().map(MigrationEntry::record).toList();
    }

    static List<String> problems(List<MigrationEntry> entries) {
        return HistoryValidation.of(entries).stream()
                .map(i -> line(i.version(), i.error().errorCode.toString(), i.entry().description(),
                        i.error().errorMessage))
                .toList();
    }

    List<MigrationRecord> flywaysRecords(Flyway flyway) {
        return Arrays.stream(flyway.info().all()).map(StatusReader::record).toList();
    }

    List<String> flywaysProblems(Flyway flyway) {
        var result = flyway.validateWithResult();
        List<ValidateOutput> invalid = result.invalidMigrations == null ? List.of() : result.invalidMigrations;
        return invalid.stream()
                .map(o -> line(o.version, o.errorDetails.errorCode.toString(), o.description, o.errorDetails.errorMessage))
                .toList();
    }

    private static String line(String version, String code, String description, String message) {
        return (version.isEmpty() ? "R" : version) + " " + code.toLowerCase() + " " + description + " " + message;
    }

    @Override
    public void close() {
        db.close();
    }
}
