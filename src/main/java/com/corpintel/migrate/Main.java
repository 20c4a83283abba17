package com.corpintel.migrate;

import com.corpintel.migrate.cli.VersionProvider;
import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point. Only `serve` opens a network port: Quarkus decides whether to
 * start its HTTP server before any command runs, so the decision is made here,
 * from the command name, and every other command starts with the port closed.
 */
@QuarkusMain
public class Main {

    public static final String SERVE = "serve";

    public static void main(String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // Answered before Quarkus starts: nothing to configure, connect or initialise.
            System.out.println(VersionProvider.text());
            return;
        }
        if (SERVE.equals(command(args))) {
            System.setProperty("quarkus.http.host-enabled", "true");
        }
        Quarkus.run(PicocliRunner.class, args);
    }

    /** The first argument that is not an option: the subcommand. */
    static String command(String... args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }
}
