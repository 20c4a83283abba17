package com.corpintel.migrate.it;

import com.corpintel.migrate.diff.SchemaDiff;
import com.corpintel.migrate.inspect.SchemaModelText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed model of every version below the head (db/expected/V&lt;n&gt;/, what baseline
 * compares with) is what the bundled scripts build up to that version on this server's
 * branch: a fresh database upgraded with --target and read back by `snapshot`. (The head's
 * model is ExpectedSchemaIT's.)
 */
class ExpectedSchemaVersionsIT {

    private static final Path PROJECT = Path.of(System.getProperty("intel-migrate.project-dir", "."));

    @ParameterizedTest(name = "V{0}")
    @ValueSource(strings = {"1", "2"})
    void theCommittedModelOfEachVersionIsWhatTheScriptsBuildUpToIt(String version) throws IOException {
        String edition = TestServer.edition().branch;
        Path file = PROJECT.resolve("src/main/resources/db/expected/V" + version + "/schema." + edition + ".txt");
        try (TestDatabase db = TestServer.createDatabase()) {
            Cli.Result upgrade = Cli.run(db.env(), "upgrade", "--target", version);
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            Cli.Result snapshot = Cli.run(db.env(), "snapshot");
            assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(SchemaDiff.compare(SchemaModelText.read(committed), SchemaModelText.read(snapshot.stdout())))
                    .as(file + " vs `snapshot` after `upgrade --target " + version + "`; regenerate it from there"
                            + " and review the difference")
                    .isEmpty();
            assertThat(facts(committed)).isEqualTo(facts(snapshot.stdout()));
        }
    }

    private static String facts(String model) {
        return model.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }
}
