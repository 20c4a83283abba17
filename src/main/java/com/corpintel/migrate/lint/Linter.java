package com.corpintel.migrate.lint;

import com.corpintel.migrate.db.SqlStatements;
import com.corpintel.migrate.lint.rules.LintSuppression;
import com.corpintel.migrate.lint.rules.MalformedScript;
import org.flywaydb.core.api.MigrationVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Checks scripts statement by statement with every rule of {@link Rules#ALL}. The schema "before" each
 * script is built by replaying the earlier forward scripts of the set into a {@link StaticSchema}: for
 * an edition-specific script ({@code .apache} / {@code .community}) the chain of that edition, for the
 * others the community chain (the full feature set). An undo script sees the schema its forward script
 * left.
 */
public final class Linter {

    private static final Comparator<ScriptName> PART_ORDER =
            Comparator.comparing(n -> n.part() == null ? "" : n.part());

    private final List<Rule> rules;

    public Linter() {
        this(Rules.ALL);
    }

    public Linter(List<Rule> rules) {
        this.rules = rules;
    }

    public LintReport lint(List<LintScript> set, Predicate<LintScript> checked, Baseline baseline) {
        List<ScriptName> names = new ArrayList<>();
        List<LintScript> named = new ArrayList<>();
        List<LintScript> unnamed = new ArrayList<>();
        for (LintScript script : set) {
            var name = ScriptName.parse(script.fileName());
            if (name.isPresent()) {
                names.add(name.get());
                named.add(script);
            } else {
                unnamed.add(script);
            }
        }
        MigrationSet migrationSet = new MigrationSet(names);
        Set<String> editions = new LinkedHashSet<>();
        names.stream().map(ScriptName::edition).filter(Objects::nonNull).sorted(Comparator.reverseOrder())
                .forEach(editions::add); // community before apache: the full feature set is the default chain
        String defaultChain = editions.isEmpty() ? null : editions.iterator().next();
        List<String> chains = editions.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(editions);

        Map<String, List<Finding>> byScript = new java.util.LinkedHashMap<>();
        int[] suppressed = {0};
        StaticSchema last = new StaticSchema();
        for (String chain : chains) {
            TreeMap<MigrationVersion, List<Integer>> forward = new TreeMap<>();
            TreeMap<MigrationVersion, List<Integer>> undo = new TreeMap<>();
            for (int k = 0; k < named.size(); k++) {
                ScriptName n = names.get(k);
                boolean inChain = n.edition() == null || n.edition().equals(chain);
                if (inChain) {
                    (n.forward() ? forward : undo).computeIfAbsent(n.migrationVersion(), v -> new ArrayList<>()).add(k);
                }
            }
            // An undo script starts from the schema its version's forward scripts left (the floor version):
            // it is linted as soon as that state is reached, on a copy that is dropped at once, so no
            // snapshot per version is kept (that made a long set cost memory quadratic in its length).
            TreeMap<MigrationVersion, List<Integer>> undoAfter = new TreeMap<>(
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            for (var version : undo.entrySet()) {
                for (int k : version.getValue()) {
                    if (isMine(names.get(k), chain, defaultChain) && checked.test(named.get(k))) {
                        undoAfter.computeIfAbsent(forward.floorKey(version.getKey()), v -> new ArrayList<>()).add(k);
                    }
                }
            }
            StaticSchema schema = new StaticSchema();
            lintUndo(undoAfter.get(null), schema, named, names, migrationSet, suppressed, byScript);
            for (var version : forward.entrySet()) {
                List<Integer> scripts = new ArrayList<>(version.getValue());
                scripts.sort(Comparator.comparing(k -> names.get(k), PART_ORDER));
                for (int k : scripts) {
                    boolean mine = isMine(names.get(k), chain, defaultChain) && checked.test(named.get(k));
                    List<Finding> found = run(named.get(k), names.get(k), schema, migrationSet, suppressed, mine);
                    if (mine) {
                        byScript.put(named.get(k).path(), found);
                    }
                }
                lintUndo(undoAfter.get(version.getKey()), schema, named, names, migrationSet, suppressed, byScript);
            }
            if (Objects.equals(chain, defaultChain)) {
                last = schema;
            }
        }
        for (LintScript script : unnamed) {
            if (checked.test(script)) {
                byScript.put(script.path(), run(script, null, last.copy(), migrationSet, suppressed, true));
            }
        }

        List<String> order = set.stream().map(LintScript::path).filter(byScript::containsKey).toList();
        List<Finding> findings = new ArrayList<>();
        for (String path : order) {
            for (Finding f : byScript.get(path)) {
                if (baseline.covers(f)) {
                    suppressed[0]++;
                } else {
                    findings.add(f);
                }
            }
        }
        for (Baseline.Entry entry : baseline.entries()) {
            if (entry.reason() == null) {
                findings.add(new Finding(baseline.path(), entry.line(), 1, LintSuppression.ID, Severity.WARNING,
                        "baseline entry for " + entry.file() + " " + entry.rule() + " gives no reason",
                        "end the line with 'reason: <why this is safe>'"));
            }
        }
        return new LintReport(order, List.copyOf(findings), suppressed[0]);
    }

    private static boolean isMine(ScriptName name, String chain, String defaultChain) {
        return name.edition() == null ? Objects.equals(chain, defaultChain) : name.edition().equals(chain);
    }

    private void lintUndo(List<Integer> scripts, StaticSchema schema, List<LintScript> named, List<ScriptName> names,
                          MigrationSet set, int[] suppressed, Map<String, List<Finding>> byScript) {
        if (scripts == null) {
            return;
        }
        for (int k : scripts) {
            byScript.put(named.get(k).path(), run(named.get(k), names.get(k), schema.copy(), set, suppressed, true));
        }
    }

    /**
     * Lints one script against {@code schema} (the state before it), which it leaves in the state after it;
     * with {@code report} false it only replays it (an earlier script that is not reported).
     */
    private List<Finding> run(LintScript script, ScriptName name, StaticSchema schema, MigrationSet set,
                              int[] suppressed, boolean report) {
        if (!report) {
            schema.beginScript();
            ScriptScope scope = new ScriptScope();
            Positions positions = new Positions(script.sql());
            List<SqlStatements.Span> spans = SqlStatements.spans(script.sql());
            for (int i = 0; i < spans.size(); i++) {
                SqlStatements.Span span = spans.get(i);
                Replay.apply(Statement.of(i, span.text(), span.start(), span.unterminated(), positions), schema, scope);
            }
            return List.of();
        }
        Positions positions = new Positions(script.sql());
        schema.beginScript();
        ScriptScope scope = new ScriptScope();
        List<Finding> findings = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        List<SqlStatements.Span> spans = SqlStatements.spans(script.sql());
        for (int i = 0; i < spans.size(); i++) {
            SqlStatements.Span span = spans.get(i);
            Statement statement = Statement.of(i, span.text(), span.start(), span.unterminated(), positions);
            statements.add(statement);
            List<Finding> here = new ArrayList<>();
            Check check = new Check(script, name, statement, schema, scope, set, here, positions);
            if (statement.unterminated() != null) {
                MalformedScript.INSTANCE.statement(check);
            } else {
                for (Rule rule : rules) {
                    rule.statement(check);
                }
            }
            findings.addAll(unsuppressed(here, statement.suppressions(), suppressed));
            Replay.apply(statement, schema, scope);
        }
        List<Finding> whole = new ArrayList<>();
        Check check = new Check(script, name, null, schema, scope, set, whole, positions);
        for (Rule rule : rules) {
            rule.script(check);
        }
        // A finding about the whole file is suppressed in the comments before its first statement.
        findings.addAll(unsuppressed(whole, statements.isEmpty() ? List.of() : statements.get(0).suppressions(),
                suppressed));
        for (Statement statement : statements) {
            for (Statement.Suppression s : statement.suppressions()) {
                findings.addAll(LintSuppression.check(script.path(), s, rules));
            }
        }
        findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        return findings;
    }

    private static List<Finding> unsuppressed(List<Finding> found, List<Statement.Suppression> suppressions,
                                              int[] suppressed) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : found) {
            if (suppressions.stream().anyMatch(s -> s.covers(f.rule()))) {
                suppressed[0]++;
            } else {
                kept.add(f);
            }
        }
        return kept;
    }
}
