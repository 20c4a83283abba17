package com.corpintel.migrate.alembic;

import com.corpintel.migrate.timescale.Edition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One bundled script of a bridge: {@code B<n>__<name>[.<edition>].sql}. Each runs in one
 * transaction. Its header declares what it locks ({@code -- lock: <table> <MODE> (<why>)},
 * or {@code -- lock: none}) and, where a hypertable must be decompressed before it,
 * {@code -- decompress: <hypertable>}.
 *
 * @param number     the step's place in the bridge
 * @param name       what it bridges, e.g. {@code companies}
 * @param edition    the TimescaleDB branch it belongs to; empty for both
 * @param path       the bundled resource
 * @param sql        its text
 * @param locks      its declared locks
 * @param decompress the hypertable whose compressed chunks are decompressed before it, if any
 */
public record BridgeScript(int number, String name, Optional<Edition> edition, String path, String sql,
                           List<LockEstimate> locks, Optional<String> decompress) {

    private static final Pattern FILE = Pattern.compile("B(\\d+)__([a-z0-9_]+)(?:\\.(apache|community))?\\.sql");
    private static final Pattern LOCK = Pattern.compile(
            "--\\s*lock:\\s*(\\S+)\\s+([A-Z][A-Z ]*[A-Z])(?:\\s*\\((.*)\\))?\\s*");
    private static final Pattern DECOMPRESS = Pattern.compile("--\\s*decompress:\\s*(\\S+)\\s*");

    /** True for a file name of a bridge step. */
    public static boolean isStep(String fileName) {
        return FILE.matcher(fileName).matches();
    }

    /**
     * Reads a step from its file name and text.
     *
     * @throws IllegalArgumentException when the name is not a step's, or a lock line cannot be read
     */
    public static BridgeScript of(String path, String sql) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException(path + " is not named B<n>__<name>[.apache|.community].sql");
        }
        Optional<Edition> edition = Optional.ofNullable(m.group(3))
                .map(e -> Edition.valueOf(e.toUpperCase(Locale.ROOT)));
        List<LockEstimate> locks = new ArrayList<>();
        Optional<String> decompress = Optional.empty();
        for (String line : sql.lines().map(String::strip).takeWhile(l -> l.startsWith("--")).toList()) {
            if (line.matches("--\\s*lock:\\s*none\\s*")) {
                continue;
            }
            Matcher lock = LOCK.matcher(line);
            if (lock.matches()) {
                locks.add(new LockEstimate(lock.group(1), lock.group(2), lock.group(3) == null ? "" : lock.group(3)));
            } else if (line.matches("--\\s*lock:.*")) {
                throw new IllegalArgumentException(path + ": cannot read '" + line
                        + "': write -- lock: <table> <MODE> (<why>)");
            }
            Matcher d = DECOMPRESS.matcher(line);
            if (d.matches()) {
                decompress = Optional.of(d.group(1));
            }
        }
        return new BridgeScript(Integer.parseInt(m.group(1)), m.group(2), edition, path, sql, List.copyOf(locks),
                decompress);
    }

    /** The step's label in plans and progress: {@code B05 financial_metrics}. */
    public String label() {
        return String.format(Locale.ROOT, "B%02d %s", number, name);
    }

    /** CRC32 of the text: the progress table records it, so a resumed bridge runs the same steps. */
    public int checksum() {
        CRC32 crc = new CRC32();
        crc.update(sql.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** True when this script is the one a server of {@code chosen}'s branch runs. */
    boolean belongsTo(Edition chosen) {
        return edition.isEmpty() || edition.get() == chosen;
    }
}
