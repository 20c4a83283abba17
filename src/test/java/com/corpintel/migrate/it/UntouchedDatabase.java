package com.corpintel.migrate.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scratch database, shared by the tests of one class, that every command they run
 * must leave exactly as it was: empty, with no history table. Register it as a static
 * {@code @RegisterExtension} field; it is created before the class's tests and dropped after.
 */
final class UntouchedDatabase implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase db;
    private List<String> emptyFingerprint;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = TestServer.createDatabase();
        emptyFingerprint = CatalogFingerprint.of(db);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        db.close();
    }

    TestDatabase db() {
        return db;
    }

    void assertNothingChanged() {
        assertThat(CatalogFingerprint.of(db)).isEqualTo(emptyFingerprint);
        assertThat(db.value("SELECT to_regclass('flyway_schema_history') IS NULL")).isEqualTo("true");
    }
}
