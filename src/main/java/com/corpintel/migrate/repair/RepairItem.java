package com.corpintel.migrate.repair;

import java.util.List;

/**
 * One thing repair found, and what it does (or refuses) about it.
 *
 * @param findings    what it inspected, one line each ("index idx_a on t: exists")
 * @param sql         for a refusal: the exact SQL an operator would run; else empty
 * @param newChecksum for a realignment: the checksum the history row gets
 */
public record RepairItem(String version, String description, Action action, String reason, List<String> findings,
                         String sql, Integer newChecksum) {

    public enum Action {
        /** A failed forward step whose every effect is in place: its history row is marked successful. */
        COMPLETE_FORWARD("complete the record"),
        /** A failed forward step that left nothing a re-run trips over: its failed row is removed. */
        REMOVE_FAILED_ROW("remove the failed row"),
        /** A failed undo whose every effect is in place: the version's history row is removed. */
        COMPLETE_UNDO("complete the undo's record"),
        /** Only whitespace or comments changed since the script was applied: the checksum is updated. */
        REALIGN_CHECKSUM("realign the checksum"),
        /** Cannot be repaired safely by the tool. */
        REFUSED("refused");

        public final String words;

        Action(String words) {
            this.words = words;
        }
    }

    public String label() {
        return "V" + version + " " + description;
    }

    public boolean refused() {
        return action == Action.REFUSED;
    }
}
