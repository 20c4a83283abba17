package com.corpintel.migrate.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsTest {

    private static ConnectionSettings settings(String host, int port, String database, String user, String password) {
        return new ConnectionSettings(host, port, database, user, Secret.of(password), "prefer", Map.of(), "test");
    }

    @Test
    void describeIsUserAtHostPortSlashDatabase() {
        assertThat(settings("db.example.com", 5433, "intel", "app", "Describe-Pw").describe())
                .isEqualTo("app@db.example.com:5433/intel");
    }

    @Test
    void describeNeverContainsThePassword() {
        assertThat(settings("h", 5432, "db", "u", "Never-In-Describe").describe())
                .doesNotContain("Never-In-Describe");
    }

    @Test
    void describeBracketsAnIpv6Host() {
        assertThat(settings("::1", 5433, "db", "u", null).describe()).isEqualTo("u@[::1]:5433/db");
    }

    @Test
    void toStringMasksThePassword() {
        assertThat(settings("h", 5432, "db", "u", "ToString-Pw").toString())
                .doesNotContain("ToString-Pw")
                .contains("****");
    }

    @Test
    void parametersAreCopiedAndUnmodifiable() {
        Map<String, String> parameters = new HashMap<>(Map.of("connectTimeout", "5"));
        ConnectionSettings settings = new ConnectionSettings("h", 5432, "db", "u", null, "prefer", parameters, "t");
        parameters.put("sslrootcert", "/x");

        assertThat(settings.parameters()).containsOnlyKeys("connectTimeout");
        assertThatThrownBy(() -> settings.parameters().put("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void secretToStringIsMasked() {
        Secret secret = Secret.of("Plain-Secret-Text");

        assertThat(secret.toString()).isEqualTo("****");
        assertThat(String.valueOf(secret)).doesNotContain("Plain-Secret-Text");
        assertThat("password=" + secret).isEqualTo("password=****");
    }

    @Test
    void secretRevealGivesTheValue() {
        assertThat(Secret.of("Reveal-Me").reveal()).isEqualTo("Reveal-Me");
    }

    @Test
    void secretOfNullIsNull() {
        assertThat(Secret.of(null)).isNull();
    }

    @Test
    void secretsWithTheSameValueAreEqual() {
        assertThat(Secret.of("same")).isEqualTo(Secret.of("same")).hasSameHashCodeAs(Secret.of("same"));
        assertThat(Secret.of("same")).isNotEqualTo(Secret.of("other"));
    }

    @Test
    void connectionPartsOverTakesEachFieldFromTheHigherSourceWhereSet() {
        ConnectionParts high = new ConnectionParts("hh", null, null, "hu", null, "require",
                Map.of("connectTimeout", "5"));
        ConnectionParts low = new ConnectionParts("lh", 1, "ld", "lu", Secret.of("lp"), "disable",
                Map.of("connectTimeout", "9", "sslrootcert", "/ca"));

        ConnectionParts merged = high.over(low);

        assertThat(merged.host()).isEqualTo("hh");
        assertThat(merged.port()).isEqualTo(1);
        assertThat(merged.database()).isEqualTo("ld");
        assertThat(merged.user()).isEqualTo("hu");
        assertThat(merged.password()).isEqualTo(Secret.of("lp"));
        assertThat(merged.sslMode()).isEqualTo("require");
        assertThat(merged.parameters()).containsEntry("connectTimeout", "5").containsEntry("sslrootcert", "/ca");
    }

    @Test
    void connectionPartsWithNothingSetIsEmpty() {
        assertThat(new ConnectionParts(null, null, null, null, null, null, null).isEmpty()).isTrue();
        assertThat(new ConnectionParts(null, null, null, "u", null, null, null).isEmpty()).isFalse();
        assertThat(new ConnectionParts(null, null, null, null, null, null, Map.of("k", "v")).isEmpty()).isFalse();
    }
}
