package com.corpintel.migrate.repair;

import com.corpintel.migrate.migrate.ScriptChecksum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Whether a recorded checksum ({@link ScriptChecksum}, Flyway's) belongs to the same script with only
 * whitespace or comments different: the script is tried with blank lines, comment-only
 * lines, trailing and leading white space taken out, in every combination. A match means
 * the applied script was exactly that: its statements are the same. Comments edited or
 * removed since cannot be told this way; those mismatches are refused, not guessed.
 */
public final class LayoutOnlyChange {

    private LayoutOnlyChange() {
    }

    /** The edits, in words, that turn {@code script} back into one whose checksum is {@code recorded}; empty if none does. */
    public static Optional<String> onlyLayoutDiffers(String script, int recorded) {
        List<String> lines = ScriptChecksum.lines(script);
        List<Edit> edits = List.of(
                new Edit("trailing white space", l -> l.stripTrailing()),
                new Edit("indentation", l -> l.stripLeading()),
                new Edit("blank lines", null),
                new Edit("comment lines", null));
        for (int mask = 0; mask < 1 << edits.size(); mask++) {
            List<String> candidate = new ArrayList<>();
            for (String line : lines) {
                String l = line;
                if ((mask & 1) != 0) {
                    l = edits.get(0).line().apply(l);
                }
                if ((mask & 2) != 0) {
                    l = edits.get(1).line().apply(l);
                }
                if ((mask & 4) != 0 && l.isBlank()) {
                    continue;
                }
                if ((mask & 8) != 0 && l.strip().startsWith("--")) {
                    continue;
                }
                candidate.add(l);
            }
            if (ScriptChecksum.of(candidate) == recorded) {
                List<String> words = new ArrayList<>();
                for (int i = 0; i < edits.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        words.add(edits.get(i).words());
                    }
                }
                return Optional.of(words.isEmpty() ? "line breaks" : String.join(", ", words));
            }
        }
        return Optional.empty();
    }

    private record Edit(String words, UnaryOperator<String> line) {
    }
}
