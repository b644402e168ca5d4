package org.clinicflow.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks that hold the manifests to the code. Each returns the problems it finds, one sentence each, so that a
 * test can show the real manifests have none and that a broken copy has the one expected.
 */
final class ManifestChecks {

    /** The deployable modules; a Deployment is named as its module. */
    static final Set<String> MODULES = Set.of("booking-service", "content-service", "followup-service", "web",
            "gateway");

    /** The operators' resources these manifests may use (their CRDs are not on this classpath). */
    static final Set<String> CUSTOM_RESOURCES = Set.of("postgresql.cnpg.io/v1 Cluster",
            "kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaNodePool", "kafka.strimzi.io/v1 KafkaTopic",
            "k8s.keycloak.org/v2alpha1 Keycloak", "k8s.keycloak.org/v2alpha1 KeycloakRealmImport");

    /**
     * Variables a service reads that no placeholder and no property of its application.yml names, each with the
     * modules that may be given it and why.
     */
    static final Map<String, Set<String>> READ_WITHOUT_PLACEHOLDER = Map.of(
            // Spring itself: selects a profile; the value is checked against the profiles the file declares.
            "SPRING_PROFILES_ACTIVE", MODULES,
            // The JVM itself reads it, before Spring: heap and GC settings per environment.
            "JAVA_TOOL_OPTIONS", MODULES,
            // Spring Boot's mail properties: followup-service's application.yml says email goes over SMTP when
            // spring.mail.host is set, and sets only the timeouts itself.
            "SPRING_MAIL_HOST", Set.of("followup-service"),
            "SPRING_MAIL_PORT", Set.of("followup-service"),
            "SPRING_MAIL_USERNAME", Set.of("followup-service"),
            "SPRING_MAIL_PASSWORD", Set.of("followup-service"));

    /**
     * The Secrets production makes outside these files, from the clinic's secret store (deploy/kubernetes/README.md,
     * "Secrets"); the local overlay's example file makes the ones it needs.
     */
    static final Set<String> MADE_OUTSIDE = Set.of("clinicflow-keycloak-clients", "clinicflow-followup",
            "clinicflow-mail", "clinicflow-redis");

    /**
     * A name with PASSWORD, SECRET or TOKEN in it, or KEY as a word of it (between _, - or .; KEYCLOAK_ISSUER_URI is
     * no key), is a credential's, and its value comes from a Secret.
     */
    static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|PASSWD|SECRET|TOKEN|(^|[_.-])(API)?KEY($|[_.-])");

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ManifestChecks() {
    }

    // (1) Every document is a Kubernetes object; every kustomization names files that exist.

    static List<String> structure(Manifests manifests) {
        var problems = new ArrayList<String>();
        for (var manifest : manifests.all()) {
            if (manifest.apiVersion().isEmpty() || manifest.kind().isEmpty() || manifest.name().isEmpty()) {
                problems.add(manifest.file() + ": a document without apiVersion, kind or metadata.name");
                continue;
            }
            if (builtIn(manifest.apiVersion())) {
                try {
                    var object = SERIALIZATION.convertValue(manifest.document(), KubernetesResource.class);
                    if (object instanceof GenericKubernetesResource) {
                        problems.add(manifest + ": Kubernetes has no kind " + manifest.kind() + " in "
                                + manifest.apiVersion());
                    } else {
                        unknownFields(object, manifest.kind(), problems, manifest);
                    }
                } catch (RuntimeException e) {
                    problems.add(manifest + ": does not read as a " + manifest.kind() + ": " + e.getMessage());
                }
            } else if (!CUSTOM_RESOURCES.contains(manifest.apiVersion() + " " + manifest.kind())) {
                problems.add(manifest + ": " + manifest.apiVersion() + " " + manifest.kind()
                        + " is not one of the operators' resources " + CUSTOM_RESOURCES);
            }
        }
        problems.addAll(references(manifests));
        return problems;
    }

    /** Core (v1) and the groups without a domain or under k8s.io are Kubernetes' own. */
    private static boolean builtIn(String apiVersion) {
        if (!apiVersion.contains("/")) {
            return true;
        }
        var group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    /**
     * fabric8 keeps a field it does not know in the object's additional properties rather than failing: a misspelt
     * field (readinessProbe as readynessProbe) would otherwise pass unseen, and Kubernetes would drop it.
     */
    private static void unknownFields(Object node, String path, List<String> problems, Manifest manifest) {
        switch (node) {
            case null -> {
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    unknownFields(list.get(i), path + "[" + i + "]", problems, manifest);
                }
            }
            case Map<?, ?> map -> map.forEach((key, value) ->
                    unknownFields(value, path + "." + key, problems, manifest));
            default -> {
                if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
                    return;
                }
                for (Method getter : node.getClass().getMethods()) {
                    if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                            || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    var value = invoke(getter, node);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            problems.add(manifest + ": unknown field(s) " + extra.keySet() + " in " + path);
                        }
                    } else {
                        var field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                        unknownFields(value, path + "." + field, problems, manifest);
                    }
                }
            }
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    /** What the objects name by name or label: Deployments, Secrets, ConfigMaps and Kafka clusters that exist. */
    private static List<String> references(Manifests manifests) {
        var problems = new ArrayList<String>();
        var deployments = manifests.ofKind("Deployment").map(Manifest::name).collect(Collectors.toSet());
        deployments.stream().filter(name -> !MODULES.contains(name))
                .forEach(name -> problems.add("Deployment " + name + " is named as no module of " + MODULES));
        for (var manifest : manifests.all()) {
            var selected = switch (manifest.kind()) {
                case "HorizontalPodAutoscaler" -> Yaml.string(manifest.document(), "spec", "scaleTargetRef", "name");
                case "PodDisruptionBudget" -> Yaml.string(manifest.document(), "spec", "selector", "matchLabels",
                        "app.kubernetes.io/name");
                case "Service" -> Yaml.string(manifest.document(), "spec", "selector", "app.kubernetes.io/name");
                default -> null;
            };
            if (selected != null && !deployments.contains(selected)) {
                problems.add(manifest + " selects the Deployment " + selected + ", which does not exist");
            }
        }
        // A Secret named is made by CloudNativePG for a Cluster (<cluster>-app), in the manifests, or outside them.
        var secrets = new HashSet<>(MADE_OUTSIDE);
        manifests.ofKind("Cluster").forEach(cluster -> secrets.add(cluster.name() + "-app"));
        manifests.ofKind("Secret").forEach(secret -> secrets.add(secret.name()));
        var configMaps = manifests.ofKind("ConfigMap").map(Manifest::name).collect(Collectors.toSet());
        for (var manifest : manifests.all()) {
            for (var container : manifest.containers()) {
                for (var variable : Yaml.maps(container.get("env"))) {
                    var secret = Yaml.string(variable, "valueFrom", "secretKeyRef", "name");
                    if (!secret.isEmpty() && !secrets.contains(secret)) {
                        problems.add(manifest + " reads " + Yaml.string(variable, "name") + " from the Secret " + secret
                                + ", which nothing makes");
                    }
                }
                for (var source : Yaml.maps(container.get("envFrom"))) {
                    var configMap = Yaml.string(source, "configMapRef", "name");
                    if (!configMaps.contains(configMap)) {
                        problems.add(manifest + " takes its environment from the ConfigMap " + configMap
                                + ", which does not exist");
                    }
                }
            }
        }
        var kafkas = manifests.ofKind("Kafka").map(Manifest::name).collect(Collectors.toSet());
        manifests.all().stream().filter(manifest -> manifest.apiVersion().startsWith("kafka.strimzi.io/"))
                .filter(manifest -> !manifest.is("Kafka"))
                .filter(manifest -> !kafkas.contains(Yaml.string(manifest.document(), "metadata", "labels",
                        "strimzi.io/cluster")))
                .forEach(manifest -> problems.add(manifest + " belongs to no Kafka of " + kafkas));
        return problems;
    }

    static List<String> kustomizations(Manifests manifests) {
        var problems = new ArrayList<String>();
        manifests.kustomizations().forEach((directory, kustomization) -> {
            for (var entry : Manifests.entries(kustomization)) {
                if (!Files.exists(directory.resolve(entry))) {
                    problems.add(directory.resolve(Manifests.KUSTOMIZATION) + " names " + entry
                            + ", which does not exist");
                } else if (Files.isDirectory(directory.resolve(entry))
                        && !Files.exists(directory.resolve(entry).resolve(Manifests.KUSTOMIZATION))) {
                    problems.add(directory.resolve(Manifests.KUSTOMIZATION) + " names the folder " + entry
                            + ", which has no " + Manifests.KUSTOMIZATION);
                }
            }
            // A patch whose target matches nothing is silently ignored by kustomize.
            var included = manifests.included(directory);
            var targets = manifests.all().stream().filter(manifest -> included.contains(manifest.file()))
                    .map(Manifest::kind).collect(Collectors.toSet());
            for (var patch : Yaml.maps(kustomization.get("patches"))) {
                var kind = Yaml.string(patch, "target", "kind");
                if (!kind.isEmpty() && !targets.contains(kind)) {
                    problems.add(directory.resolve(Manifests.KUSTOMIZATION) + " patches " + kind
                            + ", of which it includes none");
                }
            }
        });
        var used = new HashSet<Path>();
        for (var overlay : List.of("local", "production")) {
            if (!manifests.kustomizations().containsKey(manifests.overlay(overlay))) {
                problems.add("no overlay " + overlay);
            }
            used.addAll(manifests.included(manifests.overlay(overlay)));
        }
        manifests.all().stream().map(Manifest::file).distinct().filter(file -> !used.contains(file))
                .forEach(file -> problems.add(file + " is included by no overlay"));
        return problems;
    }

    // (2) Every variable a Deployment sets is one its service reads.

    static List<String> environment(Manifests manifests, Map<String, ServiceConfiguration> services) {
        var problems = new ArrayList<String>();
        for (var module : MODULES) {
            var service = services.get(module);
            environmentOf(manifests, module).forEach((variable, values) -> {
                var readers = READ_WITHOUT_PLACEHOLDER.getOrDefault(variable, Set.of());
                if (!service.placeholders().contains(variable) && !service.bindsProperty(variable)
                        && !readers.contains(module)) {
                    problems.add(module + " is given " + variable + ", which it does not read (application.yml"
                            + " has no ${" + variable + "} and no property of that name)");
                }
                if (variable.equals("SPRING_PROFILES_ACTIVE")) {
                    values.stream().flatMap(value -> Set.of(value.split(",")).stream()).map(String::trim)
                            .filter(profile -> !service.profiles().contains(profile))
                            .forEach(profile -> problems.add(module + " is given the profile " + profile
                                    + ", which its application.yml does not declare"));
                }
            });
        }
        return problems;
    }

    /**
     * The variables a module's Deployment sets, in the base or any overlay, with the values they are given (a value
     * from a Secret is "secret"): its containers' env, and the data of every ConfigMap it takes through envFrom.
     */
    static Map<String, Set<String>> environmentOf(Manifests manifests, String module) {
        var environment = new LinkedHashMap<String, Set<String>>();
        var configMaps = new LinkedHashSet<String>();
        manifests.named("Deployment", module).flatMap(deployment -> deployment.containers().stream())
                .forEach(container -> {
                    for (var variable : Yaml.maps(container.get("env"))) {
                        var value = variable.get("value") != null ? variable.get("value").toString() : "secret";
                        environment.computeIfAbsent(Yaml.string(variable, "name"), name -> new LinkedHashSet<>())
                                .add(value);
                    }
                    for (var source : Yaml.maps(container.get("envFrom"))) {
                        configMaps.add(Yaml.string(source, "configMapRef", "name"));
                    }
                });
        configMaps.forEach(name -> manifests.named("ConfigMap", name)
                .forEach(configMap -> Yaml.map(configMap.document().get("data")).forEach((key, value) ->
                        environment.computeIfAbsent(key, unused -> new LinkedHashSet<>()).add(String.valueOf(value)))));
        return environment;
    }

    // (3) Every port and probe is one the service serves.

    static List<String> ports(Manifests manifests, Map<String, ServiceConfiguration> services) {
        var problems = new ArrayList<String>();
        for (var module : MODULES) {
            var service = services.get(module);
            var environment = environmentOf(manifests, module);
            var http = port(service, "server.port", environment);
            var management = port(service, "management.server.port", environment);
            var named = new LinkedHashMap<String, Integer>();
            manifests.named("Deployment", module).flatMap(deployment -> deployment.containers().stream())
                    .flatMap(container -> Yaml.maps(container.get("ports")).stream())
                    .forEach(port -> {
                        var number = Integer.parseInt(Yaml.string(port, "containerPort"));
                        named.put(Yaml.string(port, "name"), number);
                        if (!http.contains(number) && !management.contains(number)) {
                            problems.add(module + " declares container port " + number + ", but it listens on "
                                    + http + " (server.port) and " + management + " (management.server.port)");
                        }
                    });
            for (var deployment : manifests.named("Deployment", module).toList()) {
                for (var container : deployment.containers()) {
                    for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                        var check = Yaml.map(container.get(probe));
                        if (check.isEmpty()) {
                            continue;
                        }
                        var path = Yaml.string(check, "httpGet", "path");
                        var expected = probe.equals("readinessProbe") ? READINESS : LIVENESS;
                        if (!path.equals(expected)) {
                            problems.add(module + "'s " + probe + " asks " + path + ", not " + expected);
                        }
                        if (!service.servesProbes()) {
                            problems.add(module + "'s " + probe + " asks " + path + ", which it does not serve:"
                                    + " its application.yml does not set management.endpoint.health.probes.enabled"
                                    + " and expose health");
                        }
                        var port = Yaml.at(check, "httpGet", "port");
                        var number = port instanceof Integer value ? value : named.get(String.valueOf(port));
                        if (number == null || !management.contains(number)) {
                            problems.add(module + "'s " + probe + " asks port " + port + ", not the management port "
                                    + management);
                        }
                    }
                }
            }
            for (var serviceObject : manifests.named("Service", module).toList()) {
                for (var port : Yaml.maps(Yaml.at(serviceObject.document(), "spec", "ports"))) {
                    var target = port.get("targetPort");
                    var number = target instanceof Integer value ? value : named.get(String.valueOf(target));
                    if (number == null || !http.contains(number)) {
                        problems.add("Service " + module + " sends to " + target + ", not the application port " + http);
                    }
                }
            }
        }
        return problems;
    }

    /** The port a property's placeholder resolves to: the values the Deployment gives its variable, or the default. */
    private static Set<Integer> port(ServiceConfiguration service, String property,
                                     Map<String, Set<String>> environment) {
        var placeholder = service.placeholder(property);
        if (placeholder.isEmpty()) {
            var literal = service.properties().get(property);
            return literal == null ? Set.of() : Set.of(Integer.parseInt(literal.toString()));
        }
        var given = environment.get(placeholder.get().variable());
        var values = given != null ? given : Set.of(String.valueOf(placeholder.get().defaultValue()));
        return values.stream().filter(value -> value.matches("\\d+")).map(Integer::parseInt)
                .collect(Collectors.toSet());
    }

    // (4) No secret is written inline.

    static List<String> secrets(Manifests manifests) {
        var problems = new ArrayList<String>();
        var production = manifests.included(manifests.overlay("production"));
        for (var manifest : manifests.all()) {
            if (manifest.is("Secret") && (manifest.document().containsKey("data")
                    || manifest.document().containsKey("stringData"))) {
                if (!manifest.file().getFileName().toString().endsWith(".example.yaml")) {
                    problems.add(manifest + " holds values inline outside a *.example.yaml file");
                }
                if (production.contains(manifest.file())) {
                    problems.add(manifest + " holds values inline and is part of the production overlay");
                }
            }
            if (manifest.is("ConfigMap")) {
                Yaml.map(manifest.document().get("data")).keySet().stream()
                        .filter(key -> SECRET_NAME.matcher(key.toUpperCase(Locale.ROOT)).find())
                        .forEach(key -> problems.add(manifest + " holds " + key
                                + ", a credential by its name, in a ConfigMap rather than a Secret"));
            }
            for (var container : manifest.containers()) {
                for (var variable : Yaml.maps(container.get("env"))) {
                    var name = Yaml.string(variable, "name");
                    if (SECRET_NAME.matcher(name).find() && Yaml.at(variable, "valueFrom", "secretKeyRef") == null) {
                        problems.add(manifest + " sets " + name + " other than from a Secret (valueFrom.secretKeyRef)");
                    }
                }
            }
        }
        return problems;
    }

    // Hardening the brief asks of every Deployment: checked on the base's full Deployments (those with a selector).

    static List<String> hardening(Manifests manifests) {
        var problems = new ArrayList<String>();
        manifests.ofKind("Deployment").filter(deployment -> Yaml.at(deployment.document(), "spec", "selector") != null)
                .forEach(deployment -> {
                    var pod = Yaml.map(Yaml.at(deployment.document(), "spec", "template", "spec"));
                    if (!Boolean.TRUE.equals(Yaml.at(pod, "securityContext", "runAsNonRoot"))
                            || !(Yaml.at(pod, "securityContext", "runAsUser") instanceof Integer user) || user == 0) {
                        problems.add(deployment + " does not run as a non-root user");
                    }
                    var tmp = Yaml.maps(pod.get("volumes")).stream().filter(volume -> volume.containsKey("emptyDir"))
                            .map(volume -> Yaml.string(volume, "name")).collect(Collectors.toSet());
                    for (var container : deployment.containers()) {
                        var security = Yaml.map(container.get("securityContext"));
                        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))
                                || !Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))
                                || !String.valueOf(Yaml.at(security, "capabilities", "drop")).equals("[ALL]")) {
                            problems.add(deployment + ": container " + container.get("name") + " is not read-only,"
                                    + " without privilege escalation and with every capability dropped");
                        }
                        if (Yaml.maps(container.get("volumeMounts")).stream().noneMatch(mount ->
                                Yaml.string(mount, "mountPath").equals("/tmp")
                                        && tmp.contains(Yaml.string(mount, "name")))) {
                            problems.add(deployment + ": container " + container.get("name")
                                    + " has no emptyDir at /tmp");
                        }
                        for (var bound : List.of("requests", "limits")) {
                            if (Yaml.at(container, "resources", bound, "memory") == null) {
                                problems.add(deployment + ": container " + container.get("name") + " has no memory "
                                        + bound);
                            }
                        }
                        if (container.get("livenessProbe") == null || container.get("readinessProbe") == null) {
                            problems.add(deployment + ": container " + container.get("name")
                                    + " lacks a liveness or readiness probe");
                        }
                    }
                });
        return problems;
    }

    // The topics: one KafkaTopic per channel of the AsyncAPI document, and none other.

    static List<String> topics(Manifests manifests, Set<String> channels) {
        var problems = new ArrayList<String>();
        var topics = manifests.ofKind("KafkaTopic").map(topic -> {
            var name = Yaml.string(topic.document(), "spec", "topicName");
            return name.isEmpty() ? topic.name() : name;
        }).collect(Collectors.toSet());
        channels.stream().filter(channel -> !topics.contains(channel))
                .forEach(channel -> problems.add("no KafkaTopic for the channel " + channel));
        topics.stream().filter(topic -> !channels.contains(topic))
                .forEach(topic -> problems.add("KafkaTopic " + topic + " is no channel of contracts/asyncapi.yaml"));
        return problems;
    }
}
