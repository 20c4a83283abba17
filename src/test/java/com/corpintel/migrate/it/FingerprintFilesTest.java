package com.corpintel.migrate.it;

import com.corpintel.migrate.inspect.ContinuousAggregate;
import com.corpintel.migrate.inspect.ExpectedSchema;
import com.corpintel.migrate.inspect.Hypertable;
import com.corpintel.migrate.inspect.Job;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.View;
import com.corpintel.migrate.timescale.Edition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UpgradeSchemaIT's edition files (expected/platform-schema.&lt;branch&gt;.txt) say, in the
 * words of CatalogFingerprint, what the product's expected models
 * (db/expected/schema.&lt;edition&gt;.txt) say about the TimescaleDB features. No server
 * here runs the community license, so its file is derived by hand: this keeps it from
 * drifting from schema.community.txt, which ExpectedSchemaIT ties to a real server.
 * Needs no database.
 */
class FingerprintFilesTest {

    @ParameterizedTest
    @EnumSource(TimescaleEdition.class)
    void theEditionFileSaysWhatTheExpectedModelSays(TimescaleEdition edition) throws IOException {
        SchemaModel model = ExpectedSchema.load(edition == TimescaleEdition.COMMUNITY ? Edition.COMMUNITY : Edition.APACHE);
        assertThat(editionFile(edition)).as("expected/platform-schema.%s.txt against schema.%s.txt", edition.branch,
                edition.branch).containsExactlyInAnyOrderElementsOf(fingerprintLines(model));
    }

    /** The lines CatalogFingerprint prints for what the two branches of version 2 build differently. */
    private static List<String> fingerprintLines(SchemaModel model) {
        List<String> lines = new ArrayList<>();
        for (Hypertable hypertable : model.hypertables()) {
            lines.add("hypertable: " + hypertable.table() + " compression=" + hypertable.compressionEnabled());
            for (int i = 0; i < hypertable.segmentBy().size(); i++) {
                lines.add("compression: " + hypertable.table() + "." + hypertable.segmentBy().get(i) + " segmentby=" + (i + 1)
                        + " orderby=- asc=-");
            }
            for (int i = 0; i < hypertable.orderBy().size(); i++) {
                String[] words = hypertable.orderBy().get(i).split(" ");
                assertThat(words.length == 1 || (words.length == 2 && words[1].equals("DESC")))
                        .as("the fingerprint records only the direction of an order-by column: %s",
                                hypertable.orderBy().get(i)).isTrue();
                lines.add("compression: " + hypertable.table() + "." + words[0] + " segmentby=- orderby=" + (i + 1)
                        + " asc=" + (words.length == 1));
            }
        }
        for (View view : model.views()) {
            if (view.name().equals("daily_metrics_summary")) {
                lines.add("relation: " + view.name() + (view.materialized() ? " materialized view" : " view"));
            }
        }
        for (ContinuousAggregate aggregate : model.continuousAggregates()) {
            lines.add("relation: " + aggregate.name() + " view");
            lines.add("continuous-aggregate: " + aggregate.name() + " materialized_only=" + aggregate.materializedOnly());
        }
        for (Job job : model.jobs()) {
            lines.add("job: " + job.kind().procedure + " on " + job.target() + " every " + job.scheduleInterval()
                    + " with " + job.config().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return lines;
    }

    private static List<String> editionFile(TimescaleEdition edition) throws IOException {
        String name = "/expected/platform-schema." + edition.branch + ".txt";
        try (InputStream in = FingerprintFilesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
