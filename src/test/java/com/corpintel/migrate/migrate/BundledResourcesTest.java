package com.corpintel.migrate.migrate;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The resource index names exactly the files under db/, and each is read by its name. */
class BundledResourcesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void theIndexNamesEveryFileUnderDbAndNothingElse() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("db"))) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(f -> RESOURCES.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(BundledResources.INDEX))
                    .sorted().toList();
        }
        List<String> indexed = BundledResources.parseIndex(Files.readString(RESOURCES.resolve(BundledResources.INDEX)));

        assertThat(onDisk).as("files under src/main/resources/db").isNotEmpty();
        assertThat(indexed)
                .as("add each new file under db/ to " + BundledResources.INDEX + ", one path per line")
                .containsExactlyInAnyOrderElementsOf(onDisk)
                .doesNotHaveDuplicates();
    }

    @Test
    void everyIndexedResourceReadsAsTheFileOnDisk() throws IOException {
        BundledResources resources = BundledResources.standard();
        for (String path : resources.paths()) {
            assertThat(resources.require(path)).as(path).isEqualTo(Files.readString(RESOURCES.resolve(path)));
        }
    }

    @Test
    void aDirectoryListsOnlyItsOwnFilesByName() {
        BundledResources resources = BundledResources.standard();

        assertThat(resources.fileNames(BundledMigrations.MIGRATION_DIRECTORY))
                .containsExactly("V1__initial_schema.sql", "V3__permission_scopes.sql");
        assertThat(resources.fileNames("db/")).isEmpty();
    }

    @Test
    void aPathOutsideTheIndexIsNotFoundEvenIfTheClassPathHasIt() {
        assertThat(BundledResources.standard().text("application.properties")).isEmpty();
    }

    @Test
    void aBuildWithoutTheIndexIsAnInternalErrorNotAnEmptySet() {
        ClassLoader empty = new ClassLoader(null) {
        };
        Failure failure = catchThrowableOfType(Failure.class, () -> BundledResources.load(empty));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.INTERNAL);
        assertThat(failure.getMessage()).startsWith("internal error: bundled migrations not found");
    }

    @Test
    void anIndexedScriptMissingFromTheBuildIsAnInternalError() {
        ClassLoader withoutV3 = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.startsWith("db/migration/V3") ? null
                        : BundledResourcesTest.class.getClassLoader().getResourceAsStream(name);
            }
        };
        Failure failure = catchThrowableOfType(Failure.class, () -> BundledResources.load(withoutV3));

        assertThat(failure.kind()).isEqualTo(Failure.Kind.INTERNAL);
        assertThat(failure.getMessage()).contains("db/migration/V3__permission_scopes.sql");
    }

    @Test
    void flywayGetsTheForwardScriptsUnderTheNamesItsScannerRecords() throws IOException {
        IndexedResourceProvider provider = new IndexedResourceProvider(BundledResources.standard(),
                BundledMigrations.MIGRATION_DIRECTORY);

        assertThat(provider.getResources("V", new String[] {".sql"}))
                .extracting(r -> r.getRelativePath(), r -> r.getFilename())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("V1__initial_schema.sql", "V1__initial_schema.sql"),
                        org.assertj.core.groups.Tuple.tuple("V3__permission_scopes.sql", "V3__permission_scopes.sql"));
        assertThat(provider.getResources("R", new String[] {".sql"})).isEmpty();
        assertThat(provider.getResource("V1__initial_schema.sql.conf")).isNull();
        try (var reader = provider.getResource("V3__permission_scopes.sql").read()) {
            char[] text = new char[64];
            int read = reader.read(text);
            assertThat(new String(text, 0, read)).isEqualTo(Files.readString(
                    RESOURCES.resolve("db/migration/V3__permission_scopes.sql"), StandardCharsets.UTF_8).substring(0, read));
        }
    }
}
