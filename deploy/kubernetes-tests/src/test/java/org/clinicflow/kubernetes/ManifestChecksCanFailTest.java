package org.clinicflow.kubernetes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicflow.kubernetes.KubernetesManifestsTest.KUBERNETES;
import static org.clinicflow.kubernetes.KubernetesManifestsTest.ROOT;

/**
 * Each check of {@link ManifestChecks} on a copy of {@code deploy/kubernetes} with one mistake made in it, as someone
 * might make it: the check names the mistake. Without these a check that could never fail would pass unseen.
 */
class ManifestChecksCanFailTest {

    @TempDir
    Path copy;

    @BeforeEach
    void copyTheManifests() throws IOException {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            for (var file : files.toList()) {
                var target = copy.resolve(KUBERNETES.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Makes the mistake: the text must be there, so that a fixture cannot quietly change nothing. */
    private void change(String file, String text, String replacement) {
        try {
            var path = copy.resolve(file);
            var content = Files.readString(path);
            assertThat(content).as("fixture text in %s", file).contains(text);
            Files.writeString(path, content.replace(text, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Manifests manifests() {
        return Manifests.load(copy);
    }

    @Test
    void aMisspeltFieldIsFound() {
        change("base/web/deployment.yaml", "readinessProbe:", "readynessProbe:");

        assertThat(ManifestChecks.structure(manifests()))
                .anyMatch(problem -> problem.contains("unknown field(s) [readynessProbe]"));
    }

    @Test
    void aValueOfTheWrongTypeIsFound() {
        change("base/web/deployment.yaml", "containerPort: 8084", "containerPort: eighty-eighty-four");

        assertThat(ManifestChecks.structure(manifests()))
                .anyMatch(problem -> problem.contains("does not read as a Deployment"));
    }

    @Test
    void aKindKubernetesDoesNotHaveIsFound() {
        change("base/web/pdb.yaml", "kind: PodDisruptionBudget", "kind: PodDisruptionBudgets");

        assertThat(ManifestChecks.structure(manifests()))
                .anyMatch(problem -> problem.contains("Kubernetes has no kind PodDisruptionBudgets"));
    }

    @Test
    void anHpaForADeploymentThatDoesNotExistIsFound() {
        change("base/gateway/hpa.yaml", "    name: gateway", "    name: gateways");

        assertThat(ManifestChecks.structure(manifests()))
                .anyMatch(problem -> problem.contains("selects the Deployment gateways, which does not exist"));
    }

    @Test
    void aSecretOrConfigMapThatNothingMakesIsFound() {
        change("base/booking-service/deployment.yaml", "name: booking-db-app", "name: booking-db-ap");
        change("base/web/deployment.yaml", "name: clinicflow-identity", "name: clinicflow-identities");

        assertThat(ManifestChecks.structure(manifests()))
                .anyMatch(problem -> problem.contains("reads BOOKING_DB_USER from the Secret booking-db-ap, which"
                        + " nothing makes"))
                .anyMatch(problem -> problem.contains("takes its environment from the ConfigMap"
                        + " clinicflow-identities, which does not exist"));
    }

    @Test
    void aKustomizationNamingAMissingFileIsFound() {
        change("base/kustomization.yaml", "  - network-policies.yaml", "  - network-policy.yaml");

        assertThat(ManifestChecks.kustomizations(manifests()))
                .anyMatch(problem -> problem.contains("names network-policy.yaml, which does not exist"))
                .anyMatch(problem -> problem.endsWith("network-policies.yaml is included by no overlay"));
    }

    @Test
    void aVariableTheServiceDoesNotReadIsFound() {
        change("base/booking-service/configmap.yaml", "BOOKING_DB_URL:", "BOOKING_DATABASE_URL:");

        assertThat(ManifestChecks.environment(manifests(), KubernetesManifestsTest.services(ROOT)))
                .containsExactly("booking-service is given BOOKING_DATABASE_URL, which it does not read"
                        + " (application.yml has no ${BOOKING_DATABASE_URL} and no property of that name)");
    }

    @Test
    void aProfileTheServiceDoesNotKnowIsFound() {
        change("overlays/local/configmaps.yaml", "  PATIENT_SIGN_IN_URL: \"http://clinic.localtest.me/\"\n  SPRING_PROFILES_ACTIVE: \"demo\"",
                "  PATIENT_SIGN_IN_URL: \"http://clinic.localtest.me/\"\n  SPRING_PROFILES_ACTIVE: \"demonstration\"");

        assertThat(ManifestChecks.environment(manifests(), KubernetesManifestsTest.services(ROOT)))
                .containsExactly("booking-service is given the profile demonstration, which its application.yml"
                        + " does not declare");
    }

    @Test
    void aContainerPortTheServiceDoesNotListenOnIsFound() {
        change("base/booking-service/deployment.yaml", "containerPort: 9081", "containerPort: 9091");

        assertThat(ManifestChecks.ports(manifests(), KubernetesManifestsTest.services(ROOT)))
                .anyMatch(problem -> problem.startsWith("booking-service declares container port 9091"))
                .anyMatch(problem -> problem.startsWith("booking-service's livenessProbe asks port management, not"
                        + " the management port [9081]"));
    }

    @Test
    void aPortMovedByAVariableIsFollowed() {
        change("base/booking-service/configmap.yaml", "  BOOKING_DB_URL:", "  BOOKING_MANAGEMENT_PORT: \"9999\"\n  BOOKING_DB_URL:");

        assertThat(ManifestChecks.ports(manifests(), KubernetesManifestsTest.services(ROOT)))
                .anyMatch(problem -> problem.startsWith("booking-service declares container port 9081, but it"
                        + " listens on [8081] (server.port) and [9999] (management.server.port)"));
    }

    @Test
    void aProbePathSpringDoesNotServeIsFound() {
        change("base/content-service/deployment.yaml", "path: /actuator/health/readiness", "path: /actuator/ready");

        assertThat(ManifestChecks.ports(manifests(), KubernetesManifestsTest.services(ROOT))).containsExactly(
                "content-service's readinessProbe asks /actuator/ready, not /actuator/health/readiness");
    }

    @Test
    void probesOfAServiceWithoutProbeGroupsAreFound(@TempDir Path service) throws IOException {
        var yml = Files.readString(ROOT.resolve("content-service/src/main/resources/application.yml"));
        assertThat(yml).contains("        enabled: true");
        var withoutProbes = service.resolve("application.yml");
        Files.writeString(withoutProbes, yml.replace("        enabled: true", "        enabled: false"));
        var services = new LinkedHashMap<>(KubernetesManifestsTest.services(ROOT));
        services.put("content-service", ServiceConfiguration.of("content-service", withoutProbes));

        assertThat(ManifestChecks.ports(manifests(), services)).hasSize(3)
                .allMatch(problem -> problem.startsWith("content-service's ")
                        && problem.endsWith("which it does not serve: its application.yml does not set"
                        + " management.endpoint.health.probes.enabled and expose health"));
    }

    @Test
    void aPasswordWrittenInlineIsFound() {
        change("overlays/production/followup-service-secrets.yaml", """
                            - name: FOLLOWUP_SMS_API_KEY
                              valueFrom:
                                secretKeyRef:
                                  name: clinicflow-followup
                                  key: notify-api-key
                """, """
                            - name: FOLLOWUP_SMS_API_KEY
                              value: clinic-0000-0000
                """);

        assertThat(ManifestChecks.secrets(manifests())).singleElement().asString()
                .contains("sets FOLLOWUP_SMS_API_KEY other than from a Secret");
    }

    @Test
    void aCredentialInAConfigMapIsFound() {
        change("base/gateway/configmap.yaml", "  WEB_URL:", "  GATEWAY_CLIENT_SECRET: \"gateway-demo-secret\"\n  WEB_URL:");

        assertThat(ManifestChecks.secrets(manifests())).singleElement().asString()
                .contains("holds GATEWAY_CLIENT_SECRET, a credential by its name, in a ConfigMap");
    }

    @Test
    void anInlineSecretOutsideTheExampleOrInProductionIsFound() throws IOException {
        Files.move(copy.resolve("overlays/local/secrets.example.yaml"), copy.resolve("overlays/local/secrets.yaml"));
        change("overlays/local/kustomization.yaml", "  - secrets.example.yaml", "  - secrets.yaml");
        change("overlays/production/kustomization.yaml", "  - realm-import.yaml", "  - realm-import.yaml\n  - ../local/secrets.yaml");

        assertThat(ManifestChecks.secrets(manifests()))
                .anyMatch(problem -> problem.contains("holds values inline outside a *.example.yaml file"))
                .anyMatch(problem -> problem.contains("holds values inline and is part of the production overlay"));
    }

    @Test
    void aWritableRootFilesystemIsFound() {
        change("base/web/deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false");

        assertThat(ManifestChecks.hardening(manifests())).singleElement().asString()
                .contains("is not read-only");
    }

    @Test
    void aChannelWithoutItsTopicIsFound() {
        change("base/kafka/topics.yaml", "topicName: clinic.followup.review", "topicName: clinic.followup.reviews");

        assertThat(ManifestChecks.topics(manifests(), KubernetesManifestsTest.channels(ROOT))).containsExactlyInAnyOrder(
                "no KafkaTopic for the channel clinic.followup.review",
                "KafkaTopic clinic.followup.reviews is no channel of contracts/asyncapi.yaml");
    }

    @Test
    void aRealmImportEditedByHandIsFound() {
        change("overlays/production/realm-import.yaml", "bruteForceProtected: true", "bruteForceProtected: false");

        var expected = RealmImports.realmImport(KubernetesManifestsTest.REALM, RealmImports.Overlay.PRODUCTION);
        assertThat(Yaml.documents(copy.resolve("overlays/production/realm-import.yaml")))
                .isNotEqualTo(List.of(expected));
    }
}
