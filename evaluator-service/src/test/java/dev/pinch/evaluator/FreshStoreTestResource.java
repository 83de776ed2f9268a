package dev.pinch.evaluator;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Removes the jobs, evaluations and checkpoints an earlier (perhaps killed) test JVM left in the test store
 * ({@code %test.pinch.store.root}) before the service starts, so its start-up recovery does not resume them.
 */
public class FreshStoreTestResource implements QuarkusTestResourceLifecycleManager {

    static final Path STORE = Path.of("target", "pinch-data-test");

    @Override
    public Map<String, String> start() {
        for (String dir : new String[] {"evaluator", "evaluations", "checkpoints"}) {
            delete(STORE.resolve(dir));
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}
