package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed bash script works in a real bash: it registers a completion for intel-migrate,
 * and its function, called as bash calls it, completes commands, options and enum values.
 */
class CompletionIT {

    @TempDir
    Path dir;

    private Path bashScript() throws IOException {
        Cli.Result result = Cli.run(Map.of(), "completion", "bash");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEmpty();
        Path script = dir.resolve("intel-migrate.bash");
        Files.writeString(script, result.stdout(), StandardCharsets.UTF_8);
        return script;
    }

    /** Sources the script in a clean bash, then runs {@code commands}; returns stdout. */
    private static String bash(Path script, String commands) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "--norc", "--noprofile", "-c",
                "source '" + script + "' || exit 99\n" + commands)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[][] output = Cli.drain(process);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bash finished").isTrue();
        String stdout = new String(output[0], StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stdout + new String(output[1], StandardCharsets.UTF_8)).isZero();
        return stdout;
    }

    /** What the registered function offers for the words typed so far (the last one being completed). */
    private static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        String function = bash(script, "complete -p intel-migrate").replaceAll("(?s).*-F (\\S+).*", "$1").trim();
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        String line = String.join(" ", words);
        String out = bash(script, "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1)
                + "\nCOMP_LINE='" + line + "'\nCOMP_POINT=" + line.length()
                + "\n" + function + " intel-migrate '" + words[words.length - 1] + "' '"
                + (words.length > 1 ? words[words.length - 2] : "") + "'\nprintf '%s\\n' \"${COMPREPLY[@]}\"");
        return Arrays.stream(out.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();
    }

    @Test
    void bashRegistersACompletionFunctionForIntelMigrate() throws Exception {
        String registered = bash(bashScript(), "complete -p intel-migrate");
        assertThat(registered).startsWith("complete ").contains(" -F ").endsWith("intel-migrate\n");
    }

    @Test
    void completingDownOffersDowngradeAndDowngradeTo() throws Exception {
        assertThat(complete(bashScript(), "intel-migrate", "down")).containsExactly("downgrade", "downgrade-to");
    }

    @Test
    void completingAfterACommandOffersItsOptionsAndEnumValues() throws Exception {
        Path script = bashScript();
        assertThat(complete(script, "intel-migrate", "upgrade", "--lock-")).contains("--lock-wait",
                "--lock-timeout", "--lock-retries");
        // picocli offers enum constants as declared; they parse case-insensitively.
        assertThat(complete(script, "intel-migrate", "status", "--output", ""))
                .map(value -> value.toLowerCase(java.util.Locale.ROOT)).containsExactlyInAnyOrder("text", "json");
        assertThat(complete(script, "intel-migrate", "completion", "")).containsExactlyInAnyOrder("bash", "zsh", "fish");
    }

    @Test
    void zshGetsTheBashScriptBehindBashcompinitAndFishItsOwnCompleteLines() {
        Cli.Result zsh = Cli.run(Map.of(), "completion", "zsh");
        assertThat(zsh.exitCode()).as(zsh.toString()).isZero();
        assertThat(zsh.stdout()).contains("bashcompinit").contains("complete -F");

        Cli.Result fish = Cli.run(Map.of(), "completion", "fish");
        assertThat(fish.exitCode()).as(fish.toString()).isZero();
        assertThat(fish.stdout()).contains("complete -c intel-migrate -n __fish_use_subcommand -a downgrade-to ");

        Cli.Result unknown = Cli.run(Map.of(), "completion", "powershell");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("powershell").contains("bash, zsh, fish");
    }
}
