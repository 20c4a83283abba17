package com.corpintel.migrate.lint;

import com.corpintel.migrate.migrate.MigrationSource;
import org.flywaydb.core.api.MigrationVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** lint as a service: which scripts of a source to check, and the report. Needs no database. */
public final class LintService {

    /**
     * What to check.
     *
     * @param files      scripts named on the command line (empty: every script of the source)
     * @param since      only scripts newer than this version (null: all)
     * @param appliedUpTo the database's current version when one is configured: forward scripts at or
     *                   below it are applied and immutable, so they are not reported (null: none)
     * @param versions   only scripts of these versions (null: all), for the migrations upgrade will run
     * @param forwardOnly only forward scripts (upgrade checks what it is about to run)
     * @param baseline   overrides the source's own baseline file (null: the source's)
     */
    public record Request(List<Path> files, String since, String appliedUpTo, Set<String> versions,
                          boolean forwardOnly, Path baseline) {

        public static Request all() {
            return new Request(List.of(), null, null, null, false, null);
        }

        /** The forward scripts of these migrations, as upgrade is about to run them. */
        public static Request pending(java.util.Collection<String> versions) {
            return new Request(List.of(), null, null, Set.copyOf(versions), true, null);
        }
    }

    private final Linter linter;

    public LintService() {
        this(new Linter());
    }

    public LintService(Linter linter) {
        this.linter = linter;
    }

    public LintReport lint(MigrationSource source, Request request) {
        LintSources.Loaded loaded = LintSources.of(source);
        Set<String> named = new HashSet<>();
        List<LintScript> set = withFiles(loaded, request, named);
        Baseline baseline = request.baseline() == null ? loaded.baseline() : LintSources.baseline(request.baseline());
        return linter.lint(set, checked(request, named), baseline);
    }

    /** lint --shadow: the same selection of scripts, run for real by {@code run}. */
    public ShadowReport shadow(MigrationSource source, Request request, ShadowRun run) {
        Set<String> named = new HashSet<>();
        List<LintScript> set = withFiles(LintSources.of(source), request, named);
        return run.run(set, checked(request, named));
    }

    /** A named file stands in for the set's script of the same name (the edited copy), or joins the set. */
    private static List<LintScript> withFiles(LintSources.Loaded loaded, Request request, Set<String> named) {
        List<LintScript> set = new ArrayList<>(loaded.scripts());
        for (Path file : request.files()) {
            LintScript script = LintSources.read(file, file.toString());
            set.removeIf(s -> s.fileName().equals(script.fileName()));
            set.add(script);
            named.add(script.path());
        }
        return set;
    }

    static Predicate<LintScript> checked(Request request, Set<String> named) {
        MigrationVersion since = request.since() == null ? null : MigrationVersion.fromVersion(request.since());
        MigrationVersion applied = request.appliedUpTo() == null ? null
                : MigrationVersion.fromVersion(request.appliedUpTo());
        Set<MigrationVersion> versions = request.versions() == null ? null : request.versions().stream()
                .map(MigrationVersion::fromVersion).collect(java.util.stream.Collectors.toSet());
        return script -> {
            if (!named.isEmpty() && !named.contains(script.path())) {
                return false;
            }
            var name = ScriptName.parse(script.fileName());
            if (name.isEmpty()) {
                return !request.forwardOnly(); // reported as malformed, whatever its version would be
            }
            MigrationVersion version = name.get().migrationVersion();
            if (request.forwardOnly() && !name.get().forward()) {
                return false;
            }
            if (since != null && version.compareTo(since) <= 0) {
                return false;
            }
            if (versions != null && !versions.contains(version)) {
                return false;
            }
            return applied == null || !name.get().forward() || version.compareTo(applied) > 0;
        };
    }
}
