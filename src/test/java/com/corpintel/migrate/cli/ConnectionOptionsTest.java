package com.corpintel.migrate.cli;

import com.corpintel.migrate.Failure;
import com.corpintel.migrate.config.ConnectionResolver;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --url-list with --url-index: how a pod of an Indexed Job picks its database without a shell. */
class ConnectionOptionsTest {

    private static final ConnectionResolver.FileReader LIST = path -> {
        if (path.equals(Path.of("/etc/fleet/databases"))) {
            return "# fleet\npostgresql://eu-1:5432/tenant_a\npostgresql://us-1:5432/tenant_b\n";
        }
        throw new NoSuchFileException(path.toString());
    };

    private static ConnectionOptions parse(String... args) {
        UpgradeCommand command = new UpgradeCommand();
        CommandLineFactory.withConventions(new CommandLine(command)).parseArgs(args);
        return command.connectionOptions;
    }

    private static Failure.Kind failureOf(String... args) {
        try {
            parse(args).toResolverOptions(LIST);
        } catch (Failure failure) {
            return failure.kind();
        }
        throw new AssertionError("no failure");
    }

    @Test
    void theEntryOfTheIndexIsTheUrl() {
        var options = parse("--url-list", "/etc/fleet/databases", "--url-index", "1").toResolverOptions(LIST);
        assertThat(options.url()).isEqualTo("postgresql://us-1:5432/tenant_b");
        assertThat(new ConnectionResolver(Map.of(), path -> "").resolve(options).database()).isEqualTo("tenant_b");
    }

    @Test
    void withoutTheListTheUrlOptionIsUsedAsBefore() {
        assertThat(parse("--url", "postgresql://h/db").toResolverOptions(LIST).url()).isEqualTo("postgresql://h/db");
        assertThat(parse().toResolverOptions(LIST).url()).isNull();
    }

    @Test
    void anIndexPastTheListOneOptionWithoutTheOtherOrWithUrlAreUsageErrors() {
        assertThat(failureOf("--url-list", "/etc/fleet/databases", "--url-index", "2")).isEqualTo(Failure.Kind.USAGE);
        assertThat(failureOf("--url-list", "/etc/fleet/databases")).isEqualTo(Failure.Kind.USAGE);
        assertThat(failureOf("--url-index", "0")).isEqualTo(Failure.Kind.USAGE);
        assertThat(failureOf("--url", "postgresql://h/db", "--url-list", "/etc/fleet/databases", "--url-index", "0"))
                .isEqualTo(Failure.Kind.USAGE);
    }

    @Test
    void anUnreadableListIsAConnectionFailureNamingTheFile() {
        assertThatThrownBy(() -> parse("--url-list", "/etc/fleet/missing", "--url-index", "0").toResolverOptions(LIST))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.CONNECTION))
                .hasMessage("cannot read the URL list /etc/fleet/missing named by --url-list: NoSuchFileException");
    }

    @Test
    void anUnexpandedKubernetesVariableIsNotAnIndex() {
        assertThatThrownBy(() -> parse("--url-list", "/etc/fleet/databases", "--url-index", "$(JOB_COMPLETION_INDEX)"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }
}
