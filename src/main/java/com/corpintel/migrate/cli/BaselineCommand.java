package com.corpintel.migrate.cli;

import com.corpintel.migrate.alembic.AlembicAdoption;
import com.corpintel.migrate.baseline.BaselineService;
import com.corpintel.migrate.migrate.MigrationService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline", sortOptions = false,
        description = {"Adopt a database that has no migration history: one the bundled migrations built up to"
                + " VERSION (--version), or one the platform's Alembic revision 001 built (--from-alembic).",
                "--version V: the schema is what the bundled migrations build at V; compare it with the expected"
                        + " model of V and, only when they agree, record V1..V as applied without running them.",
                "--from-alembic: the schema was built by the platform's Alembic revision 001; check its shape and"
                        + " data, run the bundled bridge to V3 (a transaction per step, resumable) and record V1..V3.",
                "Drift or data the bridge cannot carry is refused (exit 9) with the differences or rows listed;"
                        + " nothing changes then. Downgrades stop at the baseline."})
class BaselineCommand extends SchemaChangeCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static class What {
        @Option(names = "--version", paramLabel = "VERSION", required = true,
                description = "The version the schema is at (its expected model is compared).")
        String version;

        @Option(names = "--from-alembic", required = true,
                description = "The schema is an Alembic database (alembic_version): bridge it to the bundled"
                        + " schema. --dry-run prints the plan with the locks each step takes.")
        boolean fromAlembic;
    }

    @Override
    public Integer call() {
        MigrationService migrations = changingMigrations();
        if (what.fromAlembic) {
            AlembicAdoption adoption = new AlembicAdoption(migrations, this::progress);
            print(renderer().adoption(changeOptions.dryRun ? adoption.plan() : adoption.adopt(patience())));
            return ExitCode.OK.code;
        }
        BaselineService baseline = new BaselineService(migrations, this::progress);
        print(renderer().baseline(changeOptions.dryRun ? baseline.plan(what.version)
                : baseline.baseline(what.version, patience())));
        return ExitCode.OK.code;
    }
}
