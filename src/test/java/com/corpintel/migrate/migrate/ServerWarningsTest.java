package com.corpintel.migrate.migrate;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which server messages reach the operator, and in what words. */
class ServerWarningsTest {

    private static SQLWarning chain(SQLWarning... warnings) {
        for (int i = 1; i < warnings.length; i++) {
            warnings[0].setNextWarning(warnings[i]);
        }
        return warnings[0];
    }

    @Test
    void warningsArePrintedWithTheirStepAndNoticesAreNot() {
        SQLWarning chain = chain(
                new SQLWarning("column type \"character varying\" used for \"period_type\" does not follow best practices",
                        "01000"),
                new SQLWarning("table \"t\" does not exist, skipping", "00000"),
                new SQLWarning("there is no transaction in progress", "25P01"),
                new SQLWarning("careful: 42", "01000"));

        assertThat(ServerWarnings.lines("V1 initial schema", chain)).containsExactly(
                "V1 initial schema: server warning: column type \"character varying\" used for \"period_type\""
                        + " does not follow best practices",
                "V1 initial schema: server warning: careful: 42");
    }

    @Test
    void onlyTheFirstLineOfAWarningIsPrinted() {
        assertThat(ServerWarnings.lines("V9 x", new SQLWarning("careful\n  Hint: use text", "01000")))
                .containsExactly("V9 x: server warning: careful");
    }

    @Test
    void noWarningsPrintNothing() {
        assertThat(ServerWarnings.lines("V1 initial schema", null)).isEmpty();
    }

    @Test
    void sqlStateClassZeroOneIsAWarning() {
        assertThat(ServerWarnings.isWarning("01000")).isTrue();
        assertThat(ServerWarnings.isWarning("01003")).isTrue();
        assertThat(ServerWarnings.isWarning("00000")).isFalse();
        assertThat(ServerWarnings.isWarning(null)).isFalse();
    }

    @Test
    void undoWarningsArePrintedAndCleared() throws Exception {
        List<String> printed = new ArrayList<>();
        List<String> calls = new ArrayList<>();

        ServerWarnings.print(statement(new SQLWarning("extension vector stays: cannot drop it", "01000"), calls),
                "undo of V1 initial schema", printed::add);

        assertThat(printed).containsExactly("undo of V1 initial schema: server warning: extension vector stays:"
                + " cannot drop it");
        assertThat(calls).contains("clearWarnings");
    }

    /** A JDBC statement that only holds warnings (a proxy: no driver, no server). */
    private static Statement statement(SQLWarning warnings, List<String> calls) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "getWarnings" -> warnings;
                        case "clearWarnings" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
