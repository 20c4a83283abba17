package com.corpintel.migrate.lint;

import org.flywaydb.core.api.MigrationVersion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a script's file name says: forward ({@code V}) or undo ({@code U}), version, description,
 * and for the license-dependent scripts the TimescaleDB edition ({@code .apache} / {@code .community})
 * and a part run after the migration on a session of its own ({@code .refresh}).
 */
public record ScriptName(Kind kind, String version, String description, String edition, String part) {

    public enum Kind { FORWARD, UNDO }

    private static final Pattern NAME = Pattern.compile(
            "([VU])(\\d+(?:[._]\\d+)*)__(.+?)(?:\\.(apache|community))?(?:\\.(refresh))?\\.(?i:sql)");

    public static final String EXPECTED = "V<version>__<description>.sql or U<version>__<description>.sql"
            + " (optionally .apache or .community before .sql)";

    public static Optional<ScriptName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ScriptName(m.group(1).equals("V") ? Kind.FORWARD : Kind.UNDO,
                m.group(2).replace('_', '.'), m.group(3), m.group(4), m.group(5)));
    }

    public MigrationVersion migrationVersion() {
        return MigrationVersion.fromVersion(version);
    }

    public boolean forward() {
        return kind == Kind.FORWARD;
    }
}
