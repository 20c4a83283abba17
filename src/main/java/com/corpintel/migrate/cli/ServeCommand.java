package com.corpintel.migrate.cli;

import com.corpintel.migrate.health.HealthTarget;
import com.corpintel.migrate.timescale.FeatureMode;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import sun.misc.Signal;

@Command(name = ServeCommand.NAME, sortOptions = false,
        description = {"Serve the health checks over HTTP until stopped (SIGTERM or SIGINT): /q/health/live,"
                + " /q/health/ready and /q/health.",
                "The only command that opens a port; INTEL_MIGRATE_HTTP_HOST (default 0.0.0.0) and"
                        + " INTEL_MIGRATE_HTTP_PORT (default 8080) choose where."})
class ServeCommand extends DatabaseCommand {

    static final String NAME = "serve";

    @Inject
    Instance<HealthTarget> target;

    @Override
    public Integer call() {
        target.get().set(migrations(database(), FeatureMode.AUTO));
        var config = ConfigProvider.getConfig();
        progress("serving health checks on http://" + config.getValue("quarkus.http.host", String.class) + ":"
                + config.getValue("quarkus.http.port", String.class) + "/q/health/{live,ready} until stopped");
        // Being told to stop is how serve is meant to end: exit 0, not the JVM's 143 for a signal.
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), received -> Quarkus.asyncExit(ExitCode.OK.code));
        }
        Quarkus.waitForExit();
        progress("stopped");
        return ExitCode.OK.code;
    }
}
