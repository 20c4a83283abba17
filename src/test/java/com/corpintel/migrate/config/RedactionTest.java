package com.corpintel.migrate.config;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Redaction keeps a process-wide registry, so every test uses secrets of its own. */
class RedactionTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void registeredSecretIsMaskedWhereverItOccurs() {
        String secret = unique("reg");
        Redaction.register(Secret.of(secret));

        String redacted = Redaction.redact("FATAL: " + secret + " was rejected; retry with " + secret + ".");

        assertThat(redacted)
                .doesNotContain(secret)
                .isEqualTo("FATAL: **** was rejected; retry with ****.");
    }

    @Test
    void registeredSecretIsMaskedInsideOtherWords() {
        String secret = unique("inner");
        Redaction.register(Secret.of(secret));

        assertThat(Redaction.redact("x" + secret + "y")).isEqualTo("x****y");
    }

    @Test
    void unregisteredTextIsLeftAlone() {
        String text = "applied 3 migrations to intel in " + unique("t") + " ms";

        assertThat(Redaction.redact(text)).isEqualTo(text);
    }

    @Test
    void nullTextGivesNull() {
        assertThat(Redaction.redact(null)).isNull();
    }

    @Test
    void registeringNullOrEmptySecretIsHarmless() {
        Redaction.register(null);
        Redaction.register(Secret.of(""));

        assertThat(Redaction.redact("nothing to hide here")).isEqualTo("nothing to hide here");
    }

    @Test
    void urlCredentialsAreMaskedEvenWhenNotRegistered() {
        String redacted = Redaction.redact("cannot connect to postgresql://u:secret@h:5432/db: refused");

        assertThat(redacted)
                .doesNotContain("secret")
                .isEqualTo("cannot connect to postgresql://u:****@h:5432/db: refused");
    }

    @Test
    void urlCredentialsWithoutUserAreMasked() {
        assertThat(Redaction.redact("postgres://:pw-no-user@h/db")).isEqualTo("postgres://:****@h/db");
    }

    @Test
    void urlCredentialsAreMaskedForAnyScheme() {
        assertThat(Redaction.redact("jdbc:postgresql://u:jdbcpw@h/db")).doesNotContain("jdbcpw");
        assertThat(Redaction.redact("https://u:httppw@proxy/")).doesNotContain("httppw");
    }

    @Test
    void urlPasswordContainingColonIsMaskedWhole() {
        assertThat(Redaction.redact("postgresql://u:a:b:c@h/db")).isEqualTo("postgresql://u:****@h/db");
    }

    @Test
    void urlPasswordContainingUnencodedAtSignIsMaskedWhole() {
        // DatabaseUrl takes the last '@' as the end of the user info, so must the redactor
        String redacted = Redaction.redact("bad URL postgresql://u:first@second@h:5432/db");

        assertThat(redacted)
                .doesNotContain("first")
                .doesNotContain("second")
                .isEqualTo("bad URL postgresql://u:****@h:5432/db");
    }

    @Test
    void urlCredentialMaskStopsAtThePathSoAtSignsInTheQueryStay() {
        assertThat(Redaction.redact("postgresql://u:pw@h/db?user=first.last@example.com"))
                .isEqualTo("postgresql://u:****@h/db?user=first.last@example.com");
    }

    @Test
    void everyUrlInATextHasItsCredentialsMasked() {
        assertThat(Redaction.redact("from postgresql://a:pw1@h1/db to postgres://b:pw2@h2:5433/db"))
                .isEqualTo("from postgresql://a:****@h1/db to postgres://b:****@h2:5433/db");
    }

    @Test
    void urlWithUserButNoPasswordIsLeftAlone() {
        assertThat(Redaction.redact("postgresql://app@h:5432/db")).isEqualTo("postgresql://app@h:5432/db");
    }

    @Test
    void urlWithPortButNoCredentialsIsLeftAlone() {
        String text = "connected to postgresql://h:5432/db as app@example.com";

        assertThat(Redaction.redact(text)).isEqualTo(text);
    }

    @Test
    void passwordParameterIsMasked() {
        assertThat(Redaction.redact("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
    }

    @Test
    void passwordKeyValueFormsAreMaskedCaseInsensitively() {
        assertThat(Redaction.redact("password=secret")).isEqualTo("password=****");
        assertThat(Redaction.redact("PASSWORD = secret next")).isEqualTo("PASSWORD = **** next");
        assertThat(Redaction.redact("password: secret")).isEqualTo("password: ****");
        assertThat(Redaction.redact("host=h password=secret user=u")).isEqualTo("host=h password=**** user=u");
    }

    @Test
    void quotedPasswordValuesAreMaskedWhole() {
        assertThat(Redaction.redact("password='sec ret' user=u")).isEqualTo("password=**** user=u");
        assertThat(Redaction.redact("password=\"sec ret\" user=u")).isEqualTo("password=**** user=u");
    }

    @Test
    void passwordValueEndsAtSeparators() {
        assertThat(Redaction.redact("password=secret,user=u")).isEqualTo("password=****,user=u");
        assertThat(Redaction.redact("password=secret;user=u")).isEqualTo("password=****;user=u");
    }

    @Test
    void registeredSecretIsMaskedInMultilineTextSuchAsStackTraces() {
        String secret = unique("trace");
        Redaction.register(Secret.of(secret));

        String redacted = Redaction.redact("java.sql.SQLException: " + secret + "\n\tat Foo.bar(Foo.java:1)\n" + secret);

        assertThat(redacted).doesNotContain(secret).contains("\tat Foo.bar(Foo.java:1)");
    }

    @Test
    void registeredSecretWithRegexMetacharactersIsMaskedLiterally() {
        String secret = unique("a.b*c$1(\\d)");
        Redaction.register(Secret.of(secret));

        assertThat(Redaction.redact("[" + secret + "]")).isEqualTo("[****]");
    }

    @Test
    void aSecretThatExtendsAnotherRegisteredSecretIsMaskedWhole() {
        String shorter = unique("prefix");
        String longer = shorter + "-and-then-some";
        Redaction.register(Secret.of(shorter));
        Redaction.register(Secret.of(longer));

        assertThat(Redaction.redact("pw " + longer + " end"))
                .doesNotContain("and-then-some")
                .isEqualTo("pw **** end");
    }

    @Test
    void passwordUnderAQuotedJsonKeyIsMasked() {
        assertThat(Redaction.redact("{\"user\": \"u\", \"password\": \"hunter2\"}"))
                .isEqualTo("{\"user\": \"u\", \"password\": ****}");
    }

    @Test
    void registeredSecretIsMaskedPercentEncodedAsInAUrl() {
        String secret = unique("p@ss/w rd");
        Redaction.register(Secret.of(secret));

        String encoded = secret.replace("@", "%40").replace("/", "%2F").replace(" ", "%20");
        assertThat(Redaction.redact("x " + encoded + " y")).isEqualTo("x **** y");
        assertThat(Redaction.redact("x " + encoded.replace("%2F", "%2f") + " y")).isEqualTo("x **** y");
    }

    @Test
    void shortPasswordIsMaskedAsTheUrlPasswordEvenWhereTheGenericPatternStops() {
        Redaction.register(Secret.of("a/b"));

        assertThat(Redaction.redact("cannot reach postgresql://u:a/b@h:5432/db"))
                .isEqualTo("cannot reach postgresql://u:****@h:5432/db");
    }

    @Test
    void shortPasswordIsMaskedWholeAsThePasswordValue() {
        Redaction.register(Secret.of("x y"));

        assertThat(Redaction.redact("host=h password=x y user=u")).isEqualTo("host=h password=**** user=u");
        assertThat(Redaction.redact("host=h Password = 'x y' user=u")).isEqualTo("host=h Password = **** user=u");
    }

    @Test
    void shortPasswordIsMaskedAsAJsonPasswordValue() {
        Redaction.register(Secret.of("q\""));

        assertThat(Redaction.redact("{\"password\":\"q\\\"\"}")).isEqualTo("{\"password\":****}");
    }

    @Test
    void shortPasswordIsLeftAloneWhereItIsNotThePassword() {
        Redaction.register(Secret.of("ab"));
        Redaction.register(Secret.of("1"));

        assertThat(Redaction.redact("applied 1 migration to table ab in 1 s; password=ab"))
                .isEqualTo("applied 1 migration to table ab in 1 s; password=****");
        assertThat(Redaction.redact("postgresql://ab:1@ab:5432/ab?user=ab"))
                .isEqualTo("postgresql://ab:****@ab:5432/ab?user=ab");
    }
}
