package com.corpintel.migrate.kube;

import com.corpintel.migrate.cli.DurationConverter;
import com.corpintel.migrate.health.HttpAddress;
import com.corpintel.migrate.kube.KubeManifests.PodTemplate;
import com.corpintel.migrate.kube.KubeManifests.Rendered;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kustomize build under deploy/kubernetes, rendered by kubectl and read as a cluster would. */
class KubeOverlaysTest {

    static List<String> builds() {
        return KubeManifests.BUILDS;
    }

    private static List<String> each(Rendered rendered, Function<PodTemplate, List<String>> check) {
        List<String> problems = new ArrayList<>();
        for (PodTemplate pod : rendered.podTemplates()) {
            check.apply(pod).forEach(p -> problems.add(pod.describe() + ": " + p));
        }
        return problems;
    }

    @Test
    void everyKustomizationOnDiskIsTestedAndNoManifestLivesOutsideThem() throws Exception {
        assertThat(KubeManifests.kustomizationsOnDisk()).containsExactlyInAnyOrderElementsOf(KubeManifests.BUILDS);
        try (Stream<Path> deploy = Files.list(Path.of("deploy"))) {
            assertThat(deploy.map(p -> p.getFileName().toString())).containsExactly("kubernetes");
        }
    }

    @ParameterizedTest
    @MethodSource("builds")
    void buildsAndRunsTheIntelMigrateImage(String build) {
        Rendered rendered = KubeManifests.render(build);
        assertThat(rendered.podTemplates()).isNotEmpty();
        assertThat(rendered.podTemplates().stream().flatMap(p -> p.intelMigrateContainers().stream())).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("builds")
    void everyReferencedConfigMapSecretAndKeyExists(String build) {
        assertThat(each(KubeManifests.render(build), KubeChecks::references)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("builds")
    void everyPodMeetsTheRestrictedPodSecurityStandardWithAWritableTmpOnly(String build) {
        Rendered rendered = KubeManifests.render(build);
        assertThat(each(rendered, KubeChecks::restricted)).isEmpty();
        assertThat(each(rendered, KubeChecks::writableTmp)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("builds")
    void imagesArePinnedAndEveryMigrateContainerHasResources(String build) {
        Rendered rendered = KubeManifests.render(build);
        assertThat(KubeChecks.pinnedImages(rendered.podTemplates())).isEmpty();
        assertThat(each(rendered, KubeChecks::resources)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("builds")
    void intelMigratePodsTalkOnlyToTheDatabaseAndDns(String build) {
        assertThat(each(KubeManifests.render(build), KubeChecks::egressOnlyToDatabaseAndDns)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("builds")
    void awaitWaitsForTheVersionTheApplicationNeedsNeverForHead(String build) {
        assertThat(each(KubeManifests.render(build), KubeChecks::awaitNamesAVersion)).isEmpty();
    }

    @Test
    void theAppAwaitOverlayGatesTheApplicationOnAwaitAndKeepsTheJob() {
        Rendered rendered = KubeManifests.render("overlays/app-await");
        JsonNode app = rendered.find("Deployment", "intel-api").orElseThrow();
        assertThat(app.at("/spec/template/spec/initContainers/0/args/0").asText()).isEqualTo("await");
        assertThat(rendered.find("Job", "intel-migrate-upgrade")).isPresent();
    }

    @Test
    void theAppUpgradeOverlayMigratesInTheInitContainerWithoutAJob() {
        Rendered rendered = KubeManifests.render("overlays/app-upgrade");
        JsonNode app = rendered.find("Deployment", "intel-api").orElseThrow();
        assertThat(app.at("/spec/template/spec/initContainers/0/args/0").asText()).isEqualTo("upgrade");
        assertThat(rendered.ofKind("Job")).isEmpty();
    }

    @Test
    void theHelmHookJobRunsBeforeInstallAndUpgradeAfterWhatItMounts() {
        Rendered rendered = KubeManifests.render("overlays/helm-hook");
        JsonNode job = rendered.find("Job", "intel-migrate-upgrade").orElseThrow();
        JsonNode annotations = job.path("metadata").path("annotations");
        assertThat(annotations.path("helm.sh/hook").asText().split(",")).contains("pre-install", "pre-upgrade");
        assertThat(annotations.path("helm.sh/hook-delete-policy").asText()).contains("before-hook-creation");
        int jobWeight = annotations.path("helm.sh/hook-weight").asInt();
        PodTemplate pod = rendered.podTemplates().get(0);
        List<String[]> needed = new ArrayList<>();
        needed.add(new String[] {"ServiceAccount", pod.spec().path("serviceAccountName").asText()});
        pod.spec().path("volumes").forEach(v -> {
            if (v.has("secret")) {
                needed.add(new String[] {"Secret", v.path("secret").path("secretName").asText()});
            }
        });
        pod.containers().forEach(c -> c.path("env").forEach(e -> {
            if (e.at("/valueFrom/configMapKeyRef").isObject()) {
                needed.add(new String[] {"ConfigMap", e.at("/valueFrom/configMapKeyRef/name").asText()});
            }
        }));
        for (String[] object : needed) {
            JsonNode hook = rendered.find(object[0], object[1]).orElseThrow().path("metadata").path("annotations");
            assertThat(hook.path("helm.sh/hook").asText()).as(object[0] + " " + object[1])
                    .isEqualTo(annotations.path("helm.sh/hook").asText());
            assertThat(hook.path("helm.sh/hook-weight").asInt()).as(object[0] + " " + object[1]).isLessThan(jobWeight);
        }
    }

    @Test
    void theJobsDeadlineOutlastsTheLockWait() throws Exception {
        Rendered rendered = KubeManifests.render("base");
        JsonNode job = rendered.find("Job", "intel-migrate-upgrade").orElseThrow();
        Duration lockWait = new DurationConverter().convert(
                rendered.keyValue("ConfigMap", "intel-migrate", "lock-wait").orElseThrow());
        assertThat(Duration.ofSeconds(job.path("spec").path("activeDeadlineSeconds").asLong()))
                .isGreaterThan(lockWait.multipliedBy(2));
    }

    @Test
    void theFleetIsAnIndexedJobWithBoundedParallelismAndRetriesPerDatabase() {
        for (String build : List.of("overlays/fleet", "overlays/fleet-status")) {
            Rendered rendered = KubeManifests.render(build);
            assertThat(rendered.ofKind("Job")).hasSize(1);
            JsonNode spec = rendered.ofKind("Job").get(0).path("spec");
            assertThat(spec.path("completionMode").asText()).as(build).isEqualTo("Indexed");
            assertThat(spec.path("parallelism").asInt()).as(build).isBetween(1, spec.path("completions").asInt());
            assertThat(spec.path("backoffLimitPerIndex").isIntegralNumber()).as(build).isTrue();
            assertThat(spec.path("maxFailedIndexes").asInt()).as(build).isPositive();
        }
    }

    @Test
    void theMonitorProbesItsOwnPortAndItsServiceReachesIt() {
        Rendered rendered = KubeManifests.render("overlays/monitor");
        PodTemplate pod = rendered.podTemplates().get(0);
        JsonNode container = pod.intelMigrateContainers().get(0);
        int port = HttpAddress.from(pod.environment(container)).port();
        JsonNode health = container.path("ports").get(0);
        assertThat(health.path("containerPort").asInt()).isEqualTo(port);
        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        probes.forEach((probe, path) -> {
            assertThat(container.path(probe).path("httpGet").path("path").asText()).as(probe).isEqualTo(path);
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe)
                    .isEqualTo(health.path("name").asText());
        });
        JsonNode service = rendered.ofKind("Service").get(0);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(health.path("name").asText());
        assertThat(service.at("/spec/selector").toString())
                .isEqualTo(pod.template().at("/metadata/labels").toString());
    }

    /** The manifests deploy/ held before: each check must reject what made them fail in a cluster. */
    @Test
    void theChecksRejectTheOldInitContainer() {
        Rendered old = new Rendered("old deploy/init-container.yaml", KubeManifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: intel-api}
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: schema
                          image: registry.example.com/corpintel/intel-migrate:latest
                          args: ["await", "--head", "--timeout=15m"]
                          env:
                            - {name: DATABASE_PASSWORD_FILE, value: /var/run/secrets/intel-db/password}
                          volumeMounts:
                            - {name: db-password, mountPath: /var/run/secrets/intel-db, readOnly: true}
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            runAsNonRoot: true
                            capabilities: {drop: ["ALL"]}
                      volumes:
                        - name: db-password
                          secret: {secretName: intel-db-reader}
                """));
        PodTemplate pod = old.podTemplates().get(0);
        assertThat(KubeChecks.restricted(pod)).containsExactly("automountServiceAccountToken is not false",
                "container schema: no numeric non-zero runAsUser",
                "container schema: seccompProfile is not RuntimeDefault or Localhost");
        assertThat(KubeChecks.writableTmp(pod)).containsExactly("container schema: no emptyDir mounted at /tmp");
        assertThat(KubeChecks.pinnedImages(old.podTemplates())).singleElement().asString().contains("is not pinned");
        assertThat(KubeChecks.awaitNamesAVersion(pod)).containsExactly("container schema: await without --version",
                "container schema: await --head");
        assertThat(KubeChecks.references(pod)).containsExactly("Secret intel-db-reader is not in the build");
        assertThat(KubeChecks.resources(pod)).hasSize(3);
        assertThat(KubeChecks.egressOnlyToDatabaseAndDns(pod)).isEmpty(); // an application pod: not ours to police
    }
}
