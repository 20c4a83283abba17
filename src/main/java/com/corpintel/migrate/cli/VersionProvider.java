package com.corpintel.migrate.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine;

/** --version: this binary's version; reads no database and opens nothing. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.version", String.class)
                .orElse("unknown");
        return new String[] {"intel-migrate " + version};
    }
}
