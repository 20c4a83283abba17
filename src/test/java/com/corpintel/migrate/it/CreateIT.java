package com.corpintel.migrate.it;

import com.corpintel.migrate.create.ModelDirectory;
import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.inspect.CatalogInspector;
import com.corpintel.migrate.inspect.ExpectedSchema;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.timescale.Edition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * create and create-empty on copies of the project's migrations and model: for each
 * model edit the issue lists, create writes a pair that upgrade turns into exactly the
 * model and downgrade undoes to the previous catalog; a second create finds nothing.
 */
class CreateIT {

    private static final Path PROJECT = Path.of(System.getProperty("intel-migrate.project-dir", "."));

    /** A copy of src/main/resources/db and src/main/model to write into. */
    record Workspace(Path root) {
        static Workspace copy() {
            try {
                Path root = ScratchDirectories.create("intel-migrate-create");
                copyTree(PROJECT.resolve("src/main/resources/db"), root.resolve("db"));
                copyTree(PROJECT.resolve("src/main/model"), root.resolve("model"));
                return new Workspace(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path db() {
            return root.resolve("db");
        }

        Path model() {
            return root.resolve("model");
        }

        Cli.Result create(String message, String... more) {
            List<String> args = new java.util.ArrayList<>(List.of("create", message, "--dir", db().toString(),
                    "--model", model().toString(), "--dev-url", TestServer.adminUrl()));
            args.addAll(List.of(more));
            return Cli.run(Map.of(), args.toArray(String[]::new));
        }

        void appendToModel(String file, String sql) {
            try {
                Files.writeString(model().resolve(file), sql, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void replaceInModel(String file, String text, String replacement) {
            try {
                Path path = model().resolve(file);
                String sql = Files.readString(path);
                assertThat(sql).as(file).contains(text);
                Files.writeString(path, sql.replace(text, replacement));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String read(String relative) {
            try {
                return Files.readString(db().resolve(relative));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> files() {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The state each model edit starts from: the project's migrations (a pristine copy,
     * as every workspace is before its edit) applied by upgrade, once for the class.
     */
    private static final DatabaseTemplate UPGRADED = DatabaseTemplate.of("CreateIT upgraded", db -> {
        Cli.Result upgrade = Cli.run(db.env(), "upgrade", "--migrations", Workspace.copy().db().toString());
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
    });

    static Stream<Arguments> modelEdits() {
        return Stream.of(
                edit("add a table with a foreign key", w -> w.appendToModel("30_audit_log.sql", """
                        CREATE TABLE audit_log (
                            id         uuid        NOT NULL DEFAULT uuid_generate_v4(),
                            company_id uuid        NOT NULL,
                            note       text,
                            created_at timestamptz NOT NULL DEFAULT now(),
                            CONSTRAINT audit_log_pkey PRIMARY KEY (id),
                            CONSTRAINT fk_audit_company FOREIGN KEY (company_id)
                                REFERENCES companies (id) ON DELETE CASCADE
                        );
                        CREATE INDEX idx_audit_company ON audit_log (company_id);
                        """)),
                edit("add a nullable column", w -> w.appendToModel("10_companies.sql",
                        "ALTER TABLE companies ADD COLUMN country varchar(2);\n")),
                edit("add a not null column with a default", w -> w.appendToModel("17_users.sql",
                        "ALTER TABLE users ADD COLUMN locale varchar(10) NOT NULL DEFAULT 'en';\n")),
                edit("change a column type", w -> w.replaceInModel("10_companies.sql",
                        "employee_count        integer", "employee_count        bigint")),
                edit("change a default", w -> w.replaceInModel("17_users.sql",
                        "NOT NULL DEFAULT 'viewer'", "NOT NULL DEFAULT 'analyst'")),
                edit("add and drop an index on an ordinary table", w -> {
                    w.appendToModel("10_companies.sql", "CREATE INDEX idx_company_name ON companies (name);\n");
                    w.replaceInModel("11_sec_filings.sql",
                            "CREATE INDEX idx_filing_date ON sec_filings (filing_date);\n", "");
                }),
                edit("add a composite index with a DESC column on the hypertable", w -> w.appendToModel(
                        "12_financial_metrics.sql", "CREATE INDEX idx_metric_company_latest ON financial_metrics"
                                + " (company_id, metric_date DESC);\n")),
                edit("add a vector column with an HNSW index", w -> w.appendToModel("16_market_intelligence.sql", """
                        ALTER TABLE market_intelligence ADD COLUMN embedding vector(384);
                        CREATE INDEX idx_intel_embedding ON market_intelligence
                            USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);
                        """)),
                edit("add a view", w -> w.appendToModel("40_active_users.sql",
                        "CREATE VIEW active_users AS SELECT id, email, role FROM users WHERE is_active;\n")),
                edit("change a retention interval", w -> w.replaceInModel("50_timescale_features.community.sql",
                        "drop_after => INTERVAL '2 years'", "drop_after => INTERVAL '3 years'")));
    }

    private static Arguments edit(String name, Consumer<Workspace> change) {
        return Arguments.of(name, change);
    }

    @Test
    void theDeclaredModelDescribesTheBundledHeadOnThisServersEdition() throws SQLException {
        Workspace workspace = Workspace.copy();
        Edition edition = edition();
        try (TestDatabase db = TestServer.createDatabase(); Connection connection = db.connect()) {
            ModelDirectory.open(workspace.model(), "--model").apply(connection, edition);
            SchemaModel model = new CatalogInspector().inspect(connection, "public");
            assertThat(SchemaDiff.compare(ExpectedSchema.load(edition), model.withoutExtensionVersions()))
                    .as("the model against db/expected/schema." + edition.resourceName + ".txt").isEmpty();
        }
        Cli.Result create = workspace.create("nothing to do");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.stdout()).isEqualTo("no changes: the migrations already build the declared model\n");
        assertThat(workspace.files()).isEqualTo(Workspace.copy().files());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelEdits")
    void createWritesAPairThatReachesTheModelAndComesBack(String name, Consumer<Workspace> change) {
        Workspace workspace = Workspace.copy();
        if (name.contains("retention") && edition() == Edition.APACHE) {
            // No retention policy exists under the Apache license (schema.md): the community
            // model file is not applied on this server, so editing it changes nothing here.
            change.accept(workspace);
            Cli.Result create = workspace.create(name);
            assertThat(create.exitCode()).as(create.toString()).isZero();
            assertThat(create.stdout()).startsWith("no changes");
            assertThat(workspace.files()).noneMatch(f -> f.contains("V4__"));
            return;
        }
        try (TestDatabase db = UPGRADED.copy()) {
            Map<String, String> env = db.env();
            List<String> before = CatalogFingerprint.of(db);

            change.accept(workspace);
            Cli.Result create = workspace.create(name);
            assertThat(create.exitCode()).as(create.toString()).isZero();
            String slug = name.replace(' ', '_').toLowerCase(java.util.Locale.ROOT);
            assertThat(create.stdout()).contains("wrote " + workspace.db().resolve("migration/V4__" + slug + ".sql"),
                    "wrote " + workspace.db().resolve("undo/U4__" + slug + ".sql"));
            assertThat(workspace.read("bundled-resources.txt")).contains("db/migration/V4__" + slug + ".sql",
                    "db/undo/U4__" + slug + ".sql");

            Cli.Result up = Cli.run(env, "upgrade", "--migrations", workspace.db().toString());
            assertThat(up.exitCode()).as(up + "\n" + workspace.read("migration/V4__" + slug + ".sql")).isZero();
            // The live schema is the model: the regenerated expected model, and nothing left to create.
            SchemaModel live = inspect(db);
            SchemaModel expected = SchemaModelText.read(workspace.read("expected/schema." + edition().resourceName
                    + ".txt"));
            assertThat(SchemaDiff.compare(expected, live)).isEmpty();
            Cli.Result again = workspace.create(name + " again");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.stdout()).startsWith("no changes");
            Cli.Result validate = Cli.run(env, "validate", "--migrations", workspace.db().toString());
            assertThat(validate.stdout()).as(validate.toString()).doesNotContain("drift");

            Cli.Result down = Cli.run(env, "downgrade", "--allow-data-loss", "--migrations", workspace.db().toString());
            assertThat(down.exitCode()).as(down + "\n" + workspace.read("undo/U4__" + slug + ".sql")).isZero();
            assertThat(CatalogFingerprint.of(db)).isEqualTo(before);
        }
    }

    @Test
    void generatedFilesAreTheSameBytesEveryTimeAndDryRunPrintsThemWithoutWriting() {
        Workspace first = Workspace.copy();
        Workspace second = Workspace.copy();
        for (Workspace w : List.of(first, second)) {
            w.appendToModel("30_audit_log.sql", """
                    CREATE TABLE audit_log (
                        id uuid PRIMARY KEY,
                        company_id uuid REFERENCES companies (id),
                        note text
                    );
                    ALTER TABLE companies DROP COLUMN website;
                    """);
        }
        List<String> untouched = first.files();
        Cli.Result firstRun = first.create("audit log");
        assertThat(firstRun.exitCode()).as(firstRun.toString()).isZero();
        assertThat(firstRun.stderr()).contains("warning: V4__audit_log.sql: drops column companies.website");
        Cli.Result printed = second.create("audit log", "--dry-run");
        assertThat(printed.exitCode()).as(printed.toString()).isZero();
        assertThat(second.files()).as("--dry-run writes nothing").isEqualTo(untouched);
        Cli.Result written = second.create("audit log");
        assertThat(written.exitCode()).as(written.toString()).isZero();
        for (String file : List.of("migration/V4__audit_log.sql", "undo/U4__audit_log.sql",
                "expected/schema." + edition().resourceName + ".txt")) {
            assertThat(second.read(file)).as(file).isEqualTo(first.read(file));
            assertThat(printed.stdout()).contains("==> " + second.db().resolve(file) + " <==\n" + second.read(file));
        }
        String forward = first.read("migration/V4__audit_log.sql");
        assertThat(forward).contains("-- DESTRUCTIVE: drops column companies.website and its data",
                "ALTER TABLE companies DROP COLUMN website;",
                // A new, empty table takes its foreign key at once; NOT VALID is for populated ones.
                "ALTER TABLE audit_log ADD CONSTRAINT audit_log_company_id_fkey FOREIGN KEY (company_id)"
                        + " REFERENCES companies(id);");
        assertThat(first.read("undo/U4__audit_log.sql")).contains("-- data-loss: drops table audit_log",
                "DROP TABLE audit_log;", "ALTER TABLE companies ADD COLUMN website character varying(255);");
    }

    @Test
    void createEmptyContinuesTheNumberingAndWritesTemplatesThatUpgradeAndDowngradeRun() {
        Workspace workspace = Workspace.copy();
        Cli.Result first = Cli.run(Map.of(), "create-empty", "Add audit log!", "--dir", workspace.db().toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("wrote " + workspace.db().resolve("migration/V4__add_audit_log.sql"),
                "wrote " + workspace.db().resolve("undo/U4__add_audit_log.sql"));
        String forward = workspace.read("migration/V4__add_audit_log.sql");
        assertThat(forward).startsWith("-- V4: Add audit log!\n").contains("-- Date: " + java.time.LocalDate.now(),
                "\n-- executeInTransaction=false\n");
        assertThat(workspace.read("undo/U4__add_audit_log.sql")).startsWith("-- U4: undoes V4 (Add audit log!)\n");
        Cli.Result second = Cli.run(Map.of(), "create-empty", "second", "--dir", workspace.db().toString());
        assertThat(second.stdout()).contains("migration/V5__second.sql");
        try (TestDatabase db = UPGRADED.copy()) {
            // V1..V3 are applied already: the upgrade runs the two templates.
            Cli.Result up = Cli.run(db.env(), "upgrade", "--migrations", workspace.db().toString());
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.stdout()).contains("Applied 2 migration");
            assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("5\n");
            Cli.Result down = Cli.run(db.env(), "downgrade", "2", "--migrations", workspace.db().toString());
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("3\n");
        }
    }

    @Test
    void bothCommandsRefuseAMessageWithoutLettersAndADirectoryThatHoldsNoMigrationsWritingNothing()
            throws IOException {
        Workspace workspace = Workspace.copy();
        List<String> files = workspace.files();
        Path notMigrations = ScratchDirectories.create("not-migrations");
        for (String command : List.of("create-empty", "create")) {
            Cli.Result noSlug = Cli.run(Map.of(), command, "?!", "--dir", workspace.db().toString());
            assertThat(noSlug.exitCode()).as(noSlug.toString()).isEqualTo(2);
            assertThat(noSlug.stderr()).contains("gives no file name");
            Cli.Result wrongDir = Cli.run(Map.of(), command, "add x", "--dir", notMigrations.toString());
            assertThat(wrongDir.exitCode()).as(wrongDir.toString()).isEqualTo(9);
            assertThat(wrongDir.stderr()).contains("is not a migrations directory: no migration/ inside");
        }
        assertThat(workspace.files()).isEqualTo(files);
        try (Stream<Path> left = Files.list(notMigrations)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aModelThatDoesNotApplyIsRefusedAndTheTemporaryDatabasesAreDropped() {
        Workspace workspace = Workspace.copy();
        workspace.appendToModel("30_broken.sql", "CREATE TABLE broken (id uuid REFERENCES nowhere (id));\n");
        Cli.Result create = workspace.create("broken");
        assertThat(create.exitCode()).as(create.toString()).isEqualTo(9);
        assertThat(create.stderr()).contains("the model does not apply: 30_broken.sql", "nowhere");
        try (TestDatabase db = TestServer.createDatabase()) {
            assertThat(db.rows("SELECT datname FROM pg_database WHERE datname LIKE 'intel\\_migrate\\_scratch\\_%'"))
                    .isEmpty();
        }
    }

    /**
     * The worked example of MIGRATION_GUIDE "Creating a migration", replayed: the model
     * edit it shows, what `create` prints (paths shortened as the guide says), the script
     * it writes, and the "no changes" of the next run.
     */
    @Test
    void theWorkedExampleInTheMigrationGuideIsWhatCreatePrints() throws IOException {
        String guide = Files.readString(PROJECT.resolve("docs/MIGRATION_GUIDE.md"));
        int start = guide.indexOf("```sh\n", guide.indexOf("A worked example: adding a column and an index"));
        List<String> lines = List.of(guide.substring(start + 6, guide.indexOf("```\n", start + 6)).split("\n"));
        int heredoc = lines.indexOf("$ cat >> src/main/model/10_companies.sql <<'SQL'");
        int create = lines.indexOf("$ intel-migrate create \"add company country\"");
        int cat = lines.indexOf("$ cat src/main/resources/db/migration/V4__add_company_country.sql");
        int again = lines.indexOf("$ intel-migrate create \"again\"");
        assertThat(List.of(heredoc, create, cat, again)).as("the guide's example, as this test reads it")
                .doesNotContain(-1).isSorted();
        Workspace workspace = Workspace.copy();
        workspace.appendToModel("10_companies.sql", String.join("\n", lines.subList(heredoc + 1, create - 1)) + "\n");

        Cli.Result created = workspace.create("add company country");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        String shortened = (created.stderr() + created.stdout())
                .replace(workspace.db().toString(), "src/main/resources/db");
        assertThat(shortened.lines().toList()).isEqualTo(lines.subList(create + 1, cat));
        assertThat(workspace.read("migration/V4__add_company_country.sql").lines().toList())
                .isEqualTo(lines.subList(cat + 1, again));
        Cli.Result next = workspace.create("again");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat((next.stderr() + next.stdout()).lines().toList()).isEqualTo(lines.subList(again + 1, lines.size()));
    }

    private static Edition edition() {
        return TestServer.edition() == TimescaleEdition.COMMUNITY ? Edition.COMMUNITY : Edition.APACHE;
    }

    private static SchemaModel inspect(TestDatabase db) {
        try (Connection connection = db.connect()) {
            return new CatalogInspector().inspect(connection, "public");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
