package com.corpintel.migrate.it;

import com.corpintel.migrate.db.MigrationLock;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's and docs/' console examples hold: each marked example runs, in the
 * order shown, against a database of its own prepared as its marker names, and what
 * the binary prints must match the transcript (see {@link DocTranscript} for the
 * rules). Also: every console transcript is checked, and every relative link works.
 */
class DocExamplesIT {

    /** The runner's name in application_name and installed_by, as the examples show it. */
    static final String HOSTNAME = "bastion-1";

    private static final Path PROJECT = Path.of(System.getProperty("intel-migrate.project-dir", "."));

    /** What an example's marker can ask for before its first command. */
    enum Setup {
        /** Nothing configured: no database settings at all. */
        NO_CONFIGURATION,
        /** A new, empty database. */
        EMPTY_DATABASE,
        /** A new database after `upgrade` to the bundled head. */
        UPGRADED_DATABASE,
        /** Upgraded, then the recorded checksum of V3 no longer matches its script. */
        CHECKSUM_MISMATCH,
        /** Upgraded, then changed by hand: an extra table and index, a dropped default and trigger,
         * an IVFFlat index rebuilt with another operator class and lists. */
        DRIFT,
        /** Upgraded, then stripped of the tool's tables (history and operations log): for baseline. */
        STRIPPED_HISTORY,
        /** An empty database whose migration lock (schema public) is held by a session named operator-laptop. */
        LOCK_HELD;

        String markerName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Setup of(String markerName) {
            for (Setup setup : values()) {
                if (setup.markerName().equals(markerName)) {
                    return setup;
                }
            }
            throw new AssertionError("unknown example setup '" + markerName + "'; known: "
                    + Stream.of(values()).map(Setup::markerName).toList());
        }
    }

    /** The upgraded-database state (and the start of the three setups derived from it), built once. */
    private static final DatabaseTemplate UPGRADED = DatabaseTemplate.of("DocExamplesIT upgraded-database", db -> {
        Cli.Result upgrade = Cli.run(env(db), "upgrade");
        assertThat(upgrade.exitCode()).as("setup of the upgraded-database examples: " + upgrade).isZero();
    });

    /** What every example's commands run with: the PG* variables of its database, and HOSTNAME. */
    private static Map<String, String> env(TestDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", TestServer.host());
        env.put("PGPORT", String.valueOf(TestServer.port()));
        env.put("PGUSER", TestServer.user());
        env.put("PGPASSWORD", TestServer.password());
        env.put("PGDATABASE", db.name());
        env.put("HOSTNAME", HOSTNAME);
        return env;
    }

    static List<Path> documents() {
        List<Path> files = new ArrayList<>();
        files.add(PROJECT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyConsoleTranscriptInTheDocsIsACheckedExample() {
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (Path file : documents()) {
            DocTranscript.Document document = DocTranscript.parse(PROJECT.relativize(file), read(file));
            problems.addAll(document.problems());
            for (DocTranscript.CheckedBy checked : document.checkedElsewhere()) {
                Path test = PROJECT.resolve("src/test/java/com/corpintel/migrate/it/" + checked.testClass() + ".java");
                if (!Files.isRegularFile(test) || !read(test).stream()
                        .anyMatch(l -> l.contains("void " + checked.method() + "("))) {
                    problems.add(checked.file() + ":" + checked.line() + ": checked-by names no test: "
                            + checked.testClass() + "#" + checked.method());
                }
            }
            examples += document.examples().size();
        }
        assertThat(problems).as("documentation transcripts that DocExamplesIT cannot check").isEmpty();
        assertThat(examples).as("checked examples in README.md and docs/").isGreaterThan(10);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleInTheDocsPrintsWhatItShows() {
        return documents().stream()
                .flatMap(file -> DocTranscript.parse(PROJECT.relativize(file), read(file)).examples().stream())
                .map(example -> DynamicTest.dynamicTest(example.name(), () -> run(example)));
    }

    private static void run(DocTranscript.Example example) throws Exception {
        Setup setup = Setup.of(example.setup());
        if (setup == Setup.NO_CONFIGURATION) {
            runCommands(example, Map.of("HOSTNAME", HOSTNAME));
            return;
        }
        boolean upgraded = setup != Setup.EMPTY_DATABASE && setup != Setup.LOCK_HELD;
        try (TestDatabase db = upgraded ? UPGRADED.copy() : TestServer.createDatabase()) {
            Map<String, String> env = env(db);
            if (setup == Setup.LOCK_HELD) {
                try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
                    s.execute("SET application_name = 'operator-laptop'");
                    s.execute("SELECT pg_advisory_lock(" + MigrationLock.CLASS_ID + ", "
                            + MigrationLock.objectId("public") + ")");
                    runCommands(example, env);
                }
                return;
            }
            if (setup == Setup.CHECKSUM_MISMATCH) {
                db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");
            }
            if (setup == Setup.STRIPPED_HISTORY) {
                db.execute("DROP TABLE flyway_schema_history; DROP TABLE intel_migrate_operations");
            }
            if (setup == Setup.DRIFT) {
                db.execute("""
                        CREATE TABLE scratch_notes (id int);
                        CREATE INDEX idx_company_name ON companies (name);
                        ALTER TABLE users ALTER COLUMN role DROP DEFAULT;
                        DROP TRIGGER trg_users_updated_at ON users;
                        DROP INDEX idx_chunk_embedding;
                        CREATE INDEX idx_chunk_embedding ON document_chunks
                            USING ivfflat (embedding vector_l2_ops) WITH (lists = 50);
                        """);
            }
            runCommands(example, env);
        }
    }

    private static void runCommands(DocTranscript.Example example, Map<String, String> baseEnv) {
        List<DocTranscript.Command> commands = example.commands();
        Integer lastExitCode = null;
        for (int i = 0; i < commands.size(); i++) {
            DocTranscript.Command command = commands.get(i);
            String where = example.file() + ":" + command.line() + " `$ " + command.text() + "`";
            if (command.echoExitCode()) {
                assertThat(lastExitCode).as(where + ": echo $? needs a command before it").isNotNull();
                assertThat(command.expected()).as(where).containsExactly(String.valueOf(lastExitCode));
                continue;
            }
            Map<String, String> env = new HashMap<>(baseEnv);
            env.putAll(command.env());
            Cli.Result result = Cli.run(env, command.args().toArray(String[]::new));
            List<String> stdout = DocTranscript.lines(asDocumented(result.stdout()));
            if (command.head() != null && stdout.size() > command.head()) {
                stdout = stdout.subList(0, command.head());
            }
            List<String> stderr = DocTranscript.lines(asDocumented(result.stderr()));
            assertThat(DocTranscript.matches(command.expected(), stdout, stderr))
                    .as("%s printed something else than the documentation shows.%n--- documented%n%s%n"
                                    + "--- printed (exit %d), stdout%n%s%n--- stderr%n%s", where,
                            String.join("\n", command.expected()), result.exitCode(),
                            String.join("\n", stdout), String.join("\n", stderr))
                    .isTrue();
            boolean echoed = i + 1 < commands.size() && commands.get(i + 1).echoExitCode();
            if (!echoed && !DocTranscript.showsError(command.expected())) {
                assertThat(result.exitCode()).as(where + " exits 0 unless the example shows an error or its"
                        + " exit code:\n" + result).isZero();
            }
            lastExitCode = result.exitCode();
        }
    }

    /** The examples were written against the local database, whose role is intel. */
    private static String asDocumented(String output) {
        String user = TestServer.user();
        return user.equals("intel") ? output
                : output.replaceAll("(?<![\\w-])" + Pattern.quote(user) + "(?![\\w-])", "intel");
    }

    @Test
    void everyRelativeLinkInTheDocsLeadsToAFileAndHeadingOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path file : documents()) {
            broken.addAll(DocLinks.broken(PROJECT, file));
        }
        assertThat(broken).isEmpty();
    }
}
