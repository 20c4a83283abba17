package com.corpintel.migrate.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting scripts into statements for non-transactional execution. */
class SqlStatementsTest {

    private static final Path BUNDLED = Path.of("src/main/resources/db");

    // ------------------------------------------------------------------ positions (lint points at statements)

    @Test
    void spansPointAtTheFirstCharacterOfCodeAfterLeadingComments() {
        String script = "-- a comment\nSELECT 1;\n  /* b */ CREATE TABLE t (x int);\n";
        List<SqlStatements.Span> spans = SqlStatements.spans(script);

        assertThat(spans).extracting(SqlStatements.Span::text)
                .containsExactly("-- a comment\nSELECT 1", "/* b */ CREATE TABLE t (x int)");
        assertThat(spans.get(0).start()).isEqualTo(script.indexOf("SELECT"));
        assertThat(spans.get(1).start()).isEqualTo(script.indexOf("CREATE"));
        assertThat(spans).allMatch(span -> span.unterminated() == null);
    }

    @Test
    void spansNameWhatIsLeftOpenAtTheEndOfTheScript() {
        assertThat(SqlStatements.spans("SELECT 'abc;").get(0).unterminated()).isEqualTo("quoted string");
        assertThat(SqlStatements.spans("SELECT 1 AS \"x;").get(0).unterminated()).isEqualTo("quoted identifier");
        assertThat(SqlStatements.spans("DO $$ BEGIN NULL; END").get(0).unterminated()).isEqualTo("dollar-quoted string");
        assertThat(SqlStatements.spans("SELECT 1; /* never closed").get(1).unterminated()).isEqualTo("block comment");
        assertThat(SqlStatements.spans("SELECT 'it''s';").get(0).unterminated()).isNull();
    }

    // ------------------------------------------------------------------ plain splitting

    @Test
    void splitsAtTopLevelSemicolonsAndStripsWhiteSpace() {
        assertThat(SqlStatements.split("  SELECT 1;\n\n  SELECT 2 ;\tSELECT 3  \n"))
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void lastStatementWithoutSemicolonIsKept() {
        assertThat(SqlStatements.split("CREATE TABLE t (x int); INSERT INTO t VALUES (1)"))
                .containsExactly("CREATE TABLE t (x int)", "INSERT INTO t VALUES (1)");
    }

    @Test
    void emptyAndSemicolonOnlyScriptsGiveNoStatements() {
        assertThat(SqlStatements.split("")).isEmpty();
        assertThat(SqlStatements.split("   \n\t ")).isEmpty();
        assertThat(SqlStatements.split(";;  ;\n;")).isEmpty();
    }

    @Test
    void splitsRealisticNonTransactionalUndoScriptIntoTwoStatements() {
        String script = "-- Reverts V7: rebuild the index without blocking writes.\n"
                + "DROP INDEX CONCURRENTLY IF EXISTS a;\n"
                + "CREATE INDEX CONCURRENTLY b ON t (x);\n";

        List<String> statements = SqlStatements.split(script);

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).endsWith("DROP INDEX CONCURRENTLY IF EXISTS a")
                .startsWith("-- Reverts V7");
        assertThat(statements.get(1)).isEqualTo("CREATE INDEX CONCURRENTLY b ON t (x)");
    }

    // ------------------------------------------------------------------ quoting

    @Test
    void semicolonInsideStringLiteralIsNotASplitPoint() {
        assertThat(SqlStatements.split("INSERT INTO t VALUES ('a;b'); SELECT 2"))
                .containsExactly("INSERT INTO t VALUES ('a;b')", "SELECT 2");
    }

    @Test
    void doubledQuoteInsideStringLiteralDoesNotEndIt() {
        assertThat(SqlStatements.split("INSERT INTO t VALUES ('it''s; fine'); SELECT ''';'''"))
                .containsExactly("INSERT INTO t VALUES ('it''s; fine')", "SELECT ''';'''");
    }

    @Test
    void backslashEscapedQuoteInsideEscapeStringDoesNotEndIt() {
        assertThat(SqlStatements.split("SELECT E'it\\'s; \\\\'; SELECT e'\\';'; SELECT 3"))
                .containsExactly("SELECT E'it\\'s; \\\\'", "SELECT e'\\';'", "SELECT 3");
    }

    @Test
    void backslashInOrdinaryStringIsNotAnEscape() {
        // standard_conforming_strings: 'C:\' is a complete literal, the ; after it splits
        assertThat(SqlStatements.split("SELECT 'C:\\'; SELECT 2"))
                .containsExactly("SELECT 'C:\\'", "SELECT 2");
    }

    @Test
    void identifierEndingInEBeforeStringIsNotAnEscapeString() {
        // date '...' typed literal written without a space: the 'e' belongs to the type name
        assertThat(SqlStatements.split("SELECT date'2020-01-01\\'; SELECT 2"))
                .containsExactly("SELECT date'2020-01-01\\'", "SELECT 2");
    }

    @Test
    void semicolonInsideQuotedIdentifierIsNotASplitPoint() {
        assertThat(SqlStatements.split("CREATE TABLE \"odd;name\" (\"a\"\";b\" int); DROP TABLE \"odd;name\""))
                .containsExactly("CREATE TABLE \"odd;name\" (\"a\"\";b\" int)", "DROP TABLE \"odd;name\"");
    }

    // ------------------------------------------------------------------ dollar quoting

    @Test
    void plpgsqlFunctionBodyInDollarQuotesStaysOneStatement() {
        String function = "CREATE FUNCTION f() RETURNS trigger\nLANGUAGE plpgsql AS $$\nBEGIN\n"
                + "    NEW.updated_at := now();\n    RETURN NEW;\nEND;\n$$";

        assertThat(SqlStatements.split(function + ";\nSELECT 1;"))
                .containsExactly(function, "SELECT 1");
    }

    @Test
    void taggedDollarQuotesMayNestOtherTags() {
        String block = "DO $outer$\nBEGIN\n  EXECUTE $inner$ SELECT 'x;'; SELECT 2; $inner$;\n"
                + "  RAISE NOTICE $$a;b$$;\nEND\n$outer$";

        assertThat(SqlStatements.split(block + "; SELECT 3"))
                .containsExactly(block, "SELECT 3");
    }

    @Test
    void dollarQuoteCloseNeedsTheSameTag() {
        String body = "SELECT $a$ one; $b$ two; $$ three; $a$";

        assertThat(SqlStatements.split(body + ";SELECT 4")).containsExactly(body, "SELECT 4");
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertThat(SqlStatements.split("PREPARE p (int, int) AS SELECT $1 + $2; EXECUTE p(1, 2); SELECT $12$"))
                .containsExactly("PREPARE p (int, int) AS SELECT $1 + $2", "EXECUTE p(1, 2)", "SELECT $12$");
    }

    @Test
    void identifiersContainingDollarAreNotDollarQuotes() {
        assertThat(SqlStatements.split("SELECT a$b$ FROM t$1$x; SELECT col$ FROM tab_$z$; SELECT 3"))
                .containsExactly("SELECT a$b$ FROM t$1$x", "SELECT col$ FROM tab_$z$", "SELECT 3");
    }

    // ------------------------------------------------------------------ comments

    @Test
    void semicolonInLineCommentIsNotASplitPoint() {
        assertThat(SqlStatements.split("SELECT 1 -- one; two\n, 2; SELECT 3"))
                .containsExactly("SELECT 1 -- one; two\n, 2", "SELECT 3");
    }

    @Test
    void quoteInLineCommentDoesNotOpenAString() {
        assertThat(SqlStatements.split("-- don't split here\nSELECT 1; SELECT 2"))
                .containsExactly("-- don't split here\nSELECT 1", "SELECT 2");
    }

    @Test
    void semicolonsInNestedBlockCommentsAreNotSplitPoints() {
        String statement = "SELECT /* outer; /* inner; */ still comment; */ 1";

        assertThat(SqlStatements.split(statement + "; SELECT 2"))
                .containsExactly(statement, "SELECT 2");
    }

    @Test
    void trailingLineCommentProducesNoStatement() {
        assertThat(SqlStatements.split("SELECT 1;\n-- the end; really\n  -- and more\n"))
                .containsExactly("SELECT 1");
    }

    @Test
    void trailingBlockCommentProducesNoStatement() {
        assertThat(SqlStatements.split("SELECT 1;\n/* done; */\n"))
                .containsExactly("SELECT 1");
    }

    @Test
    void trailingNestedBlockCommentProducesNoStatement() {
        assertThat(SqlStatements.split("SELECT 1;\n/* outer /* inner; */ still a comment; */\n"))
                .containsExactly("SELECT 1");
    }

    @Test
    void commentOnlyScriptProducesNoStatement() {
        assertThat(SqlStatements.split("-- nothing; here\n/* nor; here */\n")).isEmpty();
    }

    @Test
    void statementAfterLineCommentMentioningBlockCommentOpenerIsKept() {
        // The line comment holds "/*"; the block comment later must not be paired with it.
        String statement = "-- serves /api/* routes\nDELETE FROM routes /* all of them */";

        assertThat(SqlStatements.split(statement + ";")).containsExactly(statement);
    }

    @Test
    void statementWhoseStringLooksLikeACommentIsKept() {
        assertThat(SqlStatements.split("SELECT '--'; SELECT '/* x */'"))
                .containsExactly("SELECT '--'", "SELECT '/* x */'");
    }

    // ------------------------------------------------------------------ the bundled scripts

    @TestFactory
    Stream<DynamicTest> everyBundledScriptSplitsIntoStatementsThatAreNotOnlyComments() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(BUNDLED)) {
            scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(scripts).as("bundled scripts under %s", BUNDLED).hasSizeGreaterThanOrEqualTo(8);
        return scripts.stream().map(path -> DynamicTest.dynamicTest(BUNDLED.relativize(path).toString(), () -> {
            List<String> statements = SqlStatements.split(Files.readString(path, StandardCharsets.UTF_8));
            assertThat(statements).as("statements of %s", path).isNotEmpty();
            assertThat(statements).allSatisfy(statement -> {
                assertThat(statement).isEqualTo(statement.strip());
                assertThat(codeOf(statement)).as("code of statement <%s>", statement).isNotBlank();
            });
        }));
    }

    @Test
    void initialSchemaSplitsIntoItsFortyThreeTopLevelStatements() {
        List<String> statements = SqlStatements.split(classPath("db/migration/V1__initial_schema.sql"));

        // 3 extensions + 1 function + 12 tables + 18 indexes + 1 create_hypertable + 8 triggers
        assertThat(statements).hasSize(43);
        assertThat(statements).filteredOn(s -> codeOf(s).startsWith("CREATE EXTENSION")).hasSize(3);
        assertThat(statements).filteredOn(s -> codeOf(s).startsWith("CREATE TABLE")).hasSize(12);
        assertThat(statements).filteredOn(s -> codeOf(s).startsWith("CREATE INDEX")).hasSize(18);
        assertThat(statements).filteredOn(s -> codeOf(s).startsWith("CREATE TRIGGER")).hasSize(8);
        assertThat(statements).filteredOn(s -> codeOf(s).startsWith("SELECT create_hypertable")).hasSize(1);
        assertThat(statements).filteredOn(s -> codeOf(s).startsWith("CREATE FUNCTION")).singleElement()
                .satisfies(function -> assertThat(function)
                        .contains("NEW.updated_at := now();", "RETURN NEW;", "END;")
                        .endsWith("$$"));
    }

    @Test
    void bundledUndoScriptsSplitIntoTheirStatements() {
        assertThat(SqlStatements.split(classPath("db/undo/U1__initial_schema.sql")))
                .hasSize(14)
                .last().satisfies(s -> assertThat(s).startsWith("DO $$").endsWith("$$")
                        .contains("EXECUTE format('DROP EXTENSION %I', extension);"));
        assertThat(SqlStatements.split(classPath("db/undo/U2__timescale_features.community.sql"))).hasSize(6);
        assertThat(SqlStatements.split(classPath("db/undo/U2__timescale_features.apache.sql")))
                .singleElement().satisfies(s -> assertThat(s).endsWith("DROP MATERIALIZED VIEW daily_metrics_summary"));
        assertThat(SqlStatements.split(classPath("db/undo/U3__permission_scopes.sql"))).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");

    /** The statement without its leading comments (the bundled scripts use line comments only). */
    private static String codeOf(String statement) {
        return LINE_COMMENT.matcher(statement).replaceAll("").strip();
    }

    private static String classPath(String path) {
        try (var in = SqlStatementsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("class-path resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
