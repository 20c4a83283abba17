package com.corpintel.migrate.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Flyway 12's resolution of the forward SQL scripts of one location ({@code SqlMigrationResolver}
 * with intel-migrate's configuration), for a location whose files are all plain: versioned SQL
 * scripts, per-script {@code .conf} files that say no more than {@code executeInTransaction}, and
 * files Flyway ignores. Anything else makes Flyway do more than resolve (refuse a misnamed script,
 * resolve a repeatable, baseline, callback or shell-script migration, re-encode a script, fail on
 * two scripts of one version), so the location is left to Flyway: the result is empty.
 */
final class ScriptResolution {

    /** The shell-script suffixes of Flyway's ScriptMigrationResolver. */
    private static final List<String> SCRIPT_SUFFIXES = List.of(".cmd", ".bat", ".ps1", ".py", ".sh", ".bash");
    private static final Pattern PLAIN_CONFIGURATION_LINE =
            Pattern.compile("\\s*(#.*|executeInTransaction\\s*[=:]\\s*(true|false)\\s*)?");

    private ScriptResolution() {
    }

    /**
     * @param fileNames the location's file names (no subdirectories)
     * @param text      a file's text by name; empty when it cannot be read as Flyway reads it
     * @return the migrations, or empty when Flyway must resolve this location itself
     */
    static Optional<List<LocalMigration>> of(List<String> fileNames, Function<String, Optional<String>> text) {
        List<LocalMigration> migrations = new ArrayList<>();
        for (String fileName : fileNames) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (SCRIPT_SUFFIXES.stream().anyMatch(lower::endsWith)) {
                return Optional.empty();
            }
            if (lower.endsWith(".sql.conf")) {
                Optional<String> configuration = text.apply(fileName);
                if (configuration.isEmpty() || !configuration.get().lines().allMatch(
                        line -> PLAIN_CONFIGURATION_LINE.matcher(line).matches())) {
                    return Optional.empty();
                }
                continue;
            }
            if (!ScriptName.isSql(fileName)) {
                continue;
            }
            Optional<ScriptName> name = ScriptName.parse(fileName);
            Optional<String> sql = text.apply(fileName);
            if (name.isEmpty() || sql.isEmpty()) {
                return Optional.empty();
            }
            migrations.add(LocalMigration.ofScript(name.get(), fileName, sql.get()));
        }
        return Optional.of(migrations);
    }
}
