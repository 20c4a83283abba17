package com.corpintel.migrate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command under a pseudo-terminal (util-linux `script`), as an operator's shell would. */
final class Terminal {

    private Terminal() {
    }

    static Cli.Result run(Map<String, String> env, String command) {
        List<String> args = new ArrayList<>(List.of("script", "-qefc", command, "/dev/null"));
        ProcessBuilder builder = new ProcessBuilder(args);
        Map<String, String> environment = builder.environment();
        Map<String, String> kept = new HashMap<>();
        for (String name : List.of("PATH", "HOME")) {
            if (System.getenv(name) != null) {
                kept.put(name, System.getenv(name));
            }
        }
        environment.clear();
        environment.putAll(kept);
        environment.put("TERM", "xterm-256color");
        environment.putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[][] output = Cli.drain(process);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Cli.Result(process.exitValue(), new String(output[0], StandardCharsets.UTF_8),
                    new String(output[1], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run script(1)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
