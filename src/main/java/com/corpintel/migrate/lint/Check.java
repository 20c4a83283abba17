package com.corpintel.migrate.lint;

import com.corpintel.migrate.migrate.Script;

import java.util.List;
import java.util.Locale;

/**
 * What a rule sees while checking one statement (or, with a null statement, the whole script):
 * the script, the schema before the script, the schema just before the statement, and what the
 * script itself has done so far.
 */
public final class Check {

    private final LintScript script;
    private final ScriptName name;
    private final Statement statement;
    private final StaticSchema now;
    private final ScriptScope scope;
    private final MigrationSet set;
    private final List<Finding> out;
    private final Positions positions;

    Check(LintScript script, ScriptName name, Statement statement, StaticSchema now, ScriptScope scope,
          MigrationSet set, List<Finding> out, Positions positions) {
        this.script = script;
        this.name = name;
        this.statement = statement;
        this.now = now;
        this.scope = scope;
        this.set = set;
        this.out = out;
        this.positions = positions;
    }

    public Statement statement() {
        return statement;
    }

    public LintScript script() {
        return script;
    }

    /** Null when the file name follows no known pattern. */
    public ScriptName name() {
        return name;
    }

    public boolean undo() {
        return name != null && name.kind() == ScriptName.Kind.UNDO;
    }

    /** Runs in one transaction (no .conf with executeInTransaction=false). */
    public boolean transactional() {
        return script.transactional();
    }

    /** The script declares what it destroys with a "-- data-loss:" line. */
    public boolean dataLossDeclared() {
        return script.sql().lines().map(l -> l.strip().toLowerCase(Locale.ROOT))
                .anyMatch(l -> l.startsWith(Script.DATA_LOSS_MARKER));
    }

    /** The schema just before this statement (earlier scripts and this script's earlier statements). */
    public StaticSchema now() {
        return now;
    }

    /** A table that existed before this script ran, and so may be large and in use. */
    public boolean existedBefore(String table) {
        return table != null && now.existedWhenScriptBegan(table) && !scope.created.contains(table);
    }

    public boolean createdInScript(String table) {
        return scope.created.contains(table);
    }

    /** The script inserted or copied rows into it. */
    public boolean loadedInScript(String table) {
        return scope.loaded.contains(table);
    }

    public boolean maintenanceWorkMemRaised() {
        return scope.maintenanceWorkMem;
    }

    public boolean chunksDecompressed() {
        return scope.decompressed;
    }

    public MigrationSet set() {
        return set;
    }

    /** Reports at a token of the statement (null: at the statement's start, or at the file for a script check). */
    public void report(Rule rule, Token at, String message, String fix) {
        int line = 0;
        int column = 0;
        if (at != null) {
            line = positions.line(at.offset());
            column = positions.column(at.offset());
        } else if (statement != null) {
            line = statement.line();
            column = statement.column();
        }
        out.add(new Finding(script.path(), line, column, rule.id(), rule.severity(), message, fix));
    }
}
