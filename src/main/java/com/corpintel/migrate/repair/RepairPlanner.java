package com.corpintel.migrate.repair;

import com.corpintel.migrate.migrate.MigrationService;
import com.corpintel.migrate.migrate.ScriptChecksum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pure: from what the catalog shows of a step's statements to the repair, or a refusal with SQL. */
final class RepairPlanner {

    /** What the catalog shows of one statement's effect. */
    enum Presence {
        DONE("in place"), NOT_DONE("not in place"), INVALID_INDEX("exists but is INVALID (a failed concurrent build)"),
        UNKNOWN("cannot be told from the catalog");

        final String words;

        Presence(String words) {
            this.words = words;
        }
    }

    record Probed(StatementEffect effect, Presence presence) {
        /** A statement printed on one line ends with its semicolon. */
        String oneLineEnd() {
            return effect.oneLine().endsWith(";") ? "" : ";";
        }

        String finding() {
            return (effect.kind() == StatementEffect.Kind.UNKNOWN ? "statement " : effect.kind().creates()
                    ? "creates " : "drops ") + effect.subject() + ": " + presence.words;
        }
    }

    private RepairPlanner() {
    }

    static String history(String schema) {
        return "\"" + schema.replace("\"", "\"\"") + "\"." + MigrationService.HISTORY_TABLE;
    }

    static RepairItem failedForward(String version, String description, String script, boolean transactional,
                                    List<Probed> probed, String schema) {
        List<String> findings = probed.stream().map(Probed::finding).toList();
        String remove = "DELETE FROM " + history(schema) + " WHERE version = '" + version + "' AND NOT success;";
        String complete = "UPDATE " + history(schema) + " SET success = true WHERE version = '" + version
                + "' AND NOT success;";
        if (transactional) {
            return new RepairItem(version, description, RepairItem.Action.REMOVE_FAILED_ROW, script + " runs in one"
                    + " transaction, which was rolled back: nothing of it stayed, the next upgrade runs it again",
                    findings, "", null);
        }
        List<Probed> unknown = probed.stream().filter(p -> p.presence() == Presence.UNKNOWN).toList();
        List<Probed> invalid = probed.stream().filter(p -> p.presence() == Presence.INVALID_INDEX).toList();
        List<Probed> done = probed.stream().filter(p -> p.presence() == Presence.DONE).toList();
        List<Probed> notDone = probed.stream().filter(p -> p.presence() == Presence.NOT_DONE).toList();
        if (unknown.isEmpty() && invalid.isEmpty() && notDone.isEmpty()) {
            return new RepairItem(version, description, RepairItem.Action.COMPLETE_FORWARD, "every object its "
                    + probed.size() + " statement" + (probed.size() == 1 ? "" : "s") + " create or drop is in place:"
                    + " the step finished its work, so its history row is marked successful", findings, "", null);
        }
        if (unknown.isEmpty() && invalid.isEmpty() && done.stream().allMatch(p -> p.effect().rerunnable())) {
            return new RepairItem(version, description, RepairItem.Action.REMOVE_FAILED_ROW, done.isEmpty()
                    ? "none of its objects is in place: nothing of it stayed, so the failed row is removed and the"
                    + " next upgrade runs it again"
                    : "what it left (" + String.join(", ", done.stream().map(p -> p.effect().subject()).toList())
                    + ") is created with IF NOT EXISTS, so a re-run skips it: the failed row is removed and the next"
                    + " upgrade runs it again", findings, "", null);
        }
        String reason = !unknown.isEmpty()
                ? "cannot tell whether " + unknown.size() + " of its statements ran (the catalog does not show their"
                + " effect)"
                : !invalid.isEmpty() ? "an index build it started failed half-way and left an INVALID index"
                : "it stopped half-way: some of its objects are in place, others not, and a re-run would fail on the"
                + " ones in place";
        StringBuilder sql = new StringBuilder();
        sql.append("-- Either finish ").append(script).append(" by hand, then record it as applied:\n");
        for (Probed p : invalid) {
            sql.append(p.effect().inverse(schema).orElseThrow()).append('\n');
        }
        for (Probed p : probed) {
            if (p.presence() != Presence.DONE) {
                sql.append(p.effect().oneLine()).append(p.oneLineEnd()).append(p.presence() == Presence.UNKNOWN
                        ? " -- only if it did not run" : "").append('\n');
            }
        }
        sql.append(complete).append('\n');
        List<Probed> left = new ArrayList<>(done);
        left.addAll(invalid);
        List<Optional<String>> inverses = left.stream().map(p -> p.effect().inverse(schema)).toList();
        if (unknown.isEmpty() && inverses.stream().allMatch(Optional::isPresent)) {
            sql.append("-- or take back what it left, so that the next upgrade runs it again:\n");
            inverses.forEach(i -> sql.append(i.orElseThrow()).append('\n'));
            sql.append(remove).append('\n');
        }
        sql.append("-- Each statement on its own (CONCURRENTLY cannot run in a transaction block);"
                + " then run `intel-migrate repair` again to check.");
        return new RepairItem(version, description, RepairItem.Action.REFUSED, reason, findings, sql.toString(), null);
    }

    /** A failed non-transactional undo; empty when none of its effects took place (the schema is still at the version). */
    static Optional<RepairItem> failedUndo(String version, String description, String script, List<Probed> probed,
                                           String schema) {
        List<String> findings = probed.stream().map(Probed::finding).toList();
        boolean allDone = probed.stream().allMatch(p -> p.presence() == Presence.DONE);
        boolean noneDone = probed.stream().allMatch(p -> p.presence() == Presence.NOT_DONE);
        if (noneDone) {
            return Optional.empty();
        }
        String forget = "DELETE FROM " + history(schema) + " WHERE version = '" + version + "' AND success;";
        if (allDone) {
            return Optional.of(new RepairItem(version, description, RepairItem.Action.COMPLETE_UNDO, "every object its"
                    + " undo script " + script + " drops or creates is in place: the undo finished its work, so the"
                    + " history row of the version is removed", findings, "", null));
        }
        StringBuilder sql = new StringBuilder("-- Finish the undo by hand, then forget the version:\n");
        for (Probed p : probed) {
            if (p.presence() != Presence.DONE) {
                sql.append(p.effect().oneLine()).append(p.oneLineEnd()).append(p.presence() == Presence.UNKNOWN
                        ? " -- only if it did not run" : "").append('\n');
            }
        }
        sql.append(forget).append("\n-- Or, if its header says it can run again, run the same downgrade again.");
        return Optional.of(new RepairItem(version, description, RepairItem.Action.REFUSED, "its undo stopped half-way"
                + " (or the catalog cannot tell how far it got)", findings, sql.toString(), null));
    }

    static RepairItem checksumMismatch(String version, String description, String type, String script,
                                       String scriptText, Integer recorded, String schema) {
        if (!"SQL".equals(type) || scriptText == null || recorded == null) {
            return new RepairItem(version, description, RepairItem.Action.REFUSED, "checksum mismatch of a "
                    + (type == null ? "migration" : type) + " step: only an SQL script's text can be compared;"
                    + " build and run the binary whose script was applied", List.of(), "", null);
        }
        int now = ScriptChecksum.of(scriptText);
        Optional<String> layout = LayoutOnlyChange.onlyLayoutDiffers(scriptText, recorded);
        String update = "UPDATE " + history(schema) + " SET checksum = " + now + " WHERE version = '" + version
                + "' AND success;";
        if (layout.isPresent()) {
            return new RepairItem(version, description, RepairItem.Action.REALIGN_CHECKSUM, script + " differs from"
                    + " the applied one only in " + layout.get() + ": the statements are the same, so the recorded"
                    + " checksum " + recorded + " becomes " + now, List.of(), "", now);
        }
        return new RepairItem(version, description, RepairItem.Action.REFUSED, script + " changed beyond white space"
                + " and comment lines added (recorded checksum " + recorded + ", the script's " + now + "): an"
                + " applied migration is never edited; restore the applied script and put the change in a new"
                + " migration", List.of(), "-- Only if the database verifiably has what the changed script builds:\n"
                + update, null);
    }
}
