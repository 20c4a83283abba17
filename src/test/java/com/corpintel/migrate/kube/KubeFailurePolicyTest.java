package com.corpintel.migrate.kube;

import com.corpintel.migrate.cli.ExitCode;
import com.corpintel.migrate.kube.KubeManifests.Rendered;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Jobs' podFailurePolicy follows the binary's exit codes, read from ExitCode itself. */
class KubeFailurePolicyTest {

    @Test
    void everyJobFailsFastOnPermanentFailuresAndRetriesTransientOnes() {
        List<String> problems = new ArrayList<>();
        int jobs = 0;
        for (Rendered rendered : KubeManifests.renderAll()) {
            for (JsonNode job : rendered.ofKind("Job")) {
                jobs++;
                String container = job.at("/spec/template/spec/containers/0/name").asText();
                KubeChecks.jobPolicy(job, container).forEach(p -> problems.add(rendered.build() + ": "
                        + job.at("/metadata/name").asText() + ": " + p));
            }
        }
        assertThat(jobs).isGreaterThanOrEqualTo(5);
        assertThat(problems).isEmpty();
    }

    @Test
    void theExpectedActionsRestOnWhatEachExitCodeMeans() {
        // If ExitCode is renumbered or redefined, the table above must be reconsidered.
        assertThat(ExitCode.USAGE.meaning).startsWith("usage error");
        assertThat(ExitCode.CONNECTION.meaning).startsWith("cannot connect");
        assertThat(ExitCode.LOCK.meaning).contains("another migration is running");
        assertThat(ExitCode.MIGRATION_FAILED.meaning).contains("script failed");
        assertThat(ExitCode.VALIDATION_FAILED.meaning).startsWith("validation failed");
        assertThat(ExitCode.REFUSED.meaning).startsWith("refused before changing anything");
        assertThat(KubeChecks.expectedActions(false)).containsEntry(ExitCode.MIGRATION_FAILED, "FailJob")
                .doesNotContainKey(ExitCode.OK);
        assertThat(KubeChecks.expectedActions(true)).containsEntry(ExitCode.MIGRATION_FAILED, "FailIndex")
                .containsEntry(ExitCode.USAGE, "FailJob");
    }

    @Test
    void theOldJobWithoutAPolicyAndARuleOnAStrayCodeAreRejected() {
        JsonNode old = KubeManifests.parse("""
                kind: Job
                spec:
                  backoffLimit: 2
                  activeDeadlineSeconds: 3600
                  template: {spec: {restartPolicy: Never, containers: [{name: intel-migrate}]}}
                """).get(0);
        assertThat(KubeChecks.jobPolicy(old, "intel-migrate"))
                .containsExactly("no ttlSecondsAfterFinished", "no podFailurePolicy");
        JsonNode swapped = KubeManifests.parse("""
                kind: Job
                spec:
                  backoffLimit: 2
                  activeDeadlineSeconds: 3600
                  ttlSecondsAfterFinished: 60
                  podFailurePolicy:
                    rules:
                      - {action: FailJob, onExitCodes: {operator: In, values: [2, 3, 5, 6, 9, 42]}}
                      - {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}
                  template: {spec: {restartPolicy: Never, containers: [{name: intel-migrate}]}}
                """).get(0);
        assertThat(KubeChecks.jobPolicy(swapped, "intel-migrate")).containsExactly(
                "exit code 42 is not a failure code of ExitCode",
                "exit 3 (CONNECTION: " + ExitCode.CONNECTION.meaning + ") gets FailJob, expected Count",
                "exit 4 (LOCK: " + ExitCode.LOCK.meaning + ") gets Count, expected Ignore");
    }
}
