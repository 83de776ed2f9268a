package dev.pinch.store.config;

import dev.pinch.store.ArtifactAccessException;
import dev.pinch.store.ArtifactStore;
import dev.pinch.store.LocalArtifactStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Makes the configured {@link ArtifactStore} injectable in the Quarkus services: an {@code s3://} root selects the
 * S3 store, anything else names a local directory. Created at start-up, so a bad root or a missing bucket stops the
 * service at once.
 */
public class ArtifactStoreProducer {

    private static final Pattern URI_ROOT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    @Produces
    @ApplicationScoped
    @Startup
    ArtifactStore artifactStore(StoreConfig config) {
        return open(config);
    }

    void close(@Disposes ArtifactStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The store {@code config} names; {@link IllegalStateException}s name {@code pinch.store.root}. */
    public static ArtifactStore open(StoreConfig config) {
        String root = config.root();
        try {
            if (root.startsWith("s3://")) {
                return S3ClientFactory.store(root, config.s3());
            }
            if (URI_ROOT.matcher(root).matches()) {
                throw new IllegalStateException("pinch.store.root=" + root + ": unsupported store; use a local"
                        + " directory or s3://bucket/prefix");
            }
            return new LocalArtifactStore(Path.of(root));
        } catch (ArtifactAccessException e) {
            throw new IllegalStateException("pinch.store.root=" + root + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("pinch.store.root=" + root + ": cannot open the artifact store", e);
        }
    }
}
