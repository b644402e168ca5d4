package org.clinicflow.kubernetes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests in {@code deploy/kubernetes} against the code: each check finds nothing in them.
 * {@link ManifestChecksCanFailTest} shows each finding what it is for in a broken copy.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("clinicflow.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path REALM = ROOT.resolve("deploy/keycloak/clinic-realm.json");

    static Manifests manifests;
    static Map<String, ServiceConfiguration> services;

    @BeforeAll
    static void read() {
        manifests = Manifests.load(KUBERNETES);
        services = services(ROOT);
    }

    static Map<String, ServiceConfiguration> services(Path root) {
        var services = new LinkedHashMap<String, ServiceConfiguration>();
        for (var module : ManifestChecks.MODULES) {
            services.put(module, ServiceConfiguration.of(root, module));
        }
        return services;
    }

    static Set<String> channels(Path root) {
        var asyncApi = Yaml.documents(root.resolve("contracts/asyncapi.yaml")).getFirst();
        return Yaml.map(asyncApi.get("channels")).values().stream()
                .map(channel -> Yaml.string(channel, "address")).collect(Collectors.toSet());
    }

    @Test
    void everyManifestIsAKubernetesObjectAndEveryKustomizationNamesFilesThatExist() {
        assertThat(manifests.all()).hasSizeGreaterThan(40);
        assertThat(ManifestChecks.structure(manifests)).isEmpty();
        assertThat(ManifestChecks.kustomizations(manifests)).isEmpty();
    }

    @Test
    void everyVariableADeploymentSetsIsOneItsServiceReads() {
        assertThat(ManifestChecks.environmentOf(manifests, "booking-service"))
                .containsKeys("BOOKING_DB_URL", "BOOKING_DB_USER", "BOOKING_DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                        "KEYCLOAK_ISSUER_URI", "BOOKING_ACCOUNTS_CLIENT_SECRET");
        assertThat(ManifestChecks.environment(manifests, services)).isEmpty();
    }

    @Test
    void everyPortAndProbeIsOneTheServiceServes() {
        assertThat(services.values()).allMatch(ServiceConfiguration::servesProbes);
        assertThat(ManifestChecks.ports(manifests, services)).isEmpty();
    }

    @Test
    void noSecretIsWrittenInlineOutsideTheLocalExample() {
        assertThat(ManifestChecks.secrets(manifests)).isEmpty();
    }

    @Test
    void everyDeploymentRunsReadOnlyAsANonRootUserWithProbesAndLimits() {
        assertThat(ManifestChecks.hardening(manifests)).isEmpty();
    }

    @Test
    void everyChannelOfTheContractsHasItsKafkaTopic() {
        assertThat(ManifestChecks.topics(manifests, channels(ROOT))).isEmpty();
    }

    /**
     * The realm imports are the realm file transformed ({@link RealmImports}); with
     * {@code -Dclinicflow.kubernetes.write=true} this writes them afresh instead of comparing.
     */
    @ParameterizedTest
    @EnumSource(RealmImports.Overlay.class)
    void eachOverlaysRealmImportIsTheRealmFileForThatOverlay(RealmImports.Overlay overlay) throws IOException {
        var expected = RealmImports.realmImport(REALM, overlay);
        var file = KUBERNETES.resolve("overlays").resolve(overlay.directory()).resolve("realm-import.yaml");
        if (Boolean.getBoolean("clinicflow.kubernetes.write")) {
            Files.writeString(file, RealmImports.yaml(expected, overlay));
        }
        assertThat(file).as("run with -Dclinicflow.kubernetes.write=true to generate it").exists();
        assertThat(Yaml.documents(file)).as("%s is not the realm file transformed; run with"
                + " -Dclinicflow.kubernetes.write=true to generate it again", file).containsExactly(expected);
    }
}
