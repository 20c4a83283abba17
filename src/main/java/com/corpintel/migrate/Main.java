package com.corpintel.migrate;

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
