package com.corpintel.migrate.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/localdb installs what is missing and never upgrades what the machine has:
 * run against a fake dpkg (nothing installed) and a fake apt-get that records its
 * arguments and refuses to install, so nothing on the machine changes.
 */
class LocalDbPackagesTest {

    @Test
    void missingPackagesAreInstalledWithoutUpgradingInstalledOnes(@TempDir Path tmp) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path aptLog = tmp.resolve("apt-get.args");
        executable(bin.resolve("dpkg"), "#!/bin/sh\nexit 1\n");
        executable(bin.resolve("apt-get"), "#!/bin/sh\necho \"$*\" >> '" + aptLog + "'\n"
                + "[ \"$1\" = update ] && exit 0\nexit 100\n");

        Path project = Path.of(System.getProperty("intel-migrate.project-dir", "."));
        ProcessBuilder builder = new ProcessBuilder(project.resolve("scripts/localdb").toString(), "start");
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("INTEL_PG_DIR", tmp.resolve("pg").toString());
        builder.environment().put("INTEL_PG_PORT", "1");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        // As root the script runs apt-get; otherwise it prints the command to run.
        String install = Files.exists(aptLog)
                ? Files.readAllLines(aptLog).stream().filter(l -> l.startsWith("install")).findFirst().orElse("")
                : output;
        assertThat(install).as(output).contains("postgresql-15", "--no-upgrade",
                "APT::Get::Upgrade-By-Source-Package=false");
    }

    private static void executable(Path file, String script) throws Exception {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
