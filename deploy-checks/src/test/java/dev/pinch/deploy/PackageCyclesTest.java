package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** No module's packages depend on each other in a circle: each layer can be read, tested and moved on its own. */
class PackageCyclesTest {

    static final List<String> MODULES = List.of("pipeline-events", "artifact-store", "kafka-broker",
            "service-support", "dataset-service", "lm", "trainer-service", "evaluator-service", "cli");

    @Test
    void noModuleHasAPackageCycle() {
        Map<String, List<Set<String>>> cycles = new TreeMap<>();
        for (String module : MODULES) {
            Path classes = Repo.root().resolve(module).resolve("target/classes");
            assertThat(classes).as("compiled classes of " + module + " (the reactor builds them first)").isDirectory();
            Map<String, Set<String>> graph = PackageGraph.of(classes);
            assertThat(graph).as(module + "'s package graph").isNotEmpty();
            List<Set<String>> found = PackageGraph.cycles(graph);
            if (!found.isEmpty()) {
                cycles.put(module, found);
            }
        }
        assertThat(cycles).as("package cycles per module").isEmpty();
    }

    @Test
    void theDetectorFindsACycleThroughOtherPackages() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
                "d", Set.of());
        assertThat(PackageGraph.cycles(graph)).containsExactly(Set.of("a", "b", "c"));
        assertThat(PackageGraph.cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }

    @Test
    void jdepsSeesTheDependenciesBetweenPackages() {
        Map<String, Set<String>> graph = PackageGraph.of(Repo.root().resolve("evaluator-service/target/classes"));
        assertThat(graph.get("dev.pinch.evaluator.messaging")).contains("dev.pinch.evaluator.jobs");
    }
}
