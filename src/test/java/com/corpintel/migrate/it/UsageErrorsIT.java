package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes an operator makes on the command line end before anything changes: exit 2 at
 * parse time for malformed or out-of-range values and mistyped commands, exit 9 for a
 * wrong migration directory, no secret echoed, and no port opened except by a real serve.
 */
class UsageErrorsIT {

    @RegisterExtension
    static final UntouchedDatabase UNTOUCHED = new UntouchedDatabase();

    private static void assertNothingChanged() {
        UNTOUCHED.assertNothingChanged();
    }

    private static Cli.Result usageError(Map<String, String> env, String... args) {
        Cli.Result result = Cli.run(env, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(2);
        assertThat(result.stderr()).startsWith("intel-migrate: error: ");
        assertThat(result.stdout()).isEmpty();
        return result;
    }

    @Test
    void aPasswordsTailAfterAnUnencodedAmpersandIsNeverEchoed() {
        String authority = TestServer.host() + ":" + TestServer.port() + "/" + UNTOUCHED.db().name();
        for (String url : List.of("postgresql://intel@" + authority + "?password=Pw1&3SecretTail",
                "jdbc:postgresql://" + authority + "?user=intel&password=Pw2&MySecretPart=x&sslmode=disable")) {
            for (Cli.Result result : List.of(Cli.run(Map.of("DATABASE_URL", url), "status", "-o", "json"),
                    Cli.run(Map.of(), "upgrade", "--url", url))) {
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
                assertThat(result.stderr()).contains("malformed database URL in ", "query parameter ", "%26");
                assertThat(result.all()).doesNotContain("Secret").doesNotContain("Pw1").doesNotContain("Pw2");
            }
            // Where no URL belongs, it is described, not quoted: redaction cannot know a query's password tail.
            Cli.Result positional = usageError(Map.of(), "status", url);
            assertThat(positional.stderr()).contains("unexpected argument <a URL: pass it with --url>")
                    .doesNotContain("Secret").doesNotContain("Pw");
        }
        assertNothingChanged();
    }

    @Test
    void outOfRangeDurationsAndRetryCountsAreUsageErrorsStatingTheRange() {
        Map<List<String>, String> cases = Map.of(
                List.of("upgrade", "--lock-wait", "3000000h"), "allowed: 0 to 2147483647ms (about 24.8 days)",
                List.of("upgrade", "--lock-timeout", "1000h"), "allowed: 0 to 2147483647ms",
                List.of("upgrade", "--statement-timeout", "2147483648ms"), "allowed: 0 to 2147483647ms",
                List.of("upgrade", "--connect-timeout", "0"), "allowed: whole seconds from 1s to 2147483s",
                List.of("upgrade", "--lock-retries", "-1"), "allowed: 0 to 20",
                List.of("await", "--timeout", "3000000h"), "allowed: 0 to 2147483647ms",
                List.of("await", "--max-interval", "0"), "allowed: 1ms to 2147483647ms");
        cases.forEach((args, range) -> {
            Cli.Result result = usageError(UNTOUCHED.db().env(), args.toArray(String[]::new));
            assertThat(result.stderr()).contains("Invalid value for option '" + args.get(1) + "'", range)
                    .doesNotContain("Exception").doesNotContain("cannot connect");
        });
        assertNothingChanged();
    }

    @Test
    void outOfRangeValuesFromTheEnvironmentAreUsageErrorsNamingTheVariable() {
        Map<String, List<String>> cases = Map.of(
                "INTEL_MIGRATE_LOCK_WAIT", List.of("3000000h", "upgrade"),
                "INTEL_MIGRATE_LOCK_TIMEOUT", List.of("1000h", "upgrade"),
                "INTEL_MIGRATE_STATEMENT_TIMEOUT", List.of("2147483648ms", "downgrade"),
                "INTEL_MIGRATE_AWAIT_TIMEOUT", List.of("3000000h", "await"));
        cases.forEach((variable, valueAndCommand) -> {
            Cli.Result result = usageError(UNTOUCHED.db().env(variable, valueAndCommand.get(0)), valueAndCommand.get(1));
            assertThat(result.stderr()).contains("'" + valueAndCommand.get(0) + "' is out of range; allowed:",
                    "the value came from " + variable);
        });
        assertNothingChanged();
    }

    @Test
    void theBoundsThemselvesAreAcceptedAndReachTheServer() {
        Cli.Result dryRun = Cli.run(UNTOUCHED.db().env(), "upgrade", "--dry-run", "--lock-wait", "2147483647ms",
                "--lock-timeout", "0", "--statement-timeout", "2147483647ms", "--connect-timeout", "1",
                "--lock-retries", "20");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertNothingChanged();
    }

    @Test
    void migrationDirectoryProblemsAreRefusedWith9NamingTheFile() throws IOException {
        Path root = ScratchDirectories.create("intel-migrate-bad-set");
        Path noMigrationInside = Files.createDirectories(root.resolve("no-migration-inside"));
        MigrationDirectory malformed = MigrationDirectory.create().forward("V1__a.sql", "SELECT 1;")
                .forward("V2_missing_underscore.sql", "SELECT 1;");
        MigrationDirectory duplicate = MigrationDirectory.create().forward("V1__a.sql", "SELECT 1;")
                .forward("V1__b.sql", "SELECT 1;");
        Map<String, String> cases = Map.of(
                root.resolve("missing").toString(), "no such directory",
                noMigrationInside.toString(), "no migration/ directory inside",
                malformed.path(), "migration/V2_missing_underscore.sql is not a versioned migration",
                duplicate.path(), "migration/V1__a.sql and migration/V1__b.sql have the same version 1");
        cases.forEach((directory, problem) -> {
            for (String command : List.of("upgrade", "status")) {
                Cli.Result result = Cli.run(UNTOUCHED.db().env(), command, "--migrations", directory);
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(9);
                assertThat(result.stderr().lines().toList()).as(result.toString()).hasSize(1);
                assertThat(result.stderr()).startsWith("intel-migrate: error: --migrations ").contains(problem);
            }
        });
        assertNothingChanged();
    }

    /**
     * A help request must not open serve's port. The port is taken by the test first: a run
     * that opens it fails to start (as the real serve at the end shows), one that does not
     * never touches it. A help run ends at once, so there is no process left to look at.
     */
    @Test
    void serveHelpOpensNoPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = UNTOUCHED.db().env("INTEL_MIGRATE_HTTP_PORT", String.valueOf(taken.getLocalPort()),
                    "INTEL_MIGRATE_HTTP_HOST", "127.0.0.1");
            for (List<String> args : List.of(List.of("serve", "--help"), List.of("help", "serve"))) {
                Cli.Result help = Cli.run(env, args.toArray(String[]::new));
                assertThat(help.exitCode()).as(help.toString()).isZero();
                assertThat(help.stdout()).startsWith("Usage: intel-migrate serve");
                assertThat(help.stderr()).isEmpty();
            }
            Cli.Result shortHelp = usageError(env, "serve", "-h");
            assertThat(shortHelp.stderr()).contains("unknown option -h").doesNotContain("in use");

            Cli.Result realServe = Cli.run(env, "serve");
            assertThat(realServe.exitCode()).as("the real serve needs the port: " + realServe).isNotZero();
            assertThat(realServe.stderr()).contains(String.valueOf(taken.getLocalPort()), "in use");
        }
    }

    @Test
    void everyCommandTheProductSpecifiesExistsAndAMistypedOneIsAUsageError() {
        for (String command : List.of("create", "create-empty", "lint", "repair", "baseline", "completion")) {
            Cli.Result help = Cli.run(Map.of(), command, "--help");
            assertThat(help.exitCode()).as(help.toString()).isZero();
            assertThat(help.stdout()).startsWith("Usage: intel-migrate " + command + " ");
        }
        Cli.Result mistyped = usageError(Map.of(), "baselin");
        assertThat(mistyped.stderr()).contains("baselin").doesNotContain("planned");
    }
}
