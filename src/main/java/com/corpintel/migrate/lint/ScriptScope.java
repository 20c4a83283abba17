package com.corpintel.migrate.lint;

import java.util.HashSet;
import java.util.Set;

/** What one script has done so far, beyond the schema: which tables it created or loaded, which settings it made. */
final class ScriptScope {

    final Set<String> created = new HashSet<>();
    final Set<String> loaded = new HashSet<>();
    boolean maintenanceWorkMem;
    boolean decompressed;
}
