package dev.pinch.store.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test support for the services: before a Quarkus test application starts, removes the given top-level folders
 * of the test artifact store ({@code target/pinch-data-test}, the services' {@code %test.pinch.store.root}) that an
 * earlier, perhaps killed, test JVM left behind, so the service's start-up recovery does not resume them. A
 * service subclasses it with the folders its recovery reads; everything else (corpora, the built-in base model)
 * stays, since rebuilding it would only cost time.
 */
public abstract class CleanStoreTestResource implements QuarkusTestResourceLifecycleManager {

    public static final Path STORE = Path.of("target", "pinch-data-test");

    private final List<String> folders;

    protected CleanStoreTestResource(String... folders) {
        this.folders = List.of(folders);
    }

    @Override
    public Map<String, String> start() {
        folders.forEach(folder -> delete(STORE.resolve(folder)));
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
