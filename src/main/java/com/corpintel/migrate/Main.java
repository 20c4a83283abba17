package com.corpintel.migrate;

import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The entry point: Quarkus, then the picocli command line. */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        Quarkus.run(PicocliRunner.class, args);
    }
}
