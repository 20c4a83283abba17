package com.corpintel.migrate.cli;

import com.corpintel.migrate.health.HealthChecks;
import com.corpintel.migrate.health.HealthServer;
import com.corpintel.migrate.health.HttpAddress;
import com.corpintel.migrate.timescale.FeatureMode;
import picocli.CommandLine.Command;
import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

@Command(name = "serve", sortOptions = false,
        description = {"Serve the health checks over HTTP until stopped (SIGTERM or SIGINT): /q/health/live,"
                + " /q/health/ready and /q/health; 200 when UP, 503 when DOWN.",
                "The only command that opens a port; INTEL_MIGRATE_HTTP_HOST (default 0.0.0.0) and"
                        + " INTEL_MIGRATE_HTTP_PORT (default 8080) choose where."})
class ServeCommand extends DatabaseCommand {

    @Override
    public Integer call() {
        HealthChecks checks = new HealthChecks(migrations(database(), FeatureMode.AUTO));
        HttpAddress address = HttpAddress.from(System.getenv());
        CountDownLatch stop = new CountDownLatch(1);
        // Being told to stop is how serve is meant to end: exit 0, not the JVM's 143 for a signal.
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), received -> stop.countDown());
        }
        try (HealthServer server = HealthServer.start(address, checks::report, this::progress)) {
            progress("serving health checks on http://" + address.authority(server.port())
                    + "/q/health/{live,ready} until stopped");
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress("stopped");
        return ExitCode.OK.code;
    }
}
