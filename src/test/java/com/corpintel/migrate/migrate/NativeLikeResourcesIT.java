package com.corpintel.migrate.migrate;

import com.corpintel.migrate.db.Database;
import com.corpintel.migrate.it.TestDatabase;
import com.corpintel.migrate.it.TestServer;
import com.corpintel.migrate.timescale.FeatureMode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled migrations are found the way a native executable must find them:
 * by name through the resource index, never by listing a directory. A class
 * loader that hands out {@code resource:} URLs, as a native image does, makes
 * any scanning visible: Flyway's scanner reads nothing from such URLs, and every
 * lookup is recorded.
 */
class NativeLikeResourcesIT {

    private TestDatabase db;
    private Database database;

    @BeforeEach
    void createDatabase() {
        db = TestServer.createDatabase();
        database = db.toolDatabase("intel-migrate NativeLikeResourcesIT@test");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void theLoaderReproducesTheNativeFailureOfClassPathScanning() {
        NativeLikeClassLoader loader = new NativeLikeClassLoader();
        Flyway scanning = Flyway.configure(loader).dataSource(database.dataSource())
                .locations("classpath:db/migration").load();

        assertThat(scanning.info().all()).as("Flyway's scanner finds nothing behind resource: URLs").isEmpty();
        assertThat(loader.lookups).contains("db/migration");
    }

    @Test
    void upgradeAppliesEveryBundledMigrationWithoutListingAnything() {
        NativeLikeClassLoader loader = new NativeLikeClassLoader();
        BundledMigrations bundled = new BundledMigrations(BundledResources.load(loader));
        MigrationService service = new MigrationService(database, bundled, FeatureMode.AUTO, "tester", m -> { });

        UpgradeResult result = service.upgrade(null, new Patience(Duration.ofSeconds(30), 0,
                Duration.ofMillis(10)));

        assertThat(result.applied()).extracting(UpgradeResult.Applied::version).containsExactly("1", "2", "3");
        assertThat(result.status().problems()).isEmpty();
        assertThat(result.status().scripts().migrations()).isEqualTo(3);
        assertThat(loader.lookups).as("URL lookups (the only way to list resources)").isEmpty();
        assertThat(loader.streams).contains(BundledResources.INDEX, "db/migration/V1__initial_schema.sql",
                "db/migration/V3__permission_scopes.sql");
    }

    @Test
    void flywayCreatesNoScannerAndResolvesWhatItsOwnScannerWouldOnTheJvm() {
        NativeLikeClassLoader loader = new NativeLikeClassLoader();
        BundledMigrations bundled = new BundledMigrations(BundledResources.load(loader));
        Flyway indexed = bundled.applyTo(Flyway.configure(loader)).dataSource(database.dataSource()).load();
        // The JVM's class-path scan: what a database migrated by the earlier, scanning build recorded.
        Flyway scanned = Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load();

        List<String> fromIndex = describe(indexed.info().all());
        List<String> fromScan = describe(scanned.info().all());

        assertThat(fromScan).hasSize(2);
        assertThat(fromIndex).isEqualTo(fromScan);
        // Flyway's constructor always looks for callback classes in db/callback; the binary has
        // none there, so in native that lookup finds nothing and warns about nothing.
        assertThat(loader.lookups).as("URL lookups").allMatch("db/callback"::equals);
        assertThat(NativeLikeResourcesIT.class.getClassLoader().getResource("db/callback")).isNull();
    }

    private static List<String> describe(MigrationInfo[] migrations) {
        return Arrays.stream(migrations)
                .map(m -> m.getVersion() + " " + m.getScript() + " " + m.getChecksum() + " " + m.getType())
                .toList();
    }

    /** Resolves resources like a native image: streams by exact name, URLs only with the resource: scheme. */
    static final class NativeLikeClassLoader extends ClassLoader {

        private static final ClassLoader REAL = NativeLikeResourcesIT.class.getClassLoader();

        final List<String> lookups = Collections.synchronizedList(new ArrayList<>());
        final List<String> streams = Collections.synchronizedList(new ArrayList<>());

        NativeLikeClassLoader() {
            super(REAL);
        }

        @Override
        public URL getResource(String name) {
            lookups.add(name);
            URL real = REAL.getResource(name);
            return real == null ? null : nativeUrl(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            lookups.add(name);
            List<URL> urls = new ArrayList<>();
            for (URL ignored : Collections.list(REAL.getResources(name))) {
                urls.add(nativeUrl(name));
            }
            return Collections.enumeration(urls);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            streams.add(name);
            return REAL.getResourceAsStream(name);
        }

        private static URL nativeUrl(String name) {
            try {
                return new URL("resource", null, -1, "/" + name, new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL url) throws IOException {
                        throw new IOException("resource: URLs cannot be listed");
                    }
                });
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
