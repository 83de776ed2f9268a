package dev.pinch.dataset.corpus;

import dev.pinch.dataset.config.DatasetConfig;
import dev.pinch.dataset.domain.CorpusManifest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Registers the built-in corpus at startup unless its version is already in the store (then startup only reads
 * its manifest). {@code pinch.dataset.builtin-corpus=false} skips it.
 */
@ApplicationScoped
public class BuiltinCorpusStartup {

    private static final Logger LOG = Logger.getLogger(BuiltinCorpusStartup.class);

    private final CorpusRegistry registry;
    private final DatasetConfig config;

    @Inject
    public BuiltinCorpusStartup(CorpusRegistry registry, DatasetConfig config) {
        this.registry = registry;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.builtinCorpus()) {
            ensureRegistered();
        }
    }

    /** The manifest of the built-in corpus, building and registering it first when the store lacks it. */
    public CorpusManifest ensureRegistered() {
        CorpusDescriptor descriptor = BuiltinCorpusBuilder.descriptor();
        return registry.manifest(descriptor.name(), descriptor.version()).orElseGet(() -> {
            long start = System.nanoTime();
            BuiltinCorpus corpus = new BuiltinCorpusBuilder().build();
            CorpusManifest manifest = registry.register(descriptor, corpus.examples(), corpus.text());
            LOG.infof("registered corpus %s version %s: %d examples, %d text lines, in %d ms", manifest.name(),
                    manifest.version(), corpus.examples().size(), corpus.text().size(),
                    (System.nanoTime() - start) / 1_000_000);
            return manifest;
        });
    }
}
