package com.corpintel.migrate.config;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatabaseUrlTest {

    private static final String ORIGIN = "DATABASE_URL";

    private static ConnectionParts parse(String url) {
        return DatabaseUrl.parse(url, ORIGIN);
    }

    private static String password(ConnectionParts parts) {
        return parts.password() == null ? null : parts.password().reveal();
    }

    /** Parses a URL that must be rejected; checks the common promises of every rejection. */
    private static Failure rejected(String url, String password) {
        Failure failure = catchThrowableOfType(Failure.class, () -> parse(url));
        assertThat(failure).as("rejection of a malformed URL").isNotNull();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
        assertThat(failure.getMessage()).contains(ORIGIN).doesNotContain(password);
        return failure;
    }

    @Nested
    class LibpqUrls {

        @Test
        void fullPostgresqlUrlGivesEveryField() {
            ConnectionParts parts = parse("postgresql://app:s3cret@db.example.com:6543/intel?sslmode=require");

            assertThat(parts.host()).isEqualTo("db.example.com");
            assertThat(parts.port()).isEqualTo(6543);
            assertThat(parts.database()).isEqualTo("intel");
            assertThat(parts.user()).isEqualTo("app");
            assertThat(password(parts)).isEqualTo("s3cret");
            assertThat(parts.sslMode()).isEqualTo("require");
            assertThat(parts.parameters()).isEmpty();
        }

        @Test
        void postgresSchemeIsAcceptedLikePostgresql() {
            assertThat(parse("postgres://app:pw@h:5433/db"))
                    .isEqualTo(parse("postgresql://app:pw@h:5433/db"));
        }

        @Test
        void surroundingWhitespaceIsIgnored() {
            assertThat(parse("  postgresql://h/db \n").host()).isEqualTo("h");
        }

        @Test
        void absentPartsStayAbsent() {
            ConnectionParts parts = parse("postgresql://h");

            assertThat(parts.host()).isEqualTo("h");
            assertThat(parts.port()).isNull();
            assertThat(parts.database()).isNull();
            assertThat(parts.user()).isNull();
            assertThat(parts.password()).isNull();
            assertThat(parts.sslMode()).isNull();
        }

        @Test
        void urlWithoutHostLeavesHostToLowerSources() {
            ConnectionParts parts = parse("postgresql:///intel");

            assertThat(parts.host()).isNull();
            assertThat(parts.port()).isNull();
            assertThat(parts.database()).isEqualTo("intel");
        }

        @Test
        void bareSchemeSetsNothing() {
            assertThat(parse("postgresql://").isEmpty()).isTrue();
        }

        @Test
        void userWithoutPasswordLeavesPasswordAbsent() {
            ConnectionParts parts = parse("postgresql://app@h/db");

            assertThat(parts.user()).isEqualTo("app");
            assertThat(parts.password()).isNull();
        }

        @Test
        void percentEncodedPasswordIsDecoded() {
            assertThat(password(parse("postgresql://app:p%40ss@h/db"))).isEqualTo("p@ss");
        }

        @Test
        void percentEncodedUserHostAndDatabaseAreDecoded() {
            ConnectionParts parts = parse("postgresql://us%65r:pw@ho%73t/my%20db");

            assertThat(parts.user()).isEqualTo("user");
            assertThat(parts.host()).isEqualTo("host");
            assertThat(parts.database()).isEqualTo("my db");
        }

        @Test
        void percentEncodedMultibyteUtf8IsDecoded() {
            assertThat(password(parse("postgresql://app:%C3%A9t%C3%A9@h/db"))).isEqualTo("été");
        }

        @Test
        void unencodedAtSignInPasswordIsKeptBecauseTheLastAtSignEndsTheUserInfo() {
            ConnectionParts parts = parse("postgresql://app:p@ss@w@rd@db.example.com:5433/intel");

            assertThat(parts.user()).isEqualTo("app");
            assertThat(password(parts)).isEqualTo("p@ss@w@rd");
            assertThat(parts.host()).isEqualTo("db.example.com");
            assertThat(parts.port()).isEqualTo(5433);
        }

        @Test
        void colonInPasswordIsPartOfThePassword() {
            ConnectionParts parts = parse("postgresql://app:a:b:c@h/db");

            assertThat(parts.user()).isEqualTo("app");
            assertThat(password(parts)).isEqualTo("a:b:c");
        }

        @Test
        void emptyPasswordAfterColonIsAnEmptyPassword() {
            assertThat(password(parse("postgresql://app:@h/db"))).isEmpty();
        }

        @Test
        void ipv6HostWithPortIsUnbracketed() {
            ConnectionParts parts = parse("postgresql://u@[::1]:5433/db");

            assertThat(parts.host()).isEqualTo("::1");
            assertThat(parts.port()).isEqualTo(5433);
            assertThat(parts.database()).isEqualTo("db");
        }

        @Test
        void ipv6HostWithoutPortLeavesPortAbsent() {
            ConnectionParts parts = parse("postgresql://[2001:db8::5]/db");

            assertThat(parts.host()).isEqualTo("2001:db8::5");
            assertThat(parts.port()).isNull();
        }

        @Test
        void hostWithEmptyPortLeavesPortAbsent() {
            ConnectionParts parts = parse("postgresql://h:/db");

            assertThat(parts.host()).isEqualTo("h");
            assertThat(parts.port()).isNull();
        }

        @Test
        void portOnlyUrlLeavesHostAbsent() {
            ConnectionParts parts = parse("postgresql://:5433/db");

            assertThat(parts.host()).isNull();
            assertThat(parts.port()).isEqualTo(5433);
        }
    }

    @Nested
    class QueryParameters {

        @ParameterizedTest
        @ValueSource(strings = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        void everyLibpqSslmodeIsAccepted(String mode) {
            assertThat(parse("postgresql://h/db?sslmode=" + mode).sslMode()).isEqualTo(mode);
        }

        @Test
        void connectionFieldsCanBeGivenAsQueryParameters() {
            ConnectionParts parts = parse("postgresql:///?host=qh&port=6000&dbname=qdb&user=qu&password=q%26p");

            assertThat(parts.host()).isEqualTo("qh");
            assertThat(parts.port()).isEqualTo(6000);
            assertThat(parts.database()).isEqualTo("qdb");
            assertThat(parts.user()).isEqualTo("qu");
            assertThat(password(parts)).isEqualTo("q&p");
        }

        @Test
        void queryParametersOverrideTheAuthorityAndPath() {
            ConnectionParts parts = parse("postgresql://au:ap@ah:1111/adb?host=qh&port=2222&dbname=qdb&user=qu&password=qp");

            assertThat(parts.host()).isEqualTo("qh");
            assertThat(parts.port()).isEqualTo(2222);
            assertThat(parts.database()).isEqualTo("qdb");
            assertThat(parts.user()).isEqualTo("qu");
            assertThat(password(parts)).isEqualTo("qp");
        }

        @Test
        void connectTimeoutIsMappedToTheDriverPropertyConnectTimeout() {
            ConnectionParts parts = parse("postgresql://h/db?connect_timeout=10");

            assertThat(parts.parameters()).containsExactly(java.util.Map.entry("connectTimeout", "10"));
        }

        @Test
        void sslFileParametersAreCarriedOverUnderTheDriversNames() {
            ConnectionParts parts = parse(
                    "postgresql://h/db?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem"
                            + "&sslcert=/etc/ssl/client.crt&sslkey=/etc/ssl/client.key");

            assertThat(parts.sslMode()).isEqualTo("verify-full");
            assertThat(parts.parameters())
                    .containsEntry("sslrootcert", "/etc/ssl/ca.pem")
                    .containsEntry("sslcert", "/etc/ssl/client.crt")
                    .containsEntry("sslkey", "/etc/ssl/client.key")
                    .hasSize(3);
        }

        @Test
        void percentEncodedParameterValuesAreDecoded() {
            assertThat(parse("postgresql://h/db?sslrootcert=%2Fetc%2Fca%20file.pem").parameters())
                    .containsEntry("sslrootcert", "/etc/ca file.pem");
        }

        @Test
        void applicationNameIsAcceptedAndIgnored() {
            ConnectionParts parts = parse("postgresql://h/db?application_name=platform");

            assertThat(parts.parameters()).isEmpty();
            assertThat(parts.host()).isEqualTo("h");
        }

        @Test
        void emptyQueryAndEmptyPairsAreIgnored() {
            assertThat(parse("postgresql://h/db?").parameters()).isEmpty();
            assertThat(parse("postgresql://h/db?&&sslmode=require&").sslMode()).isEqualTo("require");
        }

        @Test
        void atSignInAQueryValueDoesNotEndTheUserInfo() {
            ConnectionParts parts = parse("postgresql://h/db?user=first.last@example.com");

            assertThat(parts.host()).isEqualTo("h");
            assertThat(parts.user()).isEqualTo("first.last@example.com");
        }
    }

    @Nested
    class JdbcUrls {

        @Test
        void jdbcUrlWithCredentialsAsParametersGivesEveryField() {
            ConnectionParts parts = parse("jdbc:postgresql://h:1/db?user=u&password=p");

            assertThat(parts.host()).isEqualTo("h");
            assertThat(parts.port()).isEqualTo(1);
            assertThat(parts.database()).isEqualTo("db");
            assertThat(parts.user()).isEqualTo("u");
            assertThat(password(parts)).isEqualTo("p");
        }

        @Test
        void jdbcUrlAcceptsConnectTimeoutUnderTheDriversName() {
            ConnectionParts parts = parse("jdbc:postgresql://h/db?connectTimeout=5&sslmode=disable");

            assertThat(parts.parameters()).containsEntry("connectTimeout", "5");
            assertThat(parts.sslMode()).isEqualTo("disable");
        }

        @Test
        void jdbcUrlWithUserInfoIsRejectedWithoutRevealingThePassword() {
            Failure failure = rejected("jdbc:postgresql://u:JdbcInfo-Pw@h/db", "JdbcInfo-Pw");

            assertThat(failure.getMessage()).contains("?user=");
        }
    }

    @Nested
    class MalformedUrls {

        @Test
        void wrongSchemeIsRejected() {
            Failure failure = rejected("mysql://u:Wr0ng-Scheme@h/db", "Wr0ng-Scheme");

            assertThat(failure.getMessage()).contains("postgresql://");
        }

        @Test
        void uppercaseOrTypoSchemeIsRejected() {
            rejected("postgressql://u:Typo-Pw@h/db", "Typo-Pw");
            rejected("http://u:Http-Pw@h/db", "Http-Pw");
        }

        @Test
        void nonNumericPortIsRejected() {
            Failure failure = rejected("postgresql://u:Port-Pw@h:abc/db", "Port-Pw");

            assertThat(failure.getMessage()).contains("port").contains("not a number");
        }

        @Test
        void passwordWithAnUnencodedSlashIsRejectedWithoutEchoingAnyOfIt() {
            Failure failure = rejected("postgresql://app:Xy/9abc@db:5432/intel", "Xy/9abc");

            assertThat(failure.getMessage()).doesNotContain("Xy").doesNotContain("9abc").contains("%2F");
        }

        @Test
        void passwordWithAnUnencodedQuestionMarkIsRejectedWithoutEchoingTheRest() {
            Failure failure = rejected("postgresql://intel:5432?SuperSecretPart@127.0.0.1:55432/intel",
                    "5432?SuperSecretPart");

            assertThat(failure.getMessage()).doesNotContain("SuperSecret").contains("percent-encode");
        }

        @Test
        void passwordWithASlashThatLooksLikeAPortIsRejectedInsteadOfMisparsed() {
            Failure failure = rejected("postgresql://app:12/abc@db:5432/intel", "12/abc");

            assertThat(failure.getMessage()).doesNotContain("abc").contains("percent-encode");
        }

        @Test
        void nonNumericPortAfterIpv6HostIsRejected() {
            rejected("postgresql://u:V6-Pw@[::1]:xyz/db", "V6-Pw");
        }

        @Test
        void nonNumericPortParameterIsRejected() {
            rejected("postgresql://u:Qport-Pw@h/db?port=x1", "Qport-Pw");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "65536", "99999", "-1"})
        void portOutsideTheValidRangeIsRejected(String port) {
            Failure failure = rejected("postgresql://u:Range-Pw@h:" + port + "/db", "Range-Pw");

            assertThat(failure.getMessage()).contains("1-65535");
        }

        @Test
        void boundaryPortsAreAccepted() {
            assertThat(parse("postgresql://h:1/db").port()).isEqualTo(1);
            assertThat(parse("postgresql://h:65535/db").port()).isEqualTo(65535);
        }

        @ParameterizedTest
        @CsvSource({
                "postgresql://u:Pct-Pw%zz@h/db, Pct-Pw",
                "postgresql://u:Pct-Pw%4@h/db, Pct-Pw",
                "postgresql://u:Pct-Pw%@h/db, Pct-Pw",
                "postgresql://u%g1:Pct-Pw@h/db, Pct-Pw",
                "postgresql://u:Pct-Pw@h/d%x1b, Pct-Pw",
                "postgresql://u:Pct-Pw@h/db?sslrootcert=%q, Pct-Pw"
        })
        void badPercentEncodingIsRejected(String url, String password) {
            Failure failure = rejected(url, password);

            assertThat(failure.getMessage()).contains("percent-encoding");
        }

        @Test
        void badPercentEncodingMessageNamesThePartButNotItsText() {
            Failure failure = rejected("postgresql://u:Bad%ZZEncoded-Pw@h/db", "Bad%ZZEncoded-Pw");

            assertThat(failure.getMessage()).contains("password").doesNotContain("Bad").doesNotContain("Encoded-Pw");
        }

        @Test
        void unknownQueryParameterIsRejectedByPositionListingTheAcceptedOnes() {
            Failure failure = rejected("postgresql://u:Unknown-Pw@h/db?sslmode=require&frobnicate=1", "Unknown-Pw");

            assertThat(failure.getMessage()).contains("query parameter 2 of 2", "sslrootcert", "connect_timeout")
                    .doesNotContain("frobnicate");
        }

        @Test
        void tailOfAPasswordWithAnUnencodedAmpersandIsNeverEchoed() {
            Failure noValue = rejected("postgresql://u@h/db?password=ab&3SecretTail", "3SecretTail");
            assertThat(noValue.getMessage()).contains("query parameter 2 of 2", "name=value", "%26")
                    .doesNotContain("ab&").doesNotContain("Tail");

            Failure unknownName = rejected("jdbc:postgresql://h/db?user=u&password=x&MySecretPart=y&sslmode=require",
                    "MySecretPart");
            assertThat(unknownName.getMessage()).contains("query parameter 3 of 4", "%26").doesNotContain("Secret");
        }

        @Test
        void ampersandHintIsGivenOnlyAfterAPasswordParameter() {
            assertThat(rejected("postgresql://h/db?frobnicate=1&password=x", "frobnicate").getMessage())
                    .doesNotContain("%26");
        }

        @ParameterizedTest
        @CsvSource({
                "postgresql://h/db?password=a&sslmode=Qsecret, Qsecret",
                "postgresql://h/db?password=a&port=Qsecret, Qsecret",
                "postgresql://h/db?password=a&port=99999, 99999",
                "postgresql://h/db?password=a&connect_timeout=Qsecret, Qsecret",
                "postgresql://h/db?password=a&connect_timeout=9999999, 9999999",
                "postgresql://h/db?password=a&Q%zzsecret=1, Qsecret",
                "postgresql://h/db?password=a&sslkey=Q%zzsecret, Qsecret"
        })
        void queryValuesAreNeverEchoed(String url, String text) {
            Failure failure = rejected(url, text);

            assertThat(failure.getMessage()).contains("query parameter 2 of 2").doesNotContain(text)
                    .doesNotContain("%zz");
        }

        @Test
        void connectTimeoutMustBeWholeSecondsTheDriverCanHold() {
            assertThat(parse("postgresql://h/db?connect_timeout=" + DatabaseUrl.MAX_CONNECT_TIMEOUT).parameters())
                    .containsEntry("connectTimeout", String.valueOf(DatabaseUrl.MAX_CONNECT_TIMEOUT));
            assertThat(rejected("postgresql://h/db?connect_timeout=1.5", "1.5").getMessage())
                    .contains("whole number of seconds");
        }

        @Test
        void unknownParameterAlongsidePasswordParameterDoesNotRevealThePassword() {
            rejected("jdbc:postgresql://h/db?password=Param-Pw&ssl=true", "Param-Pw");
        }

        @Test
        void queryParameterWithoutValueIsRejected() {
            Failure failure = rejected("postgresql://u:NoValue-Pw@h/db?sslmode", "NoValue-Pw");

            assertThat(failure.getMessage()).contains("query parameter 1 of 1", "name=value").doesNotContain("sslmode");
        }

        @Test
        void invalidSslmodeIsRejectedListingTheValidOnes() {
            Failure failure = rejected("postgresql://u:Ssl-Pw@h/db?sslmode=maybe", "Ssl-Pw");

            assertThat(failure.getMessage()).contains("sslmode", "verify-full").doesNotContain("maybe");
        }

        @Test
        void sslmodeIsCaseSensitiveLikeLibpq() {
            rejected("postgresql://u:Case-Pw@h/db?sslmode=Require", "Case-Pw");
        }

        @Test
        void unixSocketHostParameterIsRejected() {
            Failure failure = rejected("postgresql://u:Sock-Pw@/db?host=/var/run/postgresql", "Sock-Pw");

            assertThat(failure.getMessage()).contains("Unix-domain");
        }

        @Test
        void percentEncodedUnixSocketPathInTheAuthorityIsRejected() {
            rejected("postgresql://u:Sock2-Pw@%2Fvar%2Frun%2Fpostgresql/db", "Sock2-Pw");
        }

        @Test
        void severalHostsAreRejected() {
            Failure failure = rejected("postgresql://u:Multi-Pw@h1:5432,h2:5433/db", "Multi-Pw");

            assertThat(failure.getMessage()).contains("several hosts");
        }

        @Test
        void severalHostsInAJdbcUrlAreRejected() {
            rejected("jdbc:postgresql://h1,h2/db?password=JdbcMulti-Pw", "JdbcMulti-Pw");
        }

        @Test
        void ipv6HostWithoutClosingBracketIsRejected() {
            rejected("postgresql://u:Bracket-Pw@[::1/db", "Bracket-Pw");
        }

        @Test
        void textAfterIpv6HostIsRejected() {
            rejected("postgresql://u:After-Pw@[::1]x/db", "After-Pw");
        }

        @Test
        void rejectionMessageNamesWhicheverSourceGaveTheUrl() {
            Failure failure = catchThrowableOfType(Failure.class,
                    () -> DatabaseUrl.parse("mysql://h/db", "POSTGRES_URL"));

            assertThat(failure.getMessage()).contains("POSTGRES_URL").doesNotContain("DATABASE_URL");
        }

        @Test
        void rejectionMessageNeverQuotesTheWholeUrl() {
            String url = "postgresql://u:Whole-Url-Pw@h:99999/db";
            Failure failure = rejected(url, "Whole-Url-Pw");

            assertThat(failure.getMessage()).doesNotContain(url).doesNotContain("Whole-Url-Pw");
        }
    }

    @Nested
    class Ports {

        @Test
        void emptyPortTextIsAbsent() {
            assertThat(DatabaseUrl.port("", "PGPORT")).isNull();
        }

        @Test
        void validPortIsParsed() {
            assertThat(DatabaseUrl.port("5433", "PGPORT")).isEqualTo(5433);
        }

        @Test
        void invalidPortNamesItsOrigin() {
            Failure failure = catchThrowableOfType(Failure.class, () -> DatabaseUrl.port("port", "PGPORT"));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage()).contains("PGPORT");
        }
    }

    @Nested
    class SslModes {

        @Test
        void validSslmodeIsReturnedUnchanged() {
            assertThat(SslMode.check("verify-ca", "--sslmode")).isEqualTo("verify-ca");
        }

        @Test
        void invalidSslmodeIsAConnectionFailureNamingOriginAndValidValues() {
            Failure failure = catchThrowableOfType(Failure.class, () -> SslMode.check("on", "PGSSLMODE"));

            assertThat(failure.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(failure.getMessage())
                    .contains("'on'")
                    .contains("PGSSLMODE")
                    .contains(String.join(", ", SslMode.VALUES));
        }

        @Test
        void theSixLibpqModesAreKnown() {
            assertThat(SslMode.VALUES)
                    .containsExactly("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
        }
    }
}
