package com.corpintel.migrate.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The kustomize directories under deploy/kubernetes, rendered by {@code kubectl kustomize}
 * as a cluster would receive them, and read as plain YAML trees.
 */
public final class KubeManifests {

    public static final Path ROOT = Path.of("deploy", "kubernetes");
    /** Every directory a user may build; a new overlay must be added here to be tested. */
    public static final List<String> BUILDS = List.of("base", "overlays/app-await", "overlays/app-upgrade",
            "overlays/helm-hook", "overlays/fleet", "overlays/fleet-status", "overlays/monitor");
    /** The image every intel-migrate container names before kustomize's images transformer pins it. */
    public static final String IMAGE = "registry.example.com/corpintel/intel-migrate";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Rendered> CACHE = new LinkedHashMap<>();

    private KubeManifests() {
    }

    /** A build's objects: each a parsed YAML document. */
    public record Rendered(String build, List<JsonNode> objects) {

        public Optional<JsonNode> find(String kind, String name) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())
                    && name.equals(o.path("metadata").path("name").asText())).findFirst();
        }

        public List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }

        public List<PodTemplate> podTemplates() {
            List<PodTemplate> templates = new ArrayList<>();
            for (JsonNode object : objects) {
                JsonNode template = object.path("spec").path("template");
                if (template.has("spec")) {
                    templates.add(new PodTemplate(this, object, template));
                }
            }
            return templates;
        }

        /** The value of a ConfigMap or Secret key as the pod sees it (Secret data decoded), if both exist. */
        public Optional<String> keyValue(String kind, String name, String key) {
            return find(kind, name).flatMap(object -> {
                if (object.path("data").has(key)) {
                    String value = object.path("data").path(key).asText();
                    return Optional.of("Secret".equals(kind)
                            ? new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8) : value);
                }
                return object.path("stringData").has(key)
                        ? Optional.of(object.path("stringData").path(key).asText()) : Optional.empty();
            });
        }
    }

    /** The pod template of a Job or Deployment, with the object that owns it. */
    public record PodTemplate(Rendered rendered, JsonNode owner, JsonNode template) {

        public String describe() {
            return rendered.build() + ": " + owner.path("kind").asText() + " " + owner.path("metadata").path("name").asText();
        }

        public JsonNode spec() {
            return template.path("spec");
        }

        public boolean indexedJob() {
            return "Indexed".equals(owner.path("spec").path("completionMode").asText());
        }

        /** Init containers first, as the kubelet runs them. */
        public List<JsonNode> containers() {
            List<JsonNode> all = new ArrayList<>();
            for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
                spec().path(field).forEach(all::add);
            }
            return all;
        }

        public List<JsonNode> intelMigrateContainers() {
            return containers().stream().filter(c -> c.path("image").asText().startsWith(IMAGE + ":")
                    || c.path("image").asText().startsWith(IMAGE + "@")).toList();
        }

        /** The container's environment as the pod gets it, ConfigMap and Secret references resolved. */
        public Map<String, String> environment(JsonNode container) {
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode variable : container.path("env")) {
                String name = variable.path("name").asText();
                if (variable.has("value")) {
                    env.put(name, variable.path("value").asText());
                    continue;
                }
                JsonNode from = variable.path("valueFrom");
                for (String[] ref : new String[][] {{"configMapKeyRef", "ConfigMap"}, {"secretKeyRef", "Secret"}}) {
                    JsonNode r = from.path(ref[0]);
                    if (!r.isMissingNode()) {
                        rendered.keyValue(ref[1], r.path("name").asText(), r.path("key").asText())
                                .ifPresent(value -> env.put(name, value));
                    }
                }
            }
            if (indexedJob()) {
                // Set by the Job controller in every container of an Indexed Job.
                env.put("JOB_COMPLETION_INDEX", "0");
            }
            return env;
        }

        /**
         * The content of a file the container sees under a mount of a Secret or ConfigMap
         * volume, or empty when no such file would exist.
         */
        public Optional<String> mountedFile(JsonNode container, Path file) {
            for (JsonNode mount : container.path("volumeMounts")) {
                Path mountPath = Path.of(mount.path("mountPath").asText());
                if (!file.startsWith(mountPath) || file.equals(mountPath)) {
                    continue;
                }
                String relative = mountPath.relativize(file).toString();
                JsonNode volume = volume(mount.path("name").asText());
                for (String[] type : new String[][] {{"secret", "Secret", "secretName"}, {"configMap", "ConfigMap", "name"}}) {
                    JsonNode source = volume.path(type[0]);
                    if (source.isMissingNode()) {
                        continue;
                    }
                    String key = relative;
                    if (source.has("items")) {
                        key = null;
                        for (JsonNode item : source.path("items")) {
                            if (item.path("path").asText().equals(relative)) {
                                key = item.path("key").asText();
                            }
                        }
                    }
                    if (key != null) {
                        return rendered.keyValue(type[1], source.path(type[2]).asText(), key);
                    }
                }
            }
            return Optional.empty();
        }

        public JsonNode volume(String name) {
            for (JsonNode volume : spec().path("volumes")) {
                if (name.equals(volume.path("name").asText())) {
                    return volume;
                }
            }
            return MissingNode.getInstance();
        }
    }

    public static Rendered render(String build) {
        return CACHE.computeIfAbsent(build, KubeManifests::kustomize);
    }

    public static List<Rendered> renderAll() {
        return BUILDS.stream().map(KubeManifests::render).toList();
    }

    public static List<JsonNode> parse(String yaml) {
        // Document by document: readValues would unwrap a document that is a sequence.
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            while (parser.nextToken() != null) {
                JsonNode node = YAML.readTree(parser);
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new AssertionError("not YAML: " + e.getMessage(), e);
        }
    }

    /** The kustomization directories present, to catch one that BUILDS does not list. */
    public static List<String> kustomizationsOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .map(p -> ROOT.relativize(p.getParent()).toString().replace('\\', '/'))
                    .filter(dir -> !dir.startsWith("components/")).sorted().toList();
        }
    }

    private static Rendered kustomize(String build) {
        Path dir = ROOT.resolve(build);
        String kubectl = System.getProperty("intel-migrate.kubectl", "kubectl");
        List<String> command = List.of(kubectl, "kustomize", dir.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            // Loud, never a skip: these tests are the only proof that the manifests build.
            throw new AssertionError("cannot run '" + kubectl + "' (" + e.getMessage() + "): the Kubernetes manifest"
                    + " tests need kubectl 1.27+ with its built-in kustomize. Install it (Debian/Ubuntu: the kubectl"
                    + " package of the Kubernetes apt repository), or name it with -Dintel-migrate.kubectl=PATH", e);
        }
        try {
            process.getOutputStream().close();
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new Rendered(build, parse(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
