package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionResolver;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.config.Redaction;
import com.corpintel.migrate.create.CreateService;
import com.corpintel.migrate.create.MigrationsDirectory;
import com.corpintel.migrate.create.Slug;
import com.corpintel.migrate.create.ModelDirectory;
import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.db.SessionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "create", sortOptions = false,
        description = {"Generate the next migration pair (forward V<n>__<msg>.sql and undo U<n>__<msg>.sql) from the"
                + " difference between the schema the migrations build and the declared model (" 
                + MigrationsDirectory.MODEL_PATH + "), or a live database with --from-db.",
                "Works on temporary databases it creates and drops on a development server (--dev-url); the planned"
                        + " scripts must reach the model and come back there before anything is written. Also"
                        + " regenerates the expected models (DIR/expected/schema.<edition>.txt) for the new head."
                        + " Prints \"no changes\" and writes nothing when they agree."})
class CreateCommand implements Callable<Integer> {

    /** scripts/localdb's cluster with its development credential, as `scripts/localdb url` prints it. */
    static final String LOCAL_DEV_URL = "postgresql://intel:intel-dev-only@127.0.0.1:55432/intel";

    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "MSG", description = "What the migration does; it names the files.")
    String message;

    @Mixin
    MigrationsDirectoryOptions directoryOptions;

    @Option(names = "--model", paramLabel = "DIR",
            description = "The declared model: DDL files applied in name order (default: "
                    + MigrationsDirectory.MODEL_PATH + " of the project).")
    Path model;

    @Option(names = "--from-db", paramLabel = "URL",
            description = "Take the desired schema from this live database (schema --from-schema) instead of the model.")
    String fromDb;

    @Option(names = "--from-schema", paramLabel = "SCHEMA", defaultValue = "public",
            description = "The schema of --from-db (default: ${DEFAULT-VALUE}).")
    String fromSchema;

    @Option(names = "--dev-url", paramLabel = "URL", defaultValue = "${env:INTEL_MIGRATE_DEV_URL:-" + LOCAL_DEV_URL + "}",
            description = "A development server where create may create and drop temporary databases"
                    + " (INTEL_MIGRATE_DEV_URL; default: the local database of scripts/localdb).")
    String devUrl;

    @Option(names = "--dry-run", description = "Print the files instead of writing them.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Slug.of(message); // a message that names no file is refused before anything else
        MigrationsDirectory directory = directoryOptions.locate();
        CreateService.Desired desired;
        if (fromDb != null) {
            if (model != null) {
                throw Failure.usage("--model and --from-db exclude each other: the desired schema comes from one");
            }
            desired = new CreateService.Desired(null, new Database(settings(fromDb), new SessionSettings(fromSchema,
                    "intel-migrate create", null, Duration.ofSeconds(30), Duration.ofMinutes(5))));
        } else {
            Path modelDirectory = model != null ? model : directory.projectModel().orElseThrow(() -> Failure.refused(
                    "no model directory: " + directory.path() + " is not the project's " + MigrationsDirectory.PROJECT_PATH
                            + " with " + MigrationsDirectory.MODEL_PATH + " beside it; give --model DIR"));
            desired = new CreateService.Desired(ModelDirectory.open(modelDirectory, model != null ? "--model" : "model"),
                    null);
        }
        CreateService.Result result = new CreateService(settings(devUrl), this::progress).plan(directory, desired, message);
        var out = spec.commandLine().getOut();
        if (result.noChanges()) {
            out.println("no changes: the migrations already build the "
                    + (fromDb != null ? "schema of --from-db" : "declared model"));
            out.flush();
            return ExitCode.OK.code;
        }
        result.warnings().forEach(w -> progress("warning: " + w));
        if (dryRun) {
            for (Map.Entry<String, String> file : result.created().entrySet()) {
                out.print("==> " + directory.path().resolve(file.getKey()) + " <==\n" + file.getValue() + "\n");
            }
            for (Map.Entry<Path, String> file : result.replaced().entrySet()) {
                out.print("==> " + file.getKey() + " <==\n" + file.getValue() + "\n");
            }
        } else {
            for (Path written : directory.write(result.created(), result.replaced())) {
                out.println("wrote " + written);
            }
        }
        out.flush();
        return ExitCode.OK.code;
    }

    /** A URL's settings, the environment's PG* variables filling in what it leaves out (such as PGPASSWORD). */
    private static ConnectionSettings settings(String url) {
        ConnectionSettings settings = ConnectionResolver.fromProcess().resolve(
                new ConnectionResolver.Options(url, null, null, null, null, null, null));
        Redaction.register(settings.password());
        return settings;
    }

    private void progress(String message) {
        var err = spec.commandLine().getErr();
        err.println("intel-migrate: " + Redaction.redact(message));
        err.flush();
    }
}
