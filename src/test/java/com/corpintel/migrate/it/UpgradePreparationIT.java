package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What upgrade decides before its first step: refusals come with exit 9 and change
 * nothing, and nothing is said about a step that is not going to run.
 */
class UpgradePreparationIT {

    private static final String LICENSE_LINE = "TimescaleDB runs under the Apache license: skipping";
    private static final String TOOL_TABLES = "SELECT count(*) FROM pg_class"
            + " WHERE relname IN ('flyway_schema_history', 'intel_migrate_operations')";

    /** The server's license, asked in a transaction that is rolled back (the database may lack the extension). */
    private static String license(TestDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            try (var rs = s.executeQuery("SHOW timescaledb.license")) {
                rs.next();
                String license = rs.getString(1);
                c.rollback();
                return license;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ --timescale-features=required

    @Test
    void requiredRefusesWhenOnlyVersionThreeIsPendingButVersionTwoRanTheApacheBranch() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result two = Cli.run(db.env(), "upgrade", "--target", "2");
            assertThat(two.exitCode()).as(two.toString()).isZero();
            List<String> before = CatalogFingerprint.of(db);

            Cli.Result dryRun = Cli.run(db.env(), "upgrade", "--dry-run", "--timescale-features", "required");
            Cli.Result required = Cli.run(db.env(), "upgrade", "--timescale-features", "required");

            assertThat(dryRun.exitCode()).as("the dry run decides as the upgrade: " + dryRun)
                    .isEqualTo(required.exitCode());
            if ("apache".equals(license(db))) {
                assertThat(required.exitCode()).as(required.toString()).isEqualTo(9);
                assertThat(required.stderr()).contains("Apache license", "compression of financial_metrics",
                        "continuous aggregate daily_metrics_summary", "--timescale-features=auto");
                assertThat(CatalogFingerprint.of(db)).as("nothing changed").isEqualTo(before);
                assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("2\n");
            } else {
                assertThat(required.exitCode()).as("version 2 built every feature: " + required).isZero();
                assertThat(Cli.run(db.env(), "current").stdout()).isEqualTo("3\n");
            }
        }
    }

    @Test
    void requiredRefusesAnUpToDateApacheSchemaToo() {
        try (TestDatabase db = DatabaseTemplate.upgraded().copy()) {

            Cli.Result dryRun = Cli.run(db.env(), "upgrade", "--dry-run", "--timescale-features", "required");
            Cli.Result required = Cli.run(db.env(), "upgrade", "--timescale-features", "required");

            boolean apache = "apache".equals(license(db));
            assertThat(required.exitCode()).as(required.toString()).isEqualTo(apache ? 9 : 0);
            assertThat(dryRun.exitCode()).as("the dry run decides as the upgrade: " + dryRun).isEqualTo(apache ? 9 : 0);
        }
    }

    @Test
    void requiredChecksOnlyTheBundledSetWhoseVersionTwoDependsOnTheLicense() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__a.sql", "CREATE TABLE a (x int);")
                .forward("V2__b.sql", "CREATE TABLE b (x int);");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result dryRun = Cli.run(db.env(), "upgrade", "--dry-run", "--migrations", set.path(),
                    "--timescale-features", "required");
            Cli.Result result = Cli.run(db.env(), "upgrade", "--migrations", set.path(),
                    "--timescale-features", "required");

            assertThat(dryRun.exitCode()).as("the dry run decides as the upgrade: " + dryRun).isZero();
            assertThat(dryRun.stdout()).contains("CREATE TABLE a (x int);", "CREATE TABLE b (x int);");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
    }

    // ------------------------------------------------------------------ privileges

    @Test
    void theDatabaseOwnerWithoutSuperuserIsRefusedWith9NamingTheExtensionItMayNotCreate() {
        withRole(role -> {
            try (TestDatabase db = TestServer.createDatabase()) {
                db.execute("ALTER DATABASE " + db.name() + " OWNER TO " + role);
                // An owner may create trusted extensions; the first one that is not needs a superuser.
                String untrusted = db.value("SELECT v.name FROM pg_available_extension_versions v"
                        + " JOIN pg_available_extensions a ON a.name = v.name AND a.default_version = v.version"
                        + " WHERE v.name IN ('timescaledb', 'vector', 'uuid-ossp') AND NOT v.trusted"
                        + " ORDER BY array_position(ARRAY['timescaledb', 'vector', 'uuid-ossp'], v.name::text) LIMIT 1");

                Cli.Result result = refusedWithoutChanges(db, env(db, role));

                assertThat(result.stderr()).contains("permission denied to create extension \"" + untrusted + "\"",
                        "Must be superuser", "run as a role that may create extensions",
                        "or have an administrator create timescaledb, vector, uuid-ossp in database " + db.name());
            }
        });
    }

    @Test
    void aRoleWithoutCreateOnTheDatabaseIsRefusedWith9NamingThePrivilege() {
        withRole(role -> {
            try (TestDatabase db = TestServer.createDatabase()) {
                // Not the owner: no CREATE on the database, which even a trusted extension needs.
                Cli.Result result = refusedWithoutChanges(db, env(db, role));

                assertThat(result.stderr()).contains("permission denied to create extension \"timescaledb\"",
                        "run as a role that may create extensions");
            }
        });
    }

    @Test
    void aRoleThatMayNotCreateInTheSchemaIsRefusedWith9NamingTheGrant() {
        withRole(role -> {
            try (TestDatabase db = TestServer.createDatabase()) {
                db.execute("CREATE EXTENSION timescaledb; CREATE EXTENSION vector; CREATE EXTENSION \"uuid-ossp\"");

                Cli.Result result = refusedWithoutChanges(db, env(db, role));

                assertThat(result.stderr()).contains("permission denied for schema public",
                        "GRANT CREATE ON SCHEMA \"public\"");
            }
        });
    }

    private static Cli.Result refusedWithoutChanges(TestDatabase db, Map<String, String> env) {
        List<String> before = CatalogFingerprint.of(db);
        Cli.Result result = Cli.run(env, "upgrade");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(9);
        assertThat(result.stderr().lines().toList()).as(result.toString()).hasSize(1);
        assertThat(CatalogFingerprint.of(db)).as("nothing changed").isEqualTo(before);
        assertThat(db.value(TOOL_TABLES)).as("no history, no operations log").isEqualTo("0");
        return result;
    }

    /** A login role that is not a superuser, for the length of {@code test}. */
    private static void withRole(Consumer<String> test) {
        String role = "it_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        admin("CREATE ROLE " + role + " LOGIN NOSUPERUSER PASSWORD '" + role + "-pw'");
        try {
            test.accept(role);
        } finally {
            admin("DROP ROLE " + role);
        }
    }

    private static Map<String, String> env(TestDatabase db, String role) {
        return Map.of("DATABASE_URL", "postgresql://" + role + "@" + TestServer.host() + ":" + TestServer.port() + "/"
                + db.name(), "PGPASSWORD", role + "-pw");
    }

    private static void admin(String sql) {
        try (Connection c = TestServer.connect(TestServer.adminUri().getPath().substring(1));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /**
     * A superuser's first upgrade reads the license from the library it loads (LOAD), and creates
     * each extension once, in version 1: no CREATE EXTENSION in a rolled-back transaction first.
     * Counted by an event trigger with a sequence, which a rollback does not take back.
     */
    @Test
    void aSuperusersFirstUpgradeCreatesEachExtensionOnceWithoutATrial() {
        try (TestDatabase db = TestServer.createDatabase()) {
            db.execute("""
                    CREATE SCHEMA it_watch;
                    CREATE SEQUENCE it_watch.create_extension;
                    CREATE FUNCTION it_watch.count_create_extension() RETURNS event_trigger LANGUAGE plpgsql
                        AS $$ BEGIN PERFORM nextval('it_watch.create_extension'); END $$;
                    CREATE EVENT TRIGGER it_count_create_extension ON ddl_command_start
                        WHEN TAG IN ('CREATE EXTENSION') EXECUTE FUNCTION it_watch.count_create_extension();
                    """);
            String attempts = "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM it_watch.create_extension";

            Cli.Result upgraded = Cli.run(db.env(), "upgrade");

            assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
            assertThat(db.value(attempts)).as("version 1's three CREATE EXTENSION, nothing more").isEqualTo("3");
            assertThat(db.rows("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1"))
                    .containsExactly("timescaledb", "uuid-ossp", "vector");
            boolean apache = "apache".equals(db.value("SHOW timescaledb.license"));
            assertThat(upgraded.stderr().contains(LICENSE_LINE)).as(upgraded.toString()).isEqualTo(apache);
            db.execute("DROP EVENT TRIGGER it_count_create_extension");
        }
    }

    // ------------------------------------------------------------------ what is said, and when

    @Test
    void aRefusedUpgradeSaysNothingAboutTheLicenseAndARealOneDoesWhereItDegrades() {
        try (TestDatabase db = TestServer.createDatabase()) {
            db.execute("CREATE TABLE not_ours (x int)");

            Cli.Result refused = Cli.run(db.env(), "upgrade");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(9);
            assertThat(refused.stderr()).contains("already holds objects").doesNotContain(LICENSE_LINE);
            assertThat(refused.stderr().lines().toList()).as(refused.toString()).hasSize(1);
        }
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result upgraded = Cli.run(db.env(), "upgrade");

            assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
            if ("apache".equals(license(db))) {
                assertThat(upgraded.stderr()).contains("intel-migrate: " + LICENSE_LINE + " compression of"
                        + " financial_metrics");
            } else {
                assertThat(upgraded.stderr()).doesNotContain(LICENSE_LINE);
            }
        }
    }

    @Test
    void theLicenseLineIsSaidOnlyWhenVersionTwoRuns() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result one = Cli.run(db.env(), "upgrade", "--target", "1");
            assertThat(one.exitCode()).as(one.toString()).isZero();
            assertThat(one.stderr()).doesNotContain(LICENSE_LINE);

            Cli.Result rest = Cli.run(db.env(), "upgrade");
            assertThat(rest.exitCode()).as(rest.toString()).isZero();
            assertThat(rest.stderr().contains(LICENSE_LINE)).isEqualTo("apache".equals(license(db)));
        }
    }
}
