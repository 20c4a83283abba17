package com.corpintel.migrate.lint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which undo scripts the linted set holds, for rules about a script's partner. */
public final class MigrationSet {

    private final Set<String> undo = new HashSet<>();

    MigrationSet(List<ScriptName> names) {
        for (ScriptName n : names) {
            if (n.kind() == ScriptName.Kind.UNDO) {
                undo.add(n.version() + "|" + (n.edition() == null ? "" : n.edition()));
            }
        }
    }

    /** An undo script for this version, either for the given edition or for every edition. */
    public boolean hasUndo(String version, String edition) {
        return undo.contains(version + "|") || (edition != null && undo.contains(version + "|" + edition));
    }
}
