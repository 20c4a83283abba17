package com.corpintel.migrate.kube;

import com.corpintel.migrate.cli.ExitCode;
import com.corpintel.migrate.kube.KubeManifests.PodTemplate;
import com.corpintel.migrate.kube.KubeManifests.Rendered;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What a rendered manifest must satisfy, each check returning its violations (empty:
 * satisfied), so that a test can show a check rejecting a bad manifest as well as
 * passing the real ones.
 */
public final class KubeChecks {

    private KubeChecks() {
    }

    /** Volume types the restricted Pod Security Standard allows. */
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");

    /** The restricted Pod Security Standard, every control, plus a read-only root filesystem and no API token. */
    public static List<String> restricted(PodTemplate pod) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = pod.spec();
        JsonNode podContext = spec.path("securityContext");
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (spec.path(host).asBoolean(false)) {
                problems.add(host + " is true");
            }
        }
        if (!spec.path("automountServiceAccountToken").isBoolean() || spec.path("automountServiceAccountToken").asBoolean()) {
            problems.add("automountServiceAccountToken is not false");
        }
        for (JsonNode volume : spec.path("volumes")) {
            Set<String> types = fieldNames(volume);
            types.remove("name");
            if (!RESTRICTED_VOLUMES.containsAll(types)) {
                problems.add("volume " + volume.path("name").asText() + " is of a type restricted forbids: " + types);
            }
        }
        if (podContext.path("sysctls").size() > 0) {
            problems.add("sysctls are set");
        }
        for (JsonNode container : pod.containers()) {
            String name = "container " + container.path("name").asText() + ": ";
            JsonNode context = container.path("securityContext");
            if (!setTrue(context, podContext, "runAsNonRoot")) {
                problems.add(name + "runAsNonRoot is not true");
            }
            JsonNode user = context.has("runAsUser") ? context.path("runAsUser") : podContext.path("runAsUser");
            if (!user.isIntegralNumber() || user.asLong() == 0) {
                problems.add(name + "no numeric non-zero runAsUser");
            }
            String seccomp = context.path("seccompProfile").path("type")
                    .asText(podContext.path("seccompProfile").path("type").asText(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                problems.add(name + "seccompProfile is not RuntimeDefault or Localhost");
            }
            if (context.path("privileged").asBoolean(false)) {
                problems.add(name + "privileged");
            }
            if (!context.path("allowPrivilegeEscalation").isBoolean() || context.path("allowPrivilegeEscalation").asBoolean()) {
                problems.add(name + "allowPrivilegeEscalation is not false");
            }
            Set<String> dropped = texts(context.path("capabilities").path("drop"));
            if (!dropped.contains("ALL")) {
                problems.add(name + "capabilities do not drop ALL");
            }
            Set<String> added = texts(context.path("capabilities").path("add"));
            added.remove("NET_BIND_SERVICE");
            if (!added.isEmpty()) {
                problems.add(name + "capabilities add " + added);
            }
            if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(name + "readOnlyRootFilesystem is not true");
            }
            if (context.has("procMount") && !"Default".equals(context.path("procMount").asText())) {
                problems.add(name + "procMount is not Default");
            }
            for (JsonNode port : container.path("ports")) {
                if (port.path("hostPort").asInt(0) != 0) {
                    problems.add(name + "hostPort " + port.path("hostPort").asInt());
                }
            }
        }
        return problems;
    }

    /** Quarkus and Vert.x write under /tmp at start: with a read-only root it must be an emptyDir. */
    public static List<String> writableTmp(PodTemplate pod) {
        List<String> problems = new ArrayList<>();
        for (JsonNode container : pod.intelMigrateContainers()) {
            boolean tmp = false;
            for (JsonNode mount : container.path("volumeMounts")) {
                if ("/tmp".equals(mount.path("mountPath").asText())
                        && pod.volume(mount.path("name").asText()).has("emptyDir")) {
                    tmp = true;
                }
            }
            if (!tmp) {
                problems.add("container " + container.path("name").asText() + ": no emptyDir mounted at /tmp");
            }
        }
        return problems;
    }

    /** Every image by tag (not latest) or digest; every intel-migrate container of a build the same image. */
    public static List<String> pinnedImages(List<PodTemplate> pods) {
        List<String> problems = new ArrayList<>();
        Set<String> migrateImages = new HashSet<>();
        for (PodTemplate pod : pods) {
            for (JsonNode container : pod.containers()) {
                String image = container.path("image").asText();
                String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
                boolean digest = image.contains("@sha256:");
                boolean tag = afterRegistry.contains(":") && !afterRegistry.endsWith(":latest");
                if (!digest && !tag) {
                    problems.add(pod.describe() + ": container " + container.path("name").asText()
                            + ": image " + image + " is not pinned by tag or digest");
                }
            }
            pod.intelMigrateContainers().forEach(c -> migrateImages.add(c.path("image").asText()));
        }
        if (migrateImages.size() > 1) {
            problems.add("intel-migrate containers run different images: " + migrateImages);
        }
        return problems;
    }

    /** `await` names the version the application needs; --head is the head of whatever image was pulled. */
    public static List<String> awaitNamesAVersion(PodTemplate pod) {
        List<String> problems = new ArrayList<>();
        for (JsonNode container : pod.intelMigrateContainers()) {
            List<String> ordered = StreamSupport.stream(container.path("args").spliterator(), false)
                    .map(JsonNode::asText).toList();
            if (!ordered.isEmpty() && ordered.get(0).equals("await")) {
                if (ordered.stream().noneMatch(a -> a.equals("--version") || a.startsWith("--version="))) {
                    problems.add("container " + container.path("name").asText() + ": await without --version");
                }
                if (ordered.contains("--head")) {
                    problems.add("container " + container.path("name").asText() + ": await --head");
                }
            }
        }
        return problems;
    }

    /** Requests and a memory limit on every intel-migrate container. */
    public static List<String> resources(PodTemplate pod) {
        List<String> problems = new ArrayList<>();
        for (JsonNode container : pod.intelMigrateContainers()) {
            JsonNode resources = container.path("resources");
            for (String path : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                if (resources.at("/" + path).isMissingNode()) {
                    problems.add("container " + container.path("name").asText() + ": no resources " + path);
                }
            }
        }
        return problems;
    }

    /** Every ConfigMap, Secret and ServiceAccount a pod names exists in the build, with every key it names. */
    public static List<String> references(PodTemplate pod) {
        List<String> problems = new ArrayList<>();
        Rendered rendered = pod.rendered();
        String account = pod.spec().path("serviceAccountName").asText("");
        if (!account.isEmpty() && rendered.find("ServiceAccount", account).isEmpty()) {
            problems.add("ServiceAccount " + account + " is not in the build");
        }
        for (JsonNode container : pod.containers()) {
            for (JsonNode variable : container.path("env")) {
                for (String[] ref : new String[][] {{"configMapKeyRef", "ConfigMap"}, {"secretKeyRef", "Secret"}}) {
                    JsonNode r = variable.path("valueFrom").path(ref[0]);
                    if (!r.isMissingNode()) {
                        key(rendered, ref[1], r.path("name").asText(), r.path("key").asText(), problems);
                    }
                }
            }
            for (JsonNode from : container.path("envFrom")) {
                for (String[] ref : new String[][] {{"configMapRef", "ConfigMap"}, {"secretRef", "Secret"}}) {
                    JsonNode r = from.path(ref[0]);
                    if (!r.isMissingNode() && rendered.find(ref[1], r.path("name").asText()).isEmpty()) {
                        problems.add(ref[1] + " " + r.path("name").asText() + " is not in the build");
                    }
                }
            }
        }
        for (JsonNode volume : pod.spec().path("volumes")) {
            for (String[] type : new String[][] {{"secret", "Secret", "secretName"}, {"configMap", "ConfigMap", "name"}}) {
                JsonNode source = volume.path(type[0]);
                if (source.isMissingNode()) {
                    continue;
                }
                String name = source.path(type[2]).asText();
                if (rendered.find(type[1], name).isEmpty()) {
                    problems.add(type[1] + " " + name + " is not in the build");
                }
                for (JsonNode item : source.path("items")) {
                    key(rendered, type[1], name, item.path("key").asText(), problems);
                }
            }
        }
        return problems;
    }

    private static void key(Rendered rendered, String kind, String name, String key, List<String> problems) {
        if (rendered.find(kind, name).isEmpty()) {
            problems.add(kind + " " + name + " is not in the build");
        } else if (rendered.keyValue(kind, name, key).isEmpty()) {
            problems.add(kind + " " + name + " has no key " + key);
        }
    }

    /** What each exit code of the binary should do to a Job: fail it, fail the one database, or retry. */
    public static Map<ExitCode, String> expectedActions(boolean indexed) {
        Map<ExitCode, String> actions = new EnumMap<>(ExitCode.class);
        for (ExitCode code : ExitCode.values()) {
            actions.put(code, "Count"); // the default: a bug (1), an OOM kill, … retried within the limit
        }
        actions.remove(ExitCode.OK);
        actions.put(ExitCode.USAGE, "FailJob");
        String thisDatabase = indexed ? "FailIndex" : "FailJob";
        actions.put(ExitCode.MIGRATION_FAILED, thisDatabase);
        actions.put(ExitCode.VALIDATION_FAILED, thisDatabase);
        actions.put(ExitCode.REFUSED, thisDatabase);
        actions.put(ExitCode.LOCK, "Ignore");
        actions.put(ExitCode.CONNECTION, "Count");
        return actions;
    }

    /** The Job's limits and its podFailurePolicy, read rule by rule as the Job controller does. */
    public static List<String> jobPolicy(JsonNode job, String container) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = job.path("spec");
        boolean indexed = "Indexed".equals(spec.path("completionMode").asText());
        for (String field : List.of("activeDeadlineSeconds", "ttlSecondsAfterFinished",
                indexed ? "backoffLimitPerIndex" : "backoffLimit")) {
            if (!spec.path(field).isIntegralNumber()) {
                problems.add("no " + field);
            }
        }
        if (!"Never".equals(spec.path("template").path("spec").path("restartPolicy").asText())) {
            problems.add("restartPolicy is not Never");
        }
        JsonNode rules = spec.path("podFailurePolicy").path("rules");
        if (rules.isEmpty()) {
            problems.add("no podFailurePolicy");
            return problems;
        }
        Set<Integer> known = java.util.Arrays.stream(ExitCode.values()).map(c -> c.code).collect(Collectors.toSet());
        boolean disruptionIgnored = false;
        for (JsonNode rule : rules) {
            JsonNode codes = rule.path("onExitCodes");
            if (!codes.isMissingNode()) {
                if (!container.equals(codes.path("containerName").asText(container))) {
                    problems.add("a rule names container " + codes.path("containerName").asText());
                }
                for (JsonNode value : codes.path("values")) {
                    if (!known.contains(value.asInt()) || value.asInt() == 0) {
                        problems.add("exit code " + value.asInt() + " is not a failure code of ExitCode");
                    }
                }
            }
            for (JsonNode condition : rule.path("onPodConditions")) {
                if ("DisruptionTarget".equals(condition.path("type").asText())) {
                    disruptionIgnored = "Ignore".equals(rule.path("action").asText());
                }
            }
        }
        if (!disruptionIgnored) {
            problems.add("a pod evicted or preempted (DisruptionTarget) is not retried without counting");
        }
        expectedActions(indexed).forEach((code, expected) -> {
            String actual = actionFor(rules, code.code);
            if (!expected.equals(actual)) {
                problems.add("exit " + code.code + " (" + code.name() + ": " + code.meaning + ") gets " + actual
                        + ", expected " + expected);
            }
        });
        return problems;
    }

    private static String actionFor(JsonNode rules, int exitCode) {
        for (JsonNode rule : rules) {
            JsonNode codes = rule.path("onExitCodes");
            if (codes.isMissingNode()) {
                continue;
            }
            Set<Integer> values = new HashSet<>();
            codes.path("values").forEach(v -> values.add(v.asInt()));
            boolean in = "In".equals(codes.path("operator").asText());
            if (in == values.contains(exitCode)) {
                return rule.path("action").asText();
            }
        }
        return "Count";
    }

    /**
     * "Talks to nothing but the database", enforced: some NetworkPolicy selects every
     * intel-migrate pod for egress, and every egress rule of the policies that select it
     * opens only PostgreSQL (TCP 5432) or DNS (port 53, to kube-dns) to named peers.
     */
    public static List<String> egressOnlyToDatabaseAndDns(PodTemplate pod) {
        List<String> problems = new ArrayList<>();
        if (pod.intelMigrateContainers().isEmpty() || !"intel-migrate".equals(
                pod.template().path("metadata").path("labels").path("app.kubernetes.io/name").asText())) {
            return problems; // an application's pod: its own policy governs it, init container included
        }
        boolean egressSelected = false;
        for (JsonNode policy : pod.rendered().ofKind("NetworkPolicy")) {
            if (!selects(policy.path("spec").path("podSelector"), pod.template().path("metadata").path("labels"))) {
                continue;
            }
            String name = "NetworkPolicy " + policy.path("metadata").path("name").asText() + ": ";
            egressSelected |= texts(policy.path("spec").path("policyTypes")).contains("Egress");
            for (JsonNode rule : policy.path("spec").path("egress")) {
                if (rule.path("to").isEmpty() || rule.path("ports").isEmpty()) {
                    problems.add(name + "an egress rule without peers or ports opens everything");
                }
                for (JsonNode port : rule.path("ports")) {
                    String p = port.path("protocol").asText("TCP") + "/" + port.path("port").asText();
                    boolean dns = p.equals("UDP/53") || p.equals("TCP/53");
                    if (!dns && !p.equals("TCP/5432")) {
                        problems.add(name + "egress to " + p + " is neither PostgreSQL nor DNS");
                    }
                    if (dns && !rule.toString().contains("kube-dns")) {
                        problems.add(name + "DNS allowed to peers other than kube-dns");
                    }
                }
            }
        }
        if (!egressSelected) {
            problems.add(pod.describe() + ": no NetworkPolicy restricts its egress");
        }
        return problems;
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return selector.path("matchExpressions").isEmpty();
    }

    private static boolean setTrue(JsonNode context, JsonNode podContext, String field) {
        if (context.has(field)) {
            return context.path(field).asBoolean(false);
        }
        return podContext.path(field).asBoolean(false);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
