package com.corpintel.migrate.cli;

import com.corpintel.migrate.config.ConnectionResolver;
import com.corpintel.migrate.config.ConnectionSettings;
import com.corpintel.migrate.config.UrlList;
import com.corpintel.migrate.health.HttpAddress;
import com.corpintel.migrate.kube.KubeManifests;
import com.corpintel.migrate.kube.KubeManifests.PodTemplate;
import com.corpintel.migrate.kube.KubeManifests.Rendered;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every intel-migrate container of every kustomize build runs a command line the current
 * binary accepts: its args (after Kubernetes substitutes $(VAR)) parsed by the picocli model
 * of the top command, its INTEL_MIGRATE_* variables by the options that read them, and its
 * connection resolved from its environment and mounted files as the binary would.
 */
class KubeCommandLinesTest {

    private static final Pattern KUBE_VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");

    /** Kubernetes' $(VAR) substitution in args: a variable the container lacks stays as written. */
    static List<String> expand(JsonNode args, Map<String, String> env) {
        List<String> expanded = new ArrayList<>();
        for (JsonNode arg : args) {
            Matcher m = KUBE_VARIABLE.matcher(arg.asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
            }
            expanded.add(m.appendTail(out).toString());
        }
        return expanded;
    }

    private static ParseResult parse(List<String> args) {
        CommandLine top = CommandLineFactory.withConventions(new CommandLine(new IntelMigrateCommand()));
        return top.parseArgs(args.toArray(String[]::new));
    }

    /** Problems with one container's command line, or none. */
    static List<String> problems(PodTemplate pod, JsonNode container) {
        List<String> problems = new ArrayList<>();
        Map<String, String> env = pod.environment(container);
        int completions = pod.indexedJob() ? pod.owner().at("/spec/completions").asInt() : 1;
        for (int index = 0; index < completions; index++) {
            if (pod.indexedJob()) {
                env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
            }
            List<String> args = expand(container.path("args"), env);
            try {
                problems.addAll(commandLineProblems(pod, container, env, args));
            } catch (CommandLine.ParameterException | com.corpintel.migrate.Failure | IOException e) {
                problems.add(String.join(" ", args) + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static List<String> commandLineProblems(PodTemplate pod, JsonNode container, Map<String, String> env,
            List<String> args) throws IOException {
        List<String> problems = new ArrayList<>();
        ParseResult top = parse(args);
        if (!top.hasSubcommand()) {
            return List.of(args + ": no command");
        }
        ParseResult sub = top.subcommand();
        String command = sub.commandSpec().name();
        // Each INTEL_MIGRATE_* variable must be read by this command, and its value must
        // parse as the option it stands for would.
        List<String> withEnvironment = new ArrayList<>(args);
        for (Map.Entry<String, String> variable : env.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith("INTEL_MIGRATE_")) {
                continue;
            }
            if (name.startsWith("INTEL_MIGRATE_HTTP_") && command.equals("serve")) {
                HttpAddress.from(env);
                continue;
            }
            Optional<OptionSpec> option = sub.commandSpec().options().stream().filter(o -> {
                Matcher m = ENV_DEFAULT.matcher(String.valueOf(o.defaultValueString()));
                return m.find() && m.group(1).equals(name);
            }).findFirst();
            if (option.isEmpty()) {
                problems.add(command + " does not read " + name);
            } else if (!sub.hasMatchedOption(option.get().longestName())) {
                withEnvironment.add(option.get().longestName() + "=" + variable.getValue());
            }
        }
        ParseResult full = parse(withEnvironment).subcommand();
        if (full.commandSpec().userObject() instanceof DatabaseCommand database) {
            ConnectionResolver.FileReader files = path -> pod.mountedFile(container, path)
                    .orElseThrow(() -> new NoSuchFileException(path + " is not a mounted Secret or ConfigMap key"));
            ConnectionSettings settings = new ConnectionResolver(env, files)
                    .resolve(database.connectionOptions.toResolverOptions(files));
            problems.addAll(connectionProblems(pod, container, settings, env, command));
            if (database.connectionOptions.urlList != null) {
                int entries = UrlList.entries(files.read(database.connectionOptions.urlList)).size();
                if (entries != pod.owner().at("/spec/completions").asInt()) {
                    problems.add("completions " + pod.owner().at("/spec/completions").asInt() + " but the list has "
                            + entries + " entries");
                }
            }
        } else {
            problems.add(command + " is not a database command");
        }
        return problems;
    }

    private static List<String> connectionProblems(PodTemplate pod, JsonNode container, ConnectionSettings settings,
            Map<String, String> env, String command) {
        List<String> problems = new ArrayList<>();
        if (settings.password() == null) {
            problems.add(command + ": no password configured");
        }
        for (String variable : List.of("PGPASSWORD", "QUARKUS_DATASOURCE_PASSWORD")) {
            if (env.containsKey(variable)) {
                problems.add(command + ": a password in the environment (" + variable + ")");
            }
        }
        if (!settings.sslMode().equals("verify-full")) {
            problems.add(command + ": sslmode " + settings.sslMode() + ", not verify-full");
        }
        String ca = settings.parameters().get("sslrootcert");
        if (ca == null) {
            problems.add(command + ": verify-full without sslrootcert: the driver would look for"
                    + " ~/.postgresql/root.crt, which the image lacks");
        } else if (pod.mountedFile(container, Path.of(ca)).isEmpty()) {
            problems.add(command + ": sslrootcert " + ca + " is not a mounted file");
        }
        if (settings.host().equals("localhost") || settings.origin().equals("defaults")) {
            problems.add(command + ": no database host configured");
        }
        if (List.of("await", "serve").contains(command)
                && settings.user().equals(pod.rendered().keyValue("ConfigMap", "intel-migrate", "owner-user").orElse(""))) {
            problems.add(command + " changes nothing but runs as the schema owner");
        }
        return problems;
    }

    @Test
    void everyIntelMigrateContainerRunsACommandLineOfTheCurrentCli() {
        List<String> problems = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Rendered rendered : KubeManifests.renderAll()) {
            for (PodTemplate pod : rendered.podTemplates()) {
                for (JsonNode container : pod.intelMigrateContainers()) {
                    commands.add(container.path("args").get(0).asText());
                    problems(pod, container).forEach(p -> problems.add(pod.describe() + ": " + p));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(commands).contains("upgrade", "await", "serve", "status");
    }

    @Test
    void aCommandLineTheCliRejectsIsReported() throws IOException {
        Rendered bad = new Rendered("sample", KubeManifests.parse("""
                kind: Job
                spec:
                  completionMode: Indexed
                  completions: 2
                  template:
                    spec:
                      containers:
                        - name: intel-migrate
                          image: registry.example.com/corpintel/intel-migrate:0.1.0
                          args: [upgrade, --lock-wait=soon, --url-list=/etc/fleet/databases, --url-index=$(INDEX)]
                          env:
                            - {name: INTEL_MIGRATE_AWAIT_TIMEOUT, value: 5m}
                          volumeMounts: [{name: fleet, mountPath: /etc/fleet}]
                      volumes:
                        - {name: fleet, configMap: {name: fleet}}
                ---
                kind: ConfigMap
                metadata: {name: fleet}
                data: {databases: "postgresql://db:5432/a?sslmode=require"}
                """));
        PodTemplate pod = bad.podTemplates().get(0);
        JsonNode container = pod.intelMigrateContainers().get(0);
        assertThat(problems(pod, container)).hasSize(2).allSatisfy(p -> assertThat(p)
                .contains("Invalid value for option '--lock-wait'"));

        JsonNode fixedArgs = KubeManifests.parse("[upgrade, --url-list=/etc/fleet/databases,"
                + " --url-index=$(JOB_COMPLETION_INDEX)]").get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) container).set("args", fixedArgs);
        assertThat(problems(pod, container)).contains(
                "upgrade does not read INTEL_MIGRATE_AWAIT_TIMEOUT",
                "upgrade: no password configured",
                "upgrade: sslmode require, not verify-full",
                "completions 2 but the list has 1 entries");
        assertThat(problems(pod, container)).anySatisfy(p -> assertThat(p).contains("--url-index 1 is not an entry"));
    }

    @Test
    void kubernetesSubstitutesOnlyVariablesTheContainerHas() {
        JsonNode args = KubeManifests.parse("[\"--url-index=$(JOB_COMPLETION_INDEX)\", \"$(MISSING)\", \"a$(X)b\"]").get(0);
        assertThat(expand(args, Map.of("JOB_COMPLETION_INDEX", "4", "X", "-")))
                .containsExactly("--url-index=4", "$(MISSING)", "a-b");
    }
}
