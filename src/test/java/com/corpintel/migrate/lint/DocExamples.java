package com.corpintel.migrate.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bad and good examples of each rule, read from docs/LINT.md (the blocks after a
 * {@code <!-- lint-example KIND FILE [non-transactional] -->} marker), so the documentation and
 * the tests cannot drift apart.
 */
public final class DocExamples {

    public static final Path PAGE = Path.of("docs/LINT.md");

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- lint-example (before|bad|good) (\\S+)( non-transactional)? -->\\n```sql\\n(.*?)\\n```",
            Pattern.DOTALL);

    /** One example script. */
    public record Example(String kind, String file, boolean transactional, String sql) {

        public LintScript script() {
            String dir = file.startsWith("U") ? "undo/" : "migration/";
            return new LintScript(dir + file, sql + "\n", transactional);
        }
    }

    /** A rule's examples: the scene before, the bad and the good scripts. */
    public record RuleExamples(String rule, List<Example> before, List<Example> bad, List<Example> good) {

        public List<LintScript> set(List<Example> checked) {
            List<LintScript> set = new ArrayList<>();
            before.forEach(e -> set.add(e.script()));
            checked.forEach(e -> set.add(e.script()));
            return set;
        }
    }

    private DocExamples() {
    }

    public static RuleExamples of(String rule) {
        String page;
        try {
            page = Files.readString(PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = page.indexOf("\n### " + rule + "\n");
        if (start < 0) {
            throw new AssertionError("docs/LINT.md has no section '### " + rule + "'");
        }
        int end = page.indexOf("\n### ", start + 1);
        String section = page.substring(start, end < 0 ? page.length() : end);
        List<Example> before = new ArrayList<>();
        List<Example> bad = new ArrayList<>();
        List<Example> good = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(section);
        while (m.find()) {
            Example e = new Example(m.group(1), m.group(2), m.group(3) == null, m.group(4));
            switch (e.kind()) {
                case "before" -> before.add(e);
                case "bad" -> bad.add(e);
                default -> good.add(e);
            }
        }
        return new RuleExamples(rule, before, bad, good);
    }

    /** Sections of the rules part of the page, by heading. */
    public static List<String> documentedRules() {
        try {
            String page = Files.readString(PAGE);
            List<String> ids = new ArrayList<>();
            Matcher m = Pattern.compile("\\n### ([a-z0-9-]+)\\n").matcher(page);
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
