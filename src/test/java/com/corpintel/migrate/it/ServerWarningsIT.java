package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's WARNINGs during a migration reach the operator on stderr; its NOTICEs do not. */
class ServerWarningsIT {

    private static final String WARNING = "DO $$ BEGIN RAISE WARNING 'careful: %', 42; END $$;\n";
    private static final String NOTICE = "DO $$ BEGIN RAISE NOTICE 'just so you know'; END $$;\n";

    @Test
    void warningsOfAnSqlMigrationAndOfAnUndoScriptArePrintedAndNoticesAreNot() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__noisy.sql", "CREATE TABLE t (x int);\n" + WARNING + NOTICE)
                .undo("U1__noisy.sql", NOTICE + "DO $$ BEGIN RAISE WARNING 'undoing %', 't'; END $$;\nDROP TABLE t;\n");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade", "--migrations", set.path());
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.stderr()).contains("intel-migrate: V1 noisy: server warning: careful: 42\n");
            assertThat(up.all()).doesNotContain("just so you know");
            assertThat(up.stdout()).as("results stay clean").doesNotContain("careful");

            Cli.Result down = Cli.run(db.env(), "downgrade", "--migrations", set.path());
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(down.stderr()).contains("intel-migrate: undo of V1 noisy: server warning: undoing t\n");
            assertThat(down.all()).doesNotContain("just so you know");
        }
    }

    @Test
    void warningsOfANonTransactionalUndoScriptArePrinted() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__table.sql", "CREATE TABLE t (x int);\n")
                .undo("U1__table.sql", WARNING + "DROP TABLE t;\n")
                .nonTransactional("undo", "U1__table.sql");
        try (TestDatabase db = TestServer.createDatabase()) {
            assertThat(Cli.run(db.env(), "upgrade", "--migrations", set.path()).exitCode()).isZero();

            Cli.Result down = Cli.run(db.env(), "downgrade", "--migrations", set.path());

            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(down.stderr()).contains("intel-migrate: undo of V1 table: server warning: careful: 42\n");
        }
    }

    @Test
    void warningsBeforeAFailingStatementArePrintedWithTheFailure() {
        MigrationDirectory set = MigrationDirectory.create()
                .forward("V1__broken.sql", WARNING + "SELECT 1 / 0;\n");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade", "--migrations", set.path());

            assertThat(up.exitCode()).as(up.toString()).isEqualTo(5);
            assertThat(up.stderr()).contains("intel-migrate: V1 broken: server warning: careful: 42\n",
                    "division by zero");
        }
    }

    /**
     * Version 2 is a Java step that runs its script on a JDBC statement of its own: its
     * warnings take another route. An event trigger that warns after every DDL command
     * provokes one from the Apache branch's CREATE MATERIALIZED VIEW; the community
     * branch's commands are TimescaleDB's own (no event trigger fires), but its
     * compression settings draw "should be used for segmenting or ordering".
     */
    @Test
    void warningsOfTheJavaStepArePrinted() {
        try (TestDatabase db = TestServer.createDatabase()) {
            db.execute("CREATE SCHEMA audit;"
                    + " CREATE FUNCTION audit.warn() RETURNS event_trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE WARNING 'ddl: %', tg_tag; END $$;"
                    + " CREATE EVENT TRIGGER warn_every_ddl ON ddl_command_end EXECUTE FUNCTION audit.warn()");

            Cli.Result up = Cli.run(db.env(), "upgrade", "--target", "2");

            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.stderr()).contains("intel-migrate: V1 initial schema: server warning: ddl: CREATE TABLE\n",
                    "intel-migrate: V2 timescale features: server warning: ");
        }
    }

    /**
     * The bundled set on this server: version 1's hypertable draws TimescaleDB's
     * "does not follow best practices" on either license; version 2 (a Java step) draws
     * "should be used for segmenting or ordering" where its community branch compresses.
     */
    @Test
    void theBundledUpgradePrintsTheWarningsTheServerRaises() {
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result up = Cli.run(db.env(), "upgrade");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            boolean community = "timescale".equals(db.value("SHOW timescaledb.license"));

            assertThat(up.stderr()).contains("intel-migrate: V1 initial schema: server warning: column type"
                    + " \"character varying\" used for \"period_type\" does not follow best practices\n");
            if (community) {
                assertThat(up.stderr()).contains("intel-migrate: V2 timescale features: server warning: column \"id\""
                        + " should be used for segmenting or ordering");
            } else {
                assertThat(up.stderr()).as("the Apache branch draws no warning").doesNotContain("V2 timescale"
                        + " features: server warning");
            }
        }
    }
}
