package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Static checks of the Grafana dashboards against the provisioned datasource and the services' meters. */
class DashboardFilesTest {

    private static final Path ROOT = Repo.root();
    private static final Path DASHBOARDS = ROOT.resolve("deploy/grafana/dashboards");
    private static final String DATASOURCE_UID = Repo.yaml(
            ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"))
            .path("datasources").path(0).path("uid").asText();

    /**
     * Meters the services expose through Quarkus's Micrometer binders rather than their own code. Each entry is
     * exposed by every service that has the binder (Kafka client metrics: quarkus.micrometer.binder.kafka.enabled).
     */
    private static final Set<String> FRAMEWORK_METRICS = Set.of(
            "jvm_memory_used_bytes",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_consumer_fetch_manager_records_consumed_total");

    private static final Set<String> GRAFANA_GLOBALS = Set.of("__rate_interval", "__range", "__interval",
            "__interval_ms", "__range_s", "__range_ms", "__dashboard", "__from", "__to");

    private static final Pattern METER_NAME = Pattern.compile("\"(pinch(?:\\.[a-z0-9]+)+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");

    @Test
    void theThreeDashboardsParseWithUniqueUidsAndTitles() {
        List<Path> files = DashboardQueries.dashboards(DASHBOARDS);
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .containsExactlyInAnyOrder("pipeline.json", "training.json", "evaluation.json");
        Set<String> uids = new TreeSet<>();
        Set<String> titles = new TreeSet<>();
        for (Path file : files) {
            JsonNode d = DashboardQueries.read(file);
            assertThat(uids.add(d.path("uid").asText())).as("uid of %s is unique", file.getFileName()).isTrue();
            assertThat(titles.add(d.path("title").asText())).as("title of %s is unique", file.getFileName()).isTrue();
            assertThat(d.path("uid").asText()).as("uid of %s", file.getFileName()).matches("[a-z0-9-]{1,40}");
            assertThat(d.path("schemaVersion").asInt()).as("schemaVersion of %s", file.getFileName()).isBetween(36, 41);
            assertThat(d.has("id")).as("%s must not carry a database id", file.getFileName()).isFalse();
            assertThat(DashboardQueries.panels(d)).as("panels of %s", file.getFileName()).isNotEmpty();
        }
    }

    @Test
    void everyPanelTargetAndVariableUsesTheProvisionedDatasource() {
        assertThat(DATASOURCE_UID).isNotBlank();
        for (Path file : DashboardQueries.dashboards(DASHBOARDS)) {
            JsonNode d = DashboardQueries.read(file);
            Set<Integer> ids = new TreeSet<>();
            for (JsonNode panel : DashboardQueries.panels(d)) {
                String what = file.getFileName() + " panel '" + panel.path("title").asText() + "'";
                assertThat(ids.add(panel.path("id").asInt())).as("%s: unique id", what).isTrue();
                assertThat(panel.path("gridPos").path("w").asInt()).as("%s: width", what).isBetween(1, 24);
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertThat(panel.path("datasource").path("uid").asText()).as("%s: datasource", what)
                        .isEqualTo(DATASOURCE_UID);
                assertThat(panel.path("targets")).as("%s: targets", what).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asText()).as("%s: expr", what).isNotBlank();
                    if (target.has("datasource")) {
                        assertThat(target.path("datasource").path("uid").asText()).as("%s: target datasource", what)
                                .isEqualTo(DATASOURCE_UID);
                    }
                }
            }
            for (JsonNode variable : d.path("templating").path("list")) {
                if (variable.path("type").asText().equals("query")) {
                    assertThat(variable.path("datasource").path("uid").asText())
                            .as("%s variable %s: datasource", file.getFileName(), variable.path("name").asText())
                            .isEqualTo(DATASOURCE_UID);
                }
            }
        }
    }

    @Test
    void everyVariableUsedIsDefined() {
        for (Path file : DashboardQueries.dashboards(DASHBOARDS)) {
            JsonNode d = DashboardQueries.read(file);
            Set<String> defined = new TreeSet<>(GRAFANA_GLOBALS);
            List<String> queries = new ArrayList<>(DashboardQueries.expressions(file));
            for (JsonNode variable : d.path("templating").path("list")) {
                defined.add(variable.path("name").asText());
                queries.add(variable.path("definition").asText());
            }
            for (String query : queries) {
                Matcher m = VARIABLE.matcher(query);
                while (m.find()) {
                    assertThat(defined).as("%s: $%s in %s", file.getFileName(), m.group(1), query).contains(m.group(1));
                }
            }
        }
    }

    @Test
    void everyMetricNameIsOneTheServicesExpose() {
        Map<String, Set<String>> exposedBy = exposedMetrics();
        Map<String, String> report = new TreeMap<>();
        for (Path file : DashboardQueries.dashboards(DASHBOARDS)) {
            Set<String> names = namesOf(file);
            assertThat(names).as("metric names of %s", file.getFileName()).isNotEmpty();
            for (String name : names) {
                assertThat(FRAMEWORK_METRICS.contains(name) || exposedBy.containsKey(name))
                        .as("%s uses %s, which no service registers (Pinch meters are found in <service>/src/main/java"
                                + " and service-support/src/main/java)",
                                file.getFileName(), name)
                        .isTrue();
                report.merge(file.getFileName().toString(), name + " <- "
                        + exposedBy.getOrDefault(name, Set.of("framework binder")) + "\n", String::concat);
            }
        }
        report.forEach((file, lines) -> System.out.println(file + ":\n" + lines));
    }

    private static Set<String> namesOf(Path dashboard) {
        Set<String> names = new TreeSet<>();
        DashboardQueries.expressions(dashboard).forEach(e -> names.addAll(DashboardQueries.metricNamesOf(e)));
        return names;
    }

    /**
     * Prometheus names of the Pinch meters registered in the services' code, service-support's included (it runs
     * inside each service: the dead-letter counter of every consumer is registered there), as string literals
     * {@code "pinch.*"} in classes that use Micrometer, with Micrometer's Prometheus suffixes: counters
     * {@code _total}, timers {@code _seconds_count|_sum|_max}, gauges as is or with their base unit {@code _bytes}.
     */
    private static Map<String, Set<String>> exposedMetrics() {
        Map<String, Set<String>> exposedBy = new HashMap<>();
        for (String module : Stream.concat(Repo.SERVICES.stream(), Stream.of("service-support")).toList()) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    if (!source.contains("io.micrometer")) {
                        continue;
                    }
                    Matcher m = METER_NAME.matcher(source);
                    while (m.find()) {
                        String base = m.group(1).replace('.', '_');
                        for (String suffix : List.of("", "_total", "_seconds_count", "_seconds_sum", "_seconds_max",
                                "_bytes")) {
                            exposedBy.computeIfAbsent(base + suffix, k -> new TreeSet<>()).add(module);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return exposedBy;
    }
}
