package com.corpintel.migrate.create;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SqlFailures;
import com.corpintel.migrate.diff.Difference;
import com.corpintel.migrate.diff.MigrationPlanner;
import com.corpintel.migrate.diff.PlannedScript;
import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.inspect.CatalogInspector;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.Patience;
import com.corpintel.migrate.migrate.Script;
import com.corpintel.migrate.timescale.Edition;
import com.corpintel.migrate.timescale.EditionChoice;
import com.corpintel.migrate.timescale.FeatureMode;
import com.corpintel.migrate.timescale.TimescaleLicense;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code create}: the next migration pair from the difference between the schema the
 * migrations build and the desired one (the declared model, or a live database). Both
 * are built or read on temporary databases of a development server; the planned forward
 * script is then run there and must reach the desired schema, and the undo script must
 * bring it back, before anything is written.
 */
public final class CreateService {

    /** What create would write; empty files when nothing differs. */
    public record Result(String version, String slug, Map<String, String> created, Map<Path, String> replaced,
                         List<String> warnings, Edition edition) {

        public boolean noChanges() {
            return created.isEmpty();
        }
    }

    /** Where the desired schema comes from: a model directory, or a live database and its schema. */
    public record Desired(ModelDirectory model, Database database) {
    }

    private final ConnectionSettings devServer;
    private final Consumer<String> progress;
    private final CatalogInspector inspector = new CatalogInspector();

    public CreateService(ConnectionSettings devServer, Consumer<String> progress) {
        this.devServer = devServer;
        this.progress = progress;
    }

    public Result plan(MigrationsDirectory directory, Desired desired, String message) {
        String slug = Slug.of(message);
        String version = directory.nextVersion();
        try (ScratchServer scratch = new ScratchServer(devServer, progress)) {
            Database current = scratch.create("migrations");
            MigrationService migrations = new MigrationService(current, directory.source(), FeatureMode.AUTO,
                    "intel-migrate create", line -> { });
            migrations.upgrade(null, new Patience(Duration.ofSeconds(30), 0, Duration.ofSeconds(1)));
            Edition edition = edition(current);
            SchemaModel before = inspector.inspect(current);

            SchemaModel target;
            if (desired.database() != null) {
                target = inspector.inspect(desired.database());
            } else {
                Database model = scratch.create("model");
                try (Connection connection = model.connect()) {
                    desired.model().apply(connection, edition);
                } catch (SQLException e) {
                    throw Failure.refused("cannot apply the model: " + SqlFailures.serverMessage(e));
                }
                target = inspector.inspect(model);
            }

            PlannedScript forward = MigrationPlanner.plan(before, target);
            if (forward.isEmpty()) {
                return new Result(version, slug, Map.of(), Map.of(), List.of(), edition);
            }
            PlannedScript undo = MigrationPlanner.plan(target, before);

            // The plan proves itself on the scratch copy before anything is written.
            run(current, forward, "forward");
            SchemaModel after = inspector.inspect(current);
            requireSame(target, after, "the forward script");
            run(current, undo, "undo");
            requireSame(before, inspector.inspect(current), "the undo script");

            String forwardName = "V" + version + "__" + slug + ".sql";
            String undoName = "U" + version + "__" + slug + ".sql";
            String source = desired.database() != null ? "a live database (--from-db)" : "the declared model";
            Map<String, String> created = directory.pair(version, slug,
                    script(forward, "V" + version + ": " + message, source, "Undone by " + undoName + ".", forwardName,
                            false),
                    script(undo, "U" + version + ": undoes V" + version + " (" + message + ")", source,
                            "Undoes " + forwardName + ".", undoName, true),
                    forward.transactional(), undo.transactional());
            Map<Path, String> replaced = expectedModels(directory, edition, before, after);
            List<String> warnings = new ArrayList<>();
            forward.warnings().forEach(w -> warnings.add(forwardName + ": " + w));
            undo.warnings().forEach(w -> warnings.add(undoName + ": " + w));
            return new Result(version, slug, created, replaced, warnings, edition);
        }
    }

    private static Edition edition(Database database) {
        try (Connection connection = database.connect()) {
            return TimescaleLicense.ofInstalled(connection).flatMap(EditionChoice::offered).orElse(null);
        } catch (SQLException e) {
            throw Failure.connection("cannot read TimescaleDB's license: " + SqlFailures.serverMessage(e), e);
        }
    }

    /** Runs a planned script as Flyway would: in one transaction, or statement by statement when marked so. */
    private static void run(Database database, PlannedScript script, String which) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(!script.transactional());
            for (PlannedScript.Statement statement : script.statements()) {
                try (Statement s = connection.createStatement()) {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new Failure(Failure.Kind.INTERNAL, "internal error: the planned " + which
                            + " script fails on the temporary database, so nothing was written: "
                            + SqlFailures.serverMessage(e) + "\n  in: " + statement.sql().replace("\n", "\n      ")
                            + "\n  Write this migration with create-empty, or report the planner's bug.", e);
                }
            }
            if (script.transactional()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw Failure.connection("cannot run the planned " + which + " script: " + SqlFailures.serverMessage(e), e);
        }
    }

    private static void requireSame(SchemaModel expected, SchemaModel actual, String what) {
        List<Difference> differences = SchemaDiff.compare(expected, actual);
        if (!differences.isEmpty()) {
            StringBuilder message = new StringBuilder("internal error: " + what + " does not reach the schema it was"
                    + " planned for, so nothing was written (a change the planner does not cover):");
            differences.forEach(d -> message.append("\n  ").append(d.message()));
            throw new Failure(Failure.Kind.INTERNAL, message.toString());
        }
    }

    private static String script(PlannedScript plan, String title, String source, String pairedWith, String name,
                                 boolean undo) {
        List<String> header = new ArrayList<>();
        header.add("-- " + title);
        header.add("-- Generated by `intel-migrate create` from " + source + "; review it like code.");
        header.add("-- " + pairedWith);
        if (!plan.transactional()) {
            header.add("-- Runs outside a transaction, statement by statement (" + name + ".conf): if a statement");
            header.add("-- fails, the ones before it stay applied; fix the cause and run the rest by hand.");
        }
        for (String warning : plan.warnings()) {
            // An undo script declares what it destroys, so that downgrade asks for --allow-data-loss.
            header.add((undo ? Script.DATA_LOSS_MARKER : "-- DESTRUCTIVE:") + " " + warning);
        }
        return String.join("\n", header) + "\n\n" + plan.body();
    }

    /** New texts of the committed expected models, where they change. */
    private static Map<Path, String> expectedModels(MigrationsDirectory directory, Edition edition,
                                                    SchemaModel before, SchemaModel after) {
        Map<Path, String> files = new LinkedHashMap<>();
        if (edition == null) {
            return files;
        }
        Optional<Path> own = directory.expectedModel(edition.resourceName);
        own.ifPresent(file -> files.put(file, ExpectedModels.generated(after)));
        for (Edition other : Edition.values()) {
            if (other == edition) {
                continue;
            }
            directory.expectedModel(other.resourceName).ifPresent(file -> {
                String text = read(file);
                SchemaModel derived = ExpectedModels.derive(SchemaModelText.read(text),
                        before.withoutExtensionVersions(), after.withoutExtensionVersions());
                files.put(file, ExpectedModels.derivedText(text, derived));
            });
        }
        files.entrySet().removeIf(e -> e.getValue().equals(read(e.getKey())));
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Failure.refused("cannot read " + file + ": " + e.getMessage());
        }
    }
}
