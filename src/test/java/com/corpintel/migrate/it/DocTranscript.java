package com.corpintel.migrate.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console examples of the README and docs/, read from Markdown and compared with
 * what the binary prints. A checked example is an HTML comment naming its setup,
 * followed by a {@code console} block:
 *
 * <pre>
 * &lt;!-- example: empty-database --&gt;
 * ```console
 * $ intel-migrate status --check
 * Database:               intel@127.0.0.1:55432/docs_demo (schema public)
 * …
 * $ echo $?
 * 7
 * ```
 * </pre>
 *
 * Lines starting with {@code $ } are commands: {@code [NAME=value …] intel-migrate ARGS
 * [| head -N] [# comment]}, or {@code echo $?} for the previous command's exit code.
 * The lines after a command are its output, stdout and stderr as a terminal interleaves
 * them (each stream keeps its order). Timings, dates, pids, server and extension
 * versions, {@code user@host:port/database} and the TimescaleDB edition are replaced by
 * placeholders on both sides; {@code …} inside a line matches any text, a line that is
 * only {@code …} matches any number of lines. A command without {@code echo $?} after it
 * must exit 0 unless its transcript shows an {@code intel-migrate: error:} line.
 */
final class DocTranscript {

    private static final Pattern MARKER = Pattern.compile("<!--\\s*example:\\s*([a-z0-9-]+)\\s*-->");
    /**
     * A transcript that needs a workspace DocExamplesIT does not build (files edited between
     * commands) may be replayed by an integration test of its own, named here:
     * {@code <!-- checked-by: CreateIT#theWorkedExample… -->}. DocExamplesIT checks the name.
     */
    private static final Pattern CHECKED_BY = Pattern.compile("<!--\\s*checked-by:\\s*([A-Za-z]+IT)#([A-Za-z]+)\\s*-->");
    private static final String ELLIPSIS = "…";

    /** One {@code $ …} line and the output shown after it. */
    record Command(int line, String text, Map<String, String> env, List<String> args, Integer head,
            boolean echoExitCode, List<String> expected) {
    }

    /** One checked console block. */
    record Example(Path file, int line, String setup, List<Command> commands) {
        String name() {
            return file.getFileName() + ":" + line + " (" + setup + ")";
        }
    }

    /** A transcript replayed by another test: {@code Class#method}. */
    record CheckedBy(Path file, int line, String testClass, String method) {
    }

    /** What a Markdown file holds: its checked examples, and what breaks the rules above. */
    record Document(List<Example> examples, List<CheckedBy> checkedElsewhere, List<String> problems) {
    }

    private DocTranscript() {
    }

    static Document parse(Path file, List<String> lines) {
        List<Example> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<CheckedBy> checkedElsewhere = new ArrayList<>();
        CheckedBy pendingChecker = null;
        String pendingSetup = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            Matcher checker = CHECKED_BY.matcher(stripped);
            if (checker.matches()) {
                pendingChecker = new CheckedBy(file, i + 1, checker.group(1), checker.group(2));
                continue;
            }
            Matcher marker = MARKER.matcher(stripped);
            if (marker.matches()) {
                if (pendingSetup != null) {
                    problems.add(file + ":" + pendingLine + ": example marker not followed by a ```console block");
                }
                pendingSetup = marker.group(1);
                pendingLine = i + 1;
                continue;
            }
            if (!stripped.startsWith("```")) {
                if (!stripped.isEmpty() && pendingSetup != null) {
                    problems.add(file + ":" + pendingLine + ": example marker not followed by a ```console block");
                    pendingSetup = null;
                }
                continue;
            }
            String fence = stripped.substring(0, fenceLength(stripped));
            String info = stripped.substring(fence.length()).strip();
            int indent = line.indexOf(fence);
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !closes(lines.get(end), fence)) {
                end++;
            }
            List<String> body = new ArrayList<>();
            for (int j = start; j < end; j++) {
                String content = lines.get(j);
                body.add(content.length() >= indent && content.substring(0, indent).isBlank()
                        ? content.substring(indent) : content.strip());
            }
            if (info.equals("console")) {
                if (pendingSetup == null) {
                    problems.add(file + ":" + (i + 1) + ": ```console block without an <!-- example: SETUP --> marker"
                            + " before it: every console transcript is checked by DocExamplesIT");
                } else {
                    examples.add(new Example(file, pendingLine, pendingSetup, commands(file, start, body, problems)));
                }
            } else if (!info.equals("markdown")) {
                if (pendingSetup != null) {
                    problems.add(file + ":" + pendingLine + ": example marker not followed by a ```console block");
                }
                if (pendingChecker != null) {
                    checkedElsewhere.add(pendingChecker);
                }
                for (int j = 0; j < body.size() && pendingChecker == null; j++) {
                    if (body.get(j).startsWith("$ ")) {
                        problems.add(file + ":" + (start + j + 1) + ": a $ prompt in a ```" + info + " block: make it"
                                + " a checked ```console example, or show the command without the prompt");
                    }
                }
            }
            pendingSetup = null;
            pendingChecker = null;
            i = end;
        }
        if (pendingSetup != null) {
            problems.add(file + ":" + pendingLine + ": example marker not followed by a ```console block");
        }
        return new Document(examples, checkedElsewhere, problems);
    }

    static int fenceLength(String stripped) {
        int n = 0;
        while (n < stripped.length() && stripped.charAt(n) == '`') {
            n++;
        }
        return n;
    }

    /** A closing fence: only backticks, at least as many as the opening one. */
    static boolean closes(String line, String fence) {
        String stripped = line.strip();
        return stripped.length() >= fence.length() && fenceLength(stripped) == stripped.length();
    }

    private static List<Command> commands(Path file, int firstLine, List<String> body, List<String> problems) {
        List<Command> commands = new ArrayList<>();
        int i = 0;
        if (body.isEmpty() || !body.get(0).startsWith("$ ")) {
            problems.add(file + ":" + (firstLine + 1) + ": a console example starts with a $ command");
            return commands;
        }
        while (i < body.size()) {
            int lineNumber = firstLine + i + 1;
            String text = body.get(i).substring(2);
            List<String> expected = new ArrayList<>();
            i++;
            while (i < body.size() && !body.get(i).startsWith("$ ")) {
                expected.add(body.get(i));
                i++;
            }
            try {
                commands.add(command(lineNumber, text, expected));
            } catch (IllegalArgumentException e) {
                problems.add(file + ":" + lineNumber + ": " + e.getMessage());
            }
        }
        return commands;
    }

    static Command command(int line, String text, List<String> expected) {
        List<String> words = words(text);
        if (words.equals(List.of("echo", "$?"))) {
            return new Command(line, text, Map.of(), List.of(), null, true, expected);
        }
        Map<String, String> env = new LinkedHashMap<>();
        int i = 0;
        while (i < words.size() && words.get(i).matches("[A-Z_][A-Z0-9_]*=.*")) {
            String assignment = words.get(i++);
            env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
        }
        if (i >= words.size() || !words.get(i).equals("intel-migrate")) {
            throw new IllegalArgumentException("unsupported command '" + text + "': a checked example runs"
                    + " [NAME=value …] intel-migrate ARGS [| head -N], or echo $?");
        }
        List<String> args = new ArrayList<>();
        Integer head = null;
        for (i++; i < words.size(); i++) {
            if (words.get(i).equals("|")) {
                List<String> pipe = words.subList(i + 1, words.size());
                if (pipe.size() != 2 || !pipe.get(0).equals("head") || !pipe.get(1).matches("-[0-9]+")) {
                    throw new IllegalArgumentException("unsupported pipe in '" + text + "': only | head -N");
                }
                head = Integer.parseInt(pipe.get(1).substring(1));
                break;
            }
            args.add(words.get(i));
        }
        return new Command(line, text, env, args, head, false, expected);
    }

    /** Shell-like words: blanks separate, quotes group, an unquoted # after a blank starts a comment. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote in '" + text + "'");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    // ------------------------------------------------------------- comparing

    private record Rule(Pattern pattern, String replacement) {
    }

    /** What differs between runs, servers and TimescaleDB editions, replaced on both sides. */
    private static final List<Rule> RULES = List.of(
            rule("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}(:?\\d{2})?)?", "<time>"),
            rule("[\\w.-]+@[\\w.-]+:\\d+/[\\w-]+", "<database>"),
            rule("\\b[A-Za-z0-9][\\w.-]*:\\d{1,5}\\b", "<host>:<port>"),
            rule("\\bfrom [0-9a-fA-F.:]+(/\\d+)?", "from <address>"),
            rule("\\b\\d+(\\.\\d+)? ms\\b", "<n> ms"),
            rule("\"(executionMillis|connectMillis)\": \\d+", "\"$1\": <n>"),
            rule("\\b(min|max) \\d+(\\.\\d+)?", "$1 <n>"),
            rule("\\bpid \\d+", "pid <n>"),
            rule("PostgreSQL \\d+(\\.\\d+)*( \\([^)]*\\))?", "PostgreSQL <version>"),
            rule("\"serverVersion\": \"[^\"]*\"", "\"serverVersion\": \"<version>\""),
            rule("\\b(timescaledb|vector|uuid-ossp) \\d+(\\.\\d+)+", "$1 <version>"),
            rule("^intel-migrate \\d+\\.\\d+\\.\\d+\\S*$", "intel-migrate <version>"),
            rule("U2__timescale_features\\.(apache|community)\\.sql", "U2__timescale_features.<edition>.sql"),
            rule("TimescaleDB license: (apache — degraded: .*|timescale \\(community\\) — every feature enabled)",
                    "TimescaleDB license: <edition>"),
            rule("-- TimescaleDB license on this server: .*", "-- TimescaleDB license on this server: <edition>"),
            rule("\\s+", " "));

    /** Printed on Apache-licensed servers only: an expected line like it may be absent. */
    private static final Pattern APACHE_ONLY = Pattern.compile(
            "^intel-migrate: TimescaleDB runs under the Apache license: skipping .*");

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    static String normalise(String line) {
        String result = line;
        for (Rule rule : RULES) {
            result = rule.pattern.matcher(result).replaceAll(rule.replacement);
        }
        return result.stripTrailing();
    }

    /** One expected line: any lines, or a pattern for exactly one, possibly optional. */
    private record Expected(boolean anyLines, boolean optional, Pattern pattern) {
        static Expected of(String line) {
            if (line.strip().equals(ELLIPSIS)) {
                return new Expected(true, false, null);
            }
            StringBuilder regex = new StringBuilder();
            String[] parts = normalise(line).split(ELLIPSIS, -1);
            for (int i = 0; i < parts.length; i++) {
                regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
            }
            return new Expected(false, APACHE_ONLY.matcher(line).matches(), Pattern.compile(regex.toString()));
        }
    }

    /**
     * Whether the expected transcript is stdout and stderr interleaved, each in its own
     * order, every actual line accounted for.
     */
    static boolean matches(List<String> expected, List<String> stdout, List<String> stderr) {
        List<Expected> want = expected.stream().map(Expected::of).toList();
        List<String> out = stdout.stream().map(DocTranscript::normalise).toList();
        List<String> err = stderr.stream().map(DocTranscript::normalise).toList();
        return new Matching(want, out, err).from(0, 0, 0);
    }

    private static final class Matching {
        private final List<Expected> want;
        private final List<String> out;
        private final List<String> err;
        private final Boolean[][][] memo;

        Matching(List<Expected> want, List<String> out, List<String> err) {
            this.want = want;
            this.out = out;
            this.err = err;
            this.memo = new Boolean[want.size() + 1][out.size() + 1][err.size() + 1];
        }

        boolean from(int i, int j, int k) {
            if (memo[i][j][k] != null) {
                return memo[i][j][k];
            }
            boolean result;
            if (i == want.size()) {
                result = j == out.size() && k == err.size();
            } else {
                Expected e = want.get(i);
                if (e.anyLines()) {
                    result = from(i + 1, j, k)
                            || (j < out.size() && from(i, j + 1, k))
                            || (k < err.size() && from(i, j, k + 1));
                } else {
                    result = (j < out.size() && e.pattern().matcher(out.get(j)).matches() && from(i + 1, j + 1, k))
                            || (k < err.size() && e.pattern().matcher(err.get(k)).matches() && from(i + 1, j, k + 1))
                            || (e.optional() && from(i + 1, j, k));
                }
            }
            memo[i][j][k] = result;
            return result;
        }
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static boolean showsError(List<String> expected) {
        return expected.stream().anyMatch(line -> line.startsWith("intel-migrate: error:"));
    }
}
