package com.corpintel.migrate.config;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConnectionResolverTest {

    private static final ConnectionResolver.Options NO_OPTIONS =
            new ConnectionResolver.Options(null, null, null, null, null, null, null);

    /** A reader for tests that must never touch a file. */
    private static final ConnectionResolver.FileReader NO_FILES = path -> {
        throw new AssertionError("no file should be read, but " + path + " was");
    };

    private static ConnectionSettings resolve(Map<String, String> env, ConnectionResolver.Options options) {
        return new ConnectionResolver(env, NO_FILES).resolve(options);
    }

    private static ConnectionSettings resolve(Map<String, String> env) {
        return resolve(env, NO_OPTIONS);
    }

    private static ConnectionResolver.Options url(String url) {
        return new ConnectionResolver.Options(url, null, null, null, null, null, null);
    }

    private static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    private static String password(ConnectionSettings settings) {
        return settings.password() == null ? null : settings.password().reveal();
    }

    @Nested
    class Defaults {

        @Test
        void withNothingConfiguredUsesLocalhostPort5432TheOsUserAsUserAndDatabaseAndSslmodePrefer() {
            ConnectionSettings settings = resolve(env("USER", "alice"));

            assertThat(settings.host()).isEqualTo("localhost");
            assertThat(settings.port()).isEqualTo(5432);
            assertThat(settings.user()).isEqualTo("alice");
            assertThat(settings.database()).isEqualTo("alice");
            assertThat(settings.password()).isNull();
            assertThat(settings.sslMode()).isEqualTo("prefer");
            assertThat(settings.parameters()).isEmpty();
            assertThat(settings.origin()).isEqualTo("defaults");
        }

        @Test
        void defaultDatabaseFollowsTheResolvedUserNotTheOsUser() {
            ConnectionSettings settings = resolve(env("USER", "alice", "PGUSER", "bob"));

            assertThat(settings.user()).isEqualTo("bob");
            assertThat(settings.database()).isEqualTo("bob");
        }

        @Test
        void emptyEnvironmentVariablesCountAsUnset() {
            ConnectionSettings settings = resolve(env("USER", "alice", "PGHOST", "", "PGPORT", "",
                    "PGUSER", "", "DATABASE_URL", "", "PGSSLMODE", ""));

            assertThat(settings.host()).isEqualTo("localhost");
            assertThat(settings.port()).isEqualTo(5432);
            assertThat(settings.user()).isEqualTo("alice");
            assertThat(settings.sslMode()).isEqualTo("prefer");
            assertThat(settings.origin()).isEqualTo("defaults");
        }

        @Test
        void withoutUserVariableFallsBackToTheJavaUserName() {
            ConnectionSettings settings = resolve(env());

            assertThat(settings.user()).isEqualTo(System.getProperty("user.name", "postgres"));
        }
    }

    @Nested
    class CommandLine {

        @Test
        void explicitOptionsBeatEveryEnvironmentSource() {
            Map<String, String> env = env(
                    "DATABASE_URL", "postgresql://urluser@urlhost:1111/urldb?sslmode=disable",
                    "PGHOST", "pghost", "PGPORT", "2222", "PGDATABASE", "pgdb", "PGUSER", "pguser",
                    "PGSSLMODE", "allow",
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://qhost:3333/qdb",
                    "QUARKUS_DATASOURCE_USERNAME", "quser");
            ConnectionResolver.Options options = new ConnectionResolver.Options(
                    null, "clihost", 4444, "clidb", "cliuser", null, "verify-full");

            ConnectionSettings settings = resolve(env, options);

            assertThat(settings.host()).isEqualTo("clihost");
            assertThat(settings.port()).isEqualTo(4444);
            assertThat(settings.database()).isEqualTo("clidb");
            assertThat(settings.user()).isEqualTo("cliuser");
            assertThat(settings.sslMode()).isEqualTo("verify-full");
        }

        @Test
        void explicitUserOptionOverridesUserOfUrl() {
            ConnectionResolver.Options options = new ConnectionResolver.Options(
                    "postgresql://urluser:urlpass@urlhost:6000/urldb", null, null, null, "cliuser", null, null);

            ConnectionSettings settings = resolve(env(), options);

            assertThat(settings.user()).isEqualTo("cliuser");
            assertThat(settings.host()).isEqualTo("urlhost");
            assertThat(settings.port()).isEqualTo(6000);
            assertThat(settings.database()).isEqualTo("urldb");
            assertThat(password(settings)).isEqualTo("urlpass");
        }

        @Test
        void explicitHostPortAndDatabaseOptionsOverrideThoseOfUrl() {
            ConnectionResolver.Options options = new ConnectionResolver.Options(
                    "postgresql://urluser@urlhost:6000/urldb?sslmode=require", "clihost", 7000, "clidb", null, null,
                    null);

            ConnectionSettings settings = resolve(env(), options);

            assertThat(settings.host()).isEqualTo("clihost");
            assertThat(settings.port()).isEqualTo(7000);
            assertThat(settings.database()).isEqualTo("clidb");
            assertThat(settings.user()).isEqualTo("urluser");
            assertThat(settings.sslMode()).isEqualTo("require");
        }

        @Test
        void explicitSslmodeOptionOverridesSslmodeOfUrl() {
            ConnectionResolver.Options options = new ConnectionResolver.Options(
                    "postgresql://h/db?sslmode=require", null, null, null, null, null, "disable");

            assertThat(resolve(env(), options).sslMode()).isEqualTo("disable");
        }

        @Test
        void urlOptionOverridesDatabaseUrl() {
            Map<String, String> env = env("DATABASE_URL", "postgresql://envuser:envpass@envhost:1111/envdb");

            ConnectionSettings settings = resolve(env, url("postgresql://cliuser:clipass@clihost:2222/clidb"));

            assertThat(settings.host()).isEqualTo("clihost");
            assertThat(settings.port()).isEqualTo(2222);
            assertThat(settings.database()).isEqualTo("clidb");
            assertThat(settings.user()).isEqualTo("cliuser");
            assertThat(password(settings)).isEqualTo("clipass");
        }

        @Test
        void fieldsMissingFromUrlOptionComeFromDatabaseUrl() {
            Map<String, String> env = env("DATABASE_URL", "postgresql://envuser:envpass@envhost:1111/envdb");

            ConnectionSettings settings = resolve(env, url("postgresql://clihost/clidb"));

            assertThat(settings.host()).isEqualTo("clihost");
            assertThat(settings.database()).isEqualTo("clidb");
            assertThat(settings.port()).isEqualTo(1111);
            assertThat(settings.user()).isEqualTo("envuser");
            assertThat(password(settings)).isEqualTo("envpass");
        }

        @Test
        void passwordFileOptionBeatsPasswordOfUrlAndOfEnvironment() {
            Map<String, String> env = env(
                    "DATABASE_PASSWORD_FILE", "/env/secret",
                    "DATABASE_URL", "postgresql://u:envurlpass@h/db",
                    "PGPASSWORD", "pgpass");
            Map<String, String> files = Map.of("/cli/secret", "clifilepass\n", "/env/secret", "envfilepass\n");
            ConnectionResolver resolver = new ConnectionResolver(env, path -> files.get(path.toString()));
            ConnectionResolver.Options options = new ConnectionResolver.Options(
                    "postgresql://u:cliurlpass@h/db", null, null, null, null, Path.of("/cli/secret"), null);

            assertThat(password(resolver.resolve(options))).isEqualTo("clifilepass");
        }

        @Test
        void invalidSslmodeOptionIsAConnectionFailureNamingTheOption() {
            ConnectionResolver.Options options = new ConnectionResolver.Options(
                    null, null, null, null, null, null, "sometimes");

            Failure failure = catchThrowableOfType(Failure.class, () -> resolve(env(), options));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("--sslmode").contains("sometimes");
        }

        @Test
        void malformedUrlOptionIsAConnectionFailureNamingTheOptionWithoutThePassword() {
            Failure failure = catchThrowableOfType(Failure.class,
                    () -> resolve(env(), url("postgresql://u:Opt1onSecret@h:notaport/db")));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("--url").doesNotContain("Opt1onSecret");
        }

        @Test
        void originListsTheContributingSourcesHighestFirst() {
            Map<String, String> env = env("DATABASE_URL", "postgresql://h/db", "PGUSER", "u");
            ConnectionResolver.Options options = new ConnectionResolver.Options(
                    "postgresql://h2/db2", null, 5, null, null, null, null);

            assertThat(resolve(env, options).origin())
                    .isEqualTo("command-line options, --url, DATABASE_URL, PG* variables");
        }
    }

    @Nested
    class DatabaseUrlVariables {

        @Test
        void databaseUrlSuppliesEveryFieldItHas() {
            ConnectionSettings settings = resolve(env("DATABASE_URL",
                    "postgresql://app:s3cret@db.example.com:6543/intel?sslmode=verify-full"));

            assertThat(settings.host()).isEqualTo("db.example.com");
            assertThat(settings.port()).isEqualTo(6543);
            assertThat(settings.database()).isEqualTo("intel");
            assertThat(settings.user()).isEqualTo("app");
            assertThat(password(settings)).isEqualTo("s3cret");
            assertThat(settings.sslMode()).isEqualTo("verify-full");
            assertThat(settings.origin()).isEqualTo("DATABASE_URL");
        }

        @Test
        void databaseUrlBeatsPgVariables() {
            ConnectionSettings settings = resolve(env(
                    "DATABASE_URL", "postgresql://urluser:urlpass@urlhost:1111/urldb?sslmode=require",
                    "PGHOST", "pghost", "PGPORT", "2222", "PGDATABASE", "pgdb", "PGUSER", "pguser",
                    "PGPASSWORD", "pgpass", "PGSSLMODE", "disable"));

            assertThat(settings.host()).isEqualTo("urlhost");
            assertThat(settings.port()).isEqualTo(1111);
            assertThat(settings.database()).isEqualTo("urldb");
            assertThat(settings.user()).isEqualTo("urluser");
            assertThat(password(settings)).isEqualTo("urlpass");
            assertThat(settings.sslMode()).isEqualTo("require");
        }

        @Test
        void databaseUrlWithoutPasswordTakesPgpassword() {
            ConnectionSettings settings = resolve(env(
                    "DATABASE_URL", "postgresql://urluser@urlhost/urldb",
                    "PGPASSWORD", "pgpass"));

            assertThat(settings.user()).isEqualTo("urluser");
            assertThat(password(settings)).isEqualTo("pgpass");
        }

        @Test
        void databaseUrlWithoutPortOrSslmodeTakesThemFromPgVariables() {
            ConnectionSettings settings = resolve(env(
                    "DATABASE_URL", "postgresql://urlhost/urldb",
                    "PGPORT", "2222", "PGSSLMODE", "verify-ca", "PGHOST", "pghost"));

            assertThat(settings.host()).isEqualTo("urlhost");
            assertThat(settings.port()).isEqualTo(2222);
            assertThat(settings.sslMode()).isEqualTo("verify-ca");
        }

        @Test
        void postgresUrlIsUsedWhenDatabaseUrlIsAbsent() {
            ConnectionSettings settings = resolve(env("POSTGRES_URL", "postgres://pu:pp@phost:3333/pdb"));

            assertThat(settings.host()).isEqualTo("phost");
            assertThat(settings.port()).isEqualTo(3333);
            assertThat(settings.database()).isEqualTo("pdb");
            assertThat(settings.user()).isEqualTo("pu");
            assertThat(settings.origin()).isEqualTo("POSTGRES_URL");
        }

        @Test
        void postgresUrlIsIgnoredEntirelyWhenDatabaseUrlIsPresent() {
            ConnectionSettings settings = resolve(env(
                    "DATABASE_URL", "postgresql://dhost/ddb",
                    "POSTGRES_URL", "postgresql://pu:pp@phost:3333/pdb",
                    "USER", "osuser"));

            assertThat(settings.host()).isEqualTo("dhost");
            assertThat(settings.database()).isEqualTo("ddb");
            // POSTGRES_URL does not even fill the fields DATABASE_URL lacks
            assertThat(settings.port()).isEqualTo(5432);
            assertThat(settings.user()).isEqualTo("osuser");
            assertThat(settings.password()).isNull();
            assertThat(settings.origin()).doesNotContain("POSTGRES_URL");
        }

        @Test
        void malformedPostgresUrlIsNotReadWhenDatabaseUrlIsPresent() {
            ConnectionSettings settings = resolve(env(
                    "DATABASE_URL", "postgresql://dhost/ddb",
                    "POSTGRES_URL", "mysql://nonsense"));

            assertThat(settings.host()).isEqualTo("dhost");
        }

        @Test
        void driverParametersOfDatabaseUrlReachTheSettings() {
            ConnectionSettings settings = resolve(env("DATABASE_URL",
                    "postgresql://h/db?connect_timeout=7&sslrootcert=/etc/ca.pem"));

            assertThat(settings.parameters())
                    .containsEntry("connectTimeout", "7")
                    .containsEntry("sslrootcert", "/etc/ca.pem");
        }

        @Test
        void malformedDatabaseUrlIsAConnectionFailureNamingTheVariableWithoutThePassword() {
            Failure failure = catchThrowableOfType(Failure.class,
                    () -> resolve(env("DATABASE_URL", "postgresql://u:Hush-Hush-9@h/db?bogus=1")));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("DATABASE_URL").doesNotContain("Hush-Hush-9");
        }
    }

    @Nested
    class PasswordFile {

        @Test
        void passwordFileContentWithTrailingNewlineStrippedIsThePassword() {
            ConnectionResolver resolver = new ConnectionResolver(
                    env("DATABASE_PASSWORD_FILE", "/run/secrets/db"),
                    path -> {
                        assertThat(path).isEqualTo(Path.of("/run/secrets/db"));
                        return "from-file\n";
                    });

            assertThat(password(resolver.resolve(NO_OPTIONS))).isEqualTo("from-file");
        }

        @Test
        void passwordFileStripsEveryTrailingLineEndButNothingElse() {
            ConnectionResolver resolver = new ConnectionResolver(
                    env("DATABASE_PASSWORD_FILE", "/s"), path -> "  sp ace\t\r\n\n");

            assertThat(password(resolver.resolve(NO_OPTIONS))).isEqualTo("  sp ace\t");
        }

        @Test
        void passwordFileWithoutNewlineIsTakenVerbatim() {
            ConnectionResolver resolver = new ConnectionResolver(
                    env("DATABASE_PASSWORD_FILE", "/s"), path -> "no-newline");

            assertThat(password(resolver.resolve(NO_OPTIONS))).isEqualTo("no-newline");
        }

        @Test
        void passwordFileBeatsPasswordOfDatabaseUrlAndPgpassword() {
            ConnectionResolver resolver = new ConnectionResolver(
                    env("DATABASE_PASSWORD_FILE", "/s",
                            "DATABASE_URL", "postgresql://urluser:urlpass@urlhost/urldb",
                            "PGPASSWORD", "pgpass"),
                    path -> "filepass\n");

            ConnectionSettings settings = resolver.resolve(NO_OPTIONS);

            assertThat(password(settings)).isEqualTo("filepass");
            assertThat(settings.user()).isEqualTo("urluser");
            assertThat(settings.host()).isEqualTo("urlhost");
            // PG* is listed as a source that was consulted, although its only field was outranked
            assertThat(settings.origin()).isEqualTo("DATABASE_PASSWORD_FILE, DATABASE_URL, PG* variables");
        }

        @Test
        void unreadablePasswordFileIsAConnectionFailureNamingTheFileAndVariable() {
            ConnectionResolver resolver = new ConnectionResolver(
                    env("DATABASE_PASSWORD_FILE", "/run/secrets/db"),
                    path -> {
                        throw new AccessDeniedException(path.toString(), null, "leaked-detail");
                    });

            Failure failure = catchThrowableOfType(Failure.class, () -> resolver.resolve(NO_OPTIONS));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage())
                    .contains("/run/secrets/db")
                    .contains("DATABASE_PASSWORD_FILE")
                    .doesNotContain("leaked-detail");
        }

        @Test
        void unreadablePasswordFileFailureDoesNotContainAnyPasswordFromOtherSources() {
            ConnectionResolver resolver = new ConnectionResolver(
                    env("DATABASE_URL", "postgresql://u:UrlPw-77@h/db", "PGPASSWORD", "PgPw-77"),
                    path -> {
                        throw new IOException("UrlPw-77 PgPw-77");
                    });
            ConnectionResolver.Options options = new ConnectionResolver.Options(
                    null, null, null, null, null, Path.of("/cli/secret"), null);

            Failure failure = catchThrowableOfType(Failure.class, () -> resolver.resolve(options));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage())
                    .contains("--password-file")
                    .doesNotContain("UrlPw-77")
                    .doesNotContain("PgPw-77");
        }

        @Test
        void stripLineEndRemovesOnlyTrailingCarriageReturnsAndNewlines() {
            assertThat(ConnectionResolver.stripLineEnd("pw\n")).isEqualTo("pw");
            assertThat(ConnectionResolver.stripLineEnd("pw\r\n")).isEqualTo("pw");
            assertThat(ConnectionResolver.stripLineEnd("pw\n\n\n")).isEqualTo("pw");
            assertThat(ConnectionResolver.stripLineEnd("p\nw\n")).isEqualTo("p\nw");
            assertThat(ConnectionResolver.stripLineEnd("pw ")).isEqualTo("pw ");
            assertThat(ConnectionResolver.stripLineEnd("\n")).isEmpty();
            assertThat(ConnectionResolver.stripLineEnd("")).isEmpty();
        }
    }

    @Nested
    class PgVariables {

        @Test
        void pgVariablesSupplyEveryField() {
            ConnectionSettings settings = resolve(env(
                    "PGHOST", "pghost", "PGPORT", "2222", "PGDATABASE", "pgdb", "PGUSER", "pguser",
                    "PGPASSWORD", "pgpass", "PGSSLMODE", "require"));

            assertThat(settings.host()).isEqualTo("pghost");
            assertThat(settings.port()).isEqualTo(2222);
            assertThat(settings.database()).isEqualTo("pgdb");
            assertThat(settings.user()).isEqualTo("pguser");
            assertThat(password(settings)).isEqualTo("pgpass");
            assertThat(settings.sslMode()).isEqualTo("require");
            assertThat(settings.origin()).isEqualTo("PG* variables");
        }

        @Test
        void pgVariablesBeatQuarkusDatasourceVariables() {
            ConnectionSettings settings = resolve(env(
                    "PGHOST", "pghost", "PGUSER", "pguser", "PGPASSWORD", "pgpass",
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://qhost:3333/qdb",
                    "QUARKUS_DATASOURCE_USERNAME", "quser",
                    "QUARKUS_DATASOURCE_PASSWORD", "qpass"));

            assertThat(settings.host()).isEqualTo("pghost");
            assertThat(settings.user()).isEqualTo("pguser");
            assertThat(password(settings)).isEqualTo("pgpass");
            // PG* lacks port and database: those come from the Quarkus URL
            assertThat(settings.port()).isEqualTo(3333);
            assertThat(settings.database()).isEqualTo("qdb");
        }

        @Test
        void nonNumericPgportIsAConnectionFailureNamingPgport() {
            Failure failure = catchThrowableOfType(Failure.class, () -> resolve(env("PGPORT", "five")));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("PGPORT");
        }

        @Test
        void outOfRangePgportIsAConnectionFailure() {
            Failure failure = catchThrowableOfType(Failure.class, () -> resolve(env("PGPORT", "70000")));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("PGPORT").contains("70000");
        }

        @Test
        void invalidPgsslmodeIsAConnectionFailureNamingPgsslmode() {
            Failure failure = catchThrowableOfType(Failure.class, () -> resolve(env("PGSSLMODE", "REQUIRE")));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("PGSSLMODE");
        }
    }

    @Nested
    class QuarkusDatasourceVariables {

        @Test
        void quarkusDatasourceVariablesAreUsedWhenNothingHigherIsSet() {
            ConnectionSettings settings = resolve(env(
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://qhost:3333/qdb?sslmode=require",
                    "QUARKUS_DATASOURCE_USERNAME", "quser",
                    "QUARKUS_DATASOURCE_PASSWORD", "qpass"));

            assertThat(settings.host()).isEqualTo("qhost");
            assertThat(settings.port()).isEqualTo(3333);
            assertThat(settings.database()).isEqualTo("qdb");
            assertThat(settings.user()).isEqualTo("quser");
            assertThat(password(settings)).isEqualTo("qpass");
            assertThat(settings.sslMode()).isEqualTo("require");
            assertThat(settings.origin()).isEqualTo("QUARKUS_DATASOURCE_* variables");
        }

        @Test
        void quarkusUsernameAndPasswordVariablesBeatCredentialsInTheQuarkusJdbcUrl() {
            ConnectionSettings settings = resolve(env(
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://qhost/qdb?user=urluser&password=urlpass",
                    "QUARKUS_DATASOURCE_USERNAME", "quser",
                    "QUARKUS_DATASOURCE_PASSWORD", "qpass"));

            assertThat(settings.user()).isEqualTo("quser");
            assertThat(password(settings)).isEqualTo("qpass");
        }

        @Test
        void credentialsInTheQuarkusJdbcUrlAreUsedWithoutUsernameVariables() {
            ConnectionSettings settings = resolve(env(
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://qhost/qdb?user=urluser&password=urlpass"));

            assertThat(settings.user()).isEqualTo("urluser");
            assertThat(password(settings)).isEqualTo("urlpass");
        }

        @Test
        void quarkusVariablesFillOnlyTheFieldsHigherSourcesLeaveOpen() {
            ConnectionSettings settings = resolve(env(
                    "DATABASE_URL", "postgresql://dhost/ddb",
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://qhost:3333/qdb",
                    "QUARKUS_DATASOURCE_USERNAME", "quser",
                    "QUARKUS_DATASOURCE_PASSWORD", "qpass"));

            assertThat(settings.host()).isEqualTo("dhost");
            assertThat(settings.database()).isEqualTo("ddb");
            assertThat(settings.port()).isEqualTo(3333);
            assertThat(settings.user()).isEqualTo("quser");
            assertThat(password(settings)).isEqualTo("qpass");
        }

        @Test
        void malformedQuarkusJdbcUrlIsAConnectionFailureNamingTheVariable() {
            Failure failure = catchThrowableOfType(Failure.class, () -> resolve(env(
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:mysql://qhost/qdb?password=Q-Secret-1")));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("QUARKUS_DATASOURCE_JDBC_URL").doesNotContain("Q-Secret-1");
        }
    }

    @Test
    void resolvedSettingsDescribeThemselvesWithoutThePassword() {
        ConnectionSettings settings = resolve(env("DATABASE_URL", "postgresql://app:Sup3r-Secret@db:5433/intel"));

        assertThat(settings.describe()).isEqualTo("app@db:5433/intel").doesNotContain("Sup3r-Secret");
        assertThat(settings.toString()).doesNotContain("Sup3r-Secret");
    }

    @Nested
    class CertificateAuthority {

        @Test
        void pgSslRootCertNamesTheCaFileLikeLibpq() {
            ConnectionSettings settings = resolve(env("PGSSLROOTCERT", "/etc/intel-migrate/tls/ca.crt",
                    "PGSSLMODE", "verify-full"));

            assertThat(settings.parameters()).containsEntry("sslrootcert", "/etc/intel-migrate/tls/ca.crt");
            assertThat(settings.sslMode()).isEqualTo("verify-full");
        }

        @Test
        void sslRootCertInTheUrlOutranksPgSslRootCert() {
            ConnectionSettings settings = resolve(env("PGSSLROOTCERT", "/from/env.crt",
                    "DATABASE_URL", "postgresql://h/db?sslmode=verify-ca&sslrootcert=/from/url.crt"));

            assertThat(settings.parameters()).containsEntry("sslrootcert", "/from/url.crt");
        }

        @Test
        void sslRootCertSystemUsesTheRuntimeTrustStoreAndImpliesVerifyFull() {
            ConnectionSettings settings = resolve(env("DATABASE_URL", "postgresql://db.example.com/app?sslrootcert=system"));

            assertThat(settings.sslMode()).isEqualTo("verify-full");
            assertThat(settings.parameters()).doesNotContainKey("sslrootcert")
                    .containsEntry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
        }

        @Test
        void sslRootCertSystemFromPgSslRootCertWorksToo() {
            ConnectionSettings settings = resolve(env("PGSSLROOTCERT", "system", "PGSSLMODE", "verify-full"));

            assertThat(settings.parameters()).containsEntry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
        }

        @Test
        void sslRootCertSystemRefusesAWeakerSslmodeAsLibpqDoes() {
            Failure failure = catchThrowableOfType(Failure.class, () -> resolve(env(
                    "DATABASE_URL", "postgresql://db.example.com/app?sslrootcert=system&sslmode=require")));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("sslrootcert=system needs sslmode=verify-full", "sslmode=require");
        }
    }
}
