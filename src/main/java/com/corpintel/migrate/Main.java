package com.corpintel.migrate;

import com.corpintel.migrate.cli.Invocation;
import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point. Only `serve` opens a network port: Quarkus decides whether to
 * start its HTTP server before any command runs, so the decision is made here, from
 * the parsed command line ({@link Invocation#servesHttp}), and every other invocation,
 * `serve --help` and `help serve` included, starts with the port closed.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (Invocation.servesHttp(args)) {
            System.setProperty("quarkus.http.host-enabled", "true");
        }
        Quarkus.run(PicocliRunner.class, args);
    }
}
