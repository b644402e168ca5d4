package org.clinicflow.localstack;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code deploy/observability/} asks of the services: the metric names in the alert rules' and the dashboard's
 * PromQL, and which service exports each. A service's metrics test scrapes its {@code /actuator/prometheus} and checks
 * that nothing it should export is {@link #missingFrom missing}, so that a renamed metric fails the build instead of
 * quietly silencing an alert.
 */
public final class ObservabilityFiles {

    public static final String BOOKING = "booking-service";
    public static final String CONTENT = "content-service";
    public static final String FOLLOWUP = "followup-service";
    public static final String GATEWAY = "gateway";
    public static final String WEB = "web";

    /**
     * Who exports what, by the name's start. A {@code clinicflow_} name that matches none of these is a name no service
     * exports: {@link #unowned()} reports it.
     */
    private static final Map<String, Set<String>> EXPORTERS = Map.of(
            "clinicflow_enquiries_", Set.of(BOOKING),
            "clinicflow_appointments_", Set.of(BOOKING),
            "clinicflow_notifications_", Set.of(FOLLOWUP),
            // Platform's outbox and dead letters, in every service with a database and Kafka.
            "clinicflow_outbox_", Set.of(BOOKING, CONTENT, FOLLOWUP),
            "clinicflow_dead_letters_", Set.of(BOOKING, CONTENT, FOLLOWUP),
            "clinicflow_gateway_", Set.of(GATEWAY),
            // Spring Boot's own, in every service that serves HTTP (all of them).
            "http_server_requests_", Set.of(BOOKING, CONTENT, FOLLOWUP, GATEWAY, WEB));

    /** Series Prometheus makes itself, for every target: no service exports them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    /**
     * PromQL's words that read like metric names: aggregation operators, functions, keywords. Only those this project's
     * files could use; a new function in a rule that is missing here shows up as an unowned "metric" and fails the
     * test, and is then added here.
     */
    static final Set<String> PROMQL_WORDS = Set.of(
            "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
            "group", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
            "offset", "rate", "irate", "increase", "delta", "idelta", "deriv", "predict_linear", "histogram_quantile",
            "abs", "ceil", "floor", "round", "clamp", "clamp_min", "clamp_max", "absent", "absent_over_time",
            "changes", "resets", "time", "timestamp", "vector", "scalar", "sort", "sort_desc", "label_replace",
            "label_join", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
            "last_over_time", "quantile_over_time", "inf", "nan");

    /** An identifier followed by a selector, a range, a closing bracket, whitespace or the end. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?=[{\\[)\\s]|$)");
    /** Label lists of grouping and matching clauses: {@code by (job)}, {@code on (instance)}. */
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

    private ObservabilityFiles() {
    }

    public static Path alertRules() {
        return ProjectLayout.root().resolve("deploy/observability/alert-rules.yml");
    }

    public static Path dashboard() {
        return ProjectLayout.root().resolve("deploy/observability/clinicflow-dashboard.json");
    }

    /** The metric names one PromQL expression reads (labels, functions, keywords, durations and strings left out). */
    public static Set<String> metricNames(String promql) {
        var text = STRINGS.matcher(promql).replaceAll(" ");
        text = MATCHERS.matcher(text).replaceAll("{} ");
        text = LABEL_LIST.matcher(text).replaceAll(" ");
        var names = new TreeSet<String>();
        var matcher = NAME.matcher(text);
        while (matcher.find()) {
            var name = matcher.group(1);
            if (!PROMQL_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every {@code expr} of every rule in a Prometheus rule file. */
    @SuppressWarnings("unchecked")
    public static List<String> ruleExpressions(String ruleFile) {
        Map<String, Object> root = new Yaml().load(ruleFile);
        var expressions = new ArrayList<String>();
        for (var group : (List<Map<String, Object>>) root.get("groups")) {
            for (var rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    /** Every target's {@code expr} in a Grafana dashboard, rows' nested panels included. */
    public static List<String> dashboardExpressions(String dashboardJson) {
        var expressions = new ArrayList<String>();
        collectExpressions(JsonMapper.builder().build().readTree(dashboardJson).path("panels"), expressions);
        return expressions;
    }

    private static void collectExpressions(JsonNode panels, List<String> into) {
        for (var panel : panels) {
            for (var target : panel.path("targets")) {
                if (target.path("expr").isString()) {
                    into.add(target.path("expr").asString());
                }
            }
            collectExpressions(panel.path("panels"), into);
        }
    }

    /** Every metric name the project's alert rules and dashboard read. */
    public static Set<String> namesInUse() {
        var names = new TreeSet<String>();
        ruleExpressions(read(alertRules())).forEach(e -> names.addAll(metricNames(e)));
        dashboardExpressions(read(dashboard())).forEach(e -> names.addAll(metricNames(e)));
        return names;
    }

    /** Names in use that no service exports by the table above, nor Prometheus itself: each is a mistake. */
    public static Set<String> unowned() {
        var unowned = new TreeSet<String>();
        for (var name : namesInUse()) {
            if (!PROMETHEUS_OWN.contains(name) && exportersOf(name).isEmpty()) {
                unowned.add(name);
            }
        }
        return unowned;
    }

    /** The names in use that {@code service} should export. */
    public static Set<String> expectedFrom(String service) {
        var expected = new TreeSet<String>();
        for (var name : namesInUse()) {
            if (exportersOf(name).contains(service)) {
                expected.add(name);
            }
        }
        return expected;
    }

    /** Of {@code expected}, those no sample in a Prometheus text exposition names. */
    public static Set<String> missingFrom(String scrape, Set<String> expected) {
        var missing = new TreeSet<>(expected);
        missing.removeAll(exported(scrape));
        return missing;
    }

    /** The names of the samples in a Prometheus text exposition (comments and # TYPE lines left out). */
    public static Set<String> exported(String scrape) {
        var names = new TreeSet<String>();
        for (var line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    /** A sample's value, or NaN when no sample of that name carries all the given labels. */
    public static double value(String scrape, String name, String... labels) {
        for (var line : scrape.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean matches = true;
                for (var label : labels) {
                    matches &= line.contains(label);
                }
                if (matches) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return Double.NaN;
    }

    private static Set<String> exportersOf(String name) {
        var exporters = new TreeSet<String>();
        EXPORTERS.forEach((prefix, services) -> {
            if (name.startsWith(prefix)) {
                exporters.addAll(services);
            }
        });
        return exporters;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
