package com.corpintel.migrate.cli;

import com.corpintel.migrate.create.EmptyMigration;
import com.corpintel.migrate.create.MigrationsDirectory;
import com.corpintel.migrate.create.Slug;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "create-empty", sortOptions = false,
        description = {"Write the next migration pair (forward V<n>__<msg>.sql and undo U<n>__<msg>.sql) as templates"
                + " to fill in by hand: n is one more than the highest version in the directory. Needs no database."})
class CreateEmptyCommand implements Callable<Integer> {

    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "MSG", description = "What the migration does; it names the files.")
    String message;

    @Mixin
    MigrationsDirectoryOptions directoryOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Slug.of(message); // a message that names no file is refused before anything else
        MigrationsDirectory directory = directoryOptions.locate();
        Map<String, String> files = EmptyMigration.pair(directory, message, gitUserName(directory.path()),
                LocalDate.now());
        var out = spec.commandLine().getOut();
        for (Path written : directory.write(files, Map.of())) {
            out.println("wrote " + written);
        }
        out.flush();
        return ExitCode.OK.code;
    }

    /** {@code git config user.name} where the migrations are; null without git or without the setting. */
    static String gitUserName(Path directory) {
        try {
            Process git = new ProcessBuilder("git", "config", "user.name").directory(directory.toFile())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String name;
            try (InputStream in = git.getInputStream()) {
                name = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 && !name.isEmpty() ? name : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
