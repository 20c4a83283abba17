package com.corpintel.migrate.lint;

import com.corpintel.migrate.migrate.BundledMigrations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled V1–V3 and their undo scripts lint clean: suppressed only with a reason, in the baseline. */
class BundledScriptsLintTest {

    @Test
    void everyBundledScriptLintsClean() {
        LintReport report = new LintService().lint(new BundledMigrations(), LintService.Request.all());

        assertThat(report.scripts()).contains("db/migration/V1__initial_schema.sql",
                "db/timescale/V2__timescale_features.community.sql", "db/timescale/V2__timescale_features.apache.sql",
                "db/timescale/V2__timescale_features.community.refresh.sql", "db/migration/V3__permission_scopes.sql",
                "db/undo/U1__initial_schema.sql", "db/undo/U2__timescale_features.community.sql",
                "db/undo/U2__timescale_features.apache.sql", "db/undo/U3__permission_scopes.sql");
        assertThat(report.findings()).isEmpty();
    }
}
