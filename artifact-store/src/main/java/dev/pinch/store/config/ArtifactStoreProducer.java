package dev.pinch.store.config;

import dev.pinch.store.ArtifactStore;
import dev.pinch.store.LocalArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Makes the configured {@link ArtifactStore} injectable in the Quarkus services. */
public class ArtifactStoreProducer {

    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(StoreConfig config) {
        String root = config.root();
        if (root.startsWith("s3://")) {
            throw new IllegalStateException("pinch.store.root=" + root + ": the S3 store is not available in this build");
        }
        try {
            return new LocalArtifactStore(Path.of(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open artifact store at " + root, e);
        }
    }
}
