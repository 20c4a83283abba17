package com.corpintel.migrate;

import com.corpintel.migrate.cli.VersionProvider;
import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The entry point: Quarkus, then the picocli command line. */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // Answered before Quarkus starts: nothing to configure, connect or initialise.
            System.out.println(VersionProvider.text());
            return;
        }
        Quarkus.run(PicocliRunner.class, args);
    }
}
