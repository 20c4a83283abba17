package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/bench without running a benchmark: the growth exponent it prints for the scale
 * rows, its usage, and that a bad option stops it before it touches a database. The
 * benchmark itself asserts no time and is no part of the test suite.
 */
class BenchScriptTest {

    private static final Path PROJECT = Path.of(System.getProperty("intel-migrate.project-dir", "."));

    record Run(int exitCode, String output) {
    }

    @Test
    void theFittedExponentIsOneForLinearAndTwoForQuadraticGrowth() throws Exception {
        assertThat(bench("exponent", "500:1", "1000:2", "2000:4", "5000:10").output()).isEqualTo("1.00\n");
        assertThat(bench("exponent", "500:1", "1000:4", "2000:16", "5000:100").output()).isEqualTo("2.00\n");
        // A constant start cost flattens the curve of small sets: 2 s + 0.002 s per migration.
        assertThat(bench("exponent", "500:3", "1000:4", "2000:6", "5000:12").output()).isEqualTo("0.61\n");
    }

    @Test
    void helpNamesTheRowsAndTheOptions() throws Exception {
        Run help = bench("--help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("--jar PATH", "--jvm-flags FLAGS", "--native PATH", "--iterations N", "--quick", "--rows LIST",
                "--markdown FILE", "version,schema,noop,status,validate,apply,status-applied,update-check",
                "-skipCheckForUpdate");
    }

    @Test
    void anUnknownRowIsAUsageErrorBeforeAnythingRuns() throws Exception {
        Run run = bench("--rows", "schema,everything");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("unknown row 'everything'").doesNotContain("localdb", "Flyway command line");
    }

    private static Run bench(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("scripts/bench").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
