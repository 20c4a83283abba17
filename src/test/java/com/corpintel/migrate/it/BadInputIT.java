package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of bad input gets its own exit code and a one-line message, and
 * leaves the database exactly as it was.
 */
class BadInputIT {

    @RegisterExtension
    static final UntouchedDatabase UNTOUCHED = new UntouchedDatabase();

    private static void assertNothingChanged() {
        UNTOUCHED.assertNothingChanged();
    }

    private static void assertOneLineError(Cli.Result result) {
        assertThat(result.stderr().lines().toList()).as(result.toString()).hasSize(1);
        assertThat(result.stderr()).startsWith("intel-migrate: error: ");
    }

    @Test
    void unreachableHostExitsWith3() {
        Cli.Result result = Cli.run(Map.of("DATABASE_URL", "postgresql://intel@127.0.0.1:1/intel",
                "PGPASSWORD", "never-sent-1"), "upgrade", "--connect-timeout", "3s");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertOneLineError(result);
        assertThat(result.stderr()).contains("cannot connect to intel@127.0.0.1:1/intel", "connection refused");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void wrongPasswordExitsWith3AndThePasswordAppearsNowhere() {
        String password = "Wr0ng-S3cret-Pw";
        for (List<String> args : List.of(List.of("upgrade"), List.of("status", "-o", "json"), List.of("check"))) {
            Cli.Result result = Cli.run(Map.of("DATABASE_URL",
                    "postgresql://intel:" + password + "@" + TestServer.host() + ":" + TestServer.port() + "/" + UNTOUCHED.db().name()),
                    args.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.all()).contains("password authentication failed for user \"intel\"")
                    .doesNotContain(password);
        }
        Cli.Result viaOption = Cli.run(Map.of("PGPASSWORD", password), "upgrade", "--url", UNTOUCHED.db().url());
        assertThat(viaOption.exitCode()).isEqualTo(3);
        assertThat(viaOption.all()).doesNotContain(password);
        assertOneLineError(viaOption);
        assertNothingChanged();
    }

    @Test
    void malformedUrlExitsWith3WithoutEchoingIt() {
        Cli.Result result = Cli.run(Map.of("DATABASE_URL", "postgresql://intel:Hidden-Pw-42@localhost:notaport/db"),
                "status");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertOneLineError(result);
        assertThat(result.stderr()).contains("malformed database URL in DATABASE_URL", "the port is not a number");
        assertThat(result.all()).doesNotContain("Hidden-Pw-42");

        Cli.Result scheme = Cli.run(Map.of(), "status", "--url", "mysql://localhost/db");
        assertThat(scheme.exitCode()).isEqualTo(3);
        assertThat(scheme.stderr()).contains("malformed database URL in --url");
    }

    @Test
    void unknownTargetVersionExitsWith9AndChangesNothing() {
        Cli.Result result = Cli.run(UNTOUCHED.db().env(), "upgrade", "--target", "42");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(9);
        assertOneLineError(result);
        assertThat(result.stderr()).contains("unknown target version 42", "1, 2, 3");
        Cli.Result upgradeTo = Cli.run(UNTOUCHED.db().env(), "upgrade-to", "banana");
        assertThat(upgradeTo.exitCode()).as(upgradeTo.toString()).isEqualTo(9);
        assertNothingChanged();
    }

    @Test
    void unknownCommandOrOptionExitsWith2() {
        Cli.Result command = Cli.run(Map.of(), "upgrayedd");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.stderr()).contains("unexpected argument 'upgrayedd'", "Did you mean");
        assertThat(command.stdout()).isEmpty();

        Cli.Result option = Cli.run(UNTOUCHED.db().env(), "upgrade", "--targett", "3");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.stderr()).contains("unknown option --targett");

        // A mistyped option's value may be a secret: only the option is named.
        Cli.Result secret = Cli.run(UNTOUCHED.db().env(), "status", "--password", "Hunter2-Typed-Secret");
        assertThat(secret.exitCode()).isEqualTo(2);
        assertThat(secret.stderr()).contains("unknown option --password").doesNotContain("Hunter2-Typed-Secret");

        Cli.Result value = Cli.run(UNTOUCHED.db().env(), "upgrade", "--lock-wait", "soon");
        assertThat(value.exitCode()).isEqualTo(2);
        assertThat(value.stderr()).contains("'soon' is not a duration");

        Cli.Result output = Cli.run(UNTOUCHED.db().env(), "status", "--output", "yaml");
        assertThat(output.exitCode()).isEqualTo(2);
        assertNothingChanged();
    }

    @Test
    void readOnlySessionIsRefusedWith9AndNothingChanges() {
        UNTOUCHED.db().execute("ALTER DATABASE " + UNTOUCHED.db().name() + " SET default_transaction_read_only = on");
        try {
            Cli.Result result = Cli.run(UNTOUCHED.db().env(), "upgrade");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(9);
            assertOneLineError(result);
            assertThat(result.stderr()).contains("read-only");
            Cli.Result status = Cli.run(UNTOUCHED.db().env(), "status");
            assertThat(status.exitCode()).as("reading is still allowed: " + status).isZero();
        } finally {
            try (var c = UNTOUCHED.db().connect(); var s = c.createStatement()) {
                s.execute("SET default_transaction_read_only = off");
                s.execute("ALTER DATABASE " + UNTOUCHED.db().name() + " RESET default_transaction_read_only");
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
        assertNothingChanged();
    }

    @Test
    void serverWithoutTimescaleDbPreloadedIsRefusedWith9AndNothingChanges() throws Exception {
        Path dir = Path.of("target", "pg-without-timescaledb").toAbsolutePath();
        // A port of its own: a fixed one collides with any other test run on the machine.
        Map<String, String> env = Map.of("INTEL_PG_DIR", dir.toString(), "INTEL_PG_PORT",
                String.valueOf(FreePort.pick()), "INTEL_PG_PRELOAD", "none");
        TestServer.script(env, "start");
        try {
            String url = TestServer.script(env, "url");
            var uri = java.net.URI.create(url);
            String password = uri.getUserInfo().split(":", 2)[1];
            Map<String, String> cli = Map.of("DATABASE_URL", url.replace(":" + password + "@", "@"), "PGPASSWORD", password);
            Cli.Result result = Cli.run(cli, "upgrade");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(9);
            assertOneLineError(result);
            assertThat(result.stderr()).contains("timescaledb", "shared_preload_libraries");
            Cli.Result status = Cli.run(cli, "status", "--check");
            assertThat(status.exitCode()).as("nothing was applied: " + status).isEqualTo(7);
            assertThat(status.stdout()).contains("none (nothing applied)");
        } finally {
            TestServer.script(env, "stop");
        }
    }

    @Test
    void helpAndVersionNeedNoConfiguration() {
        Cli.Result version = Cli.run(Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).startsWith("intel-migrate ");
        assertThat(version.stderr()).isEmpty();
        Cli.Result help = Cli.run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("status", "upgrade", "upgrade-to", "current", "history", "check",
                "Exit codes:");
        Cli.Result subHelp = Cli.run(Map.of(), "upgrade", "--help");
        assertThat(subHelp.exitCode()).isZero();
        assertThat(subHelp.stdout()).contains("--target", "--lock-wait", "--lock-timeout", "--statement-timeout",
                "--timescale-features", "--password-file");
    }
}
