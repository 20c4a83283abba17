package com.corpintel.migrate.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Suppressions kept outside the scripts, for released scripts whose bytes may not change (a changed
 * byte changes the Flyway checksum every migrated database recorded, and validate then fails).
 * One entry a line: {@code <script file name> <rule id> reason: <why>}; {@code #} starts a comment.
 * An entry covers every finding of that rule in that script.
 */
public record Baseline(String path, List<Entry> entries) {

    public record Entry(String file, String rule, String reason, int line) {
    }

    public static final Baseline NONE = new Baseline(null, List.of());

    public static Baseline parse(String path, String text) {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int at = line.indexOf("reason:");
            String head = at < 0 ? line : line.substring(0, at).strip();
            String reason = at < 0 ? null : line.substring(at + "reason:".length()).strip();
            String[] parts = head.split("\\s+");
            entries.add(new Entry(parts[0], parts.length > 1 ? parts[1] : "",
                    reason == null || reason.isEmpty() ? null : reason, number));
        }
        return new Baseline(path, List.copyOf(entries));
    }

    boolean covers(Finding finding) {
        String file = new LintScript(finding.file(), "", true).fileName();
        return entries.stream().anyMatch(e -> e.file().equals(file) && e.rule().equals(finding.rule()));
    }
}
