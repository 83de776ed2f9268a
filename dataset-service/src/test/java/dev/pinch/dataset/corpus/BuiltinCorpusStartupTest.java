package dev.pinch.dataset.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.dataset.config.DatasetConfig;
import dev.pinch.dataset.domain.Corpus;
import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.Languages;
import dev.pinch.store.LocalArtifactStore;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinCorpusStartupTest {

    @TempDir
    Path root;

    static DatasetConfig config(boolean builtinCorpus) {
        return (DatasetConfig) Proxy.newProxyInstance(DatasetConfig.class.getClassLoader(),
                new Class<?>[] {DatasetConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("builtinCorpus")) {
                        return builtinCorpus;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void registersTheBuiltinCorpusOnceAndLoadsIt() throws IOException {
        CorpusRegistry registry = new CorpusRegistry(new LocalArtifactStore(root));
        BuiltinCorpusStartup startup = new BuiltinCorpusStartup(registry, config(true));

        startup.onStart(null);
        CorpusManifest manifest = registry.manifest("builtin").orElseThrow();
        Path examples = root.resolve("corpora/builtin/" + BuiltinCorpusBuilder.VERSION + "/examples.jsonl");
        var written = Files.getLastModifiedTime(examples);
        long start = System.nanoTime();
        CorpusManifest again = startup.ensureRegistered();
        long restartMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(again).isEqualTo(manifest);
        assertThat(restartMillis).isLessThan(1_000);
        assertThat(Files.getLastModifiedTime(examples)).isEqualTo(written);
        assertThat(manifest.version()).isEqualTo(BuiltinCorpusBuilder.VERSION);
        assertThat(manifest.license()).contains("CC BY-SA 4.0").contains("Apache-2.0");
        assertThat(manifest.languages()).containsExactlyInAnyOrderElementsOf(Languages.BUILTIN);
        assertThat(manifest.taskCounts()).containsOnlyKeys("topic", "continuation", "translation", "copy",
                "language-id").containsEntry("topic", 17 * 1004);
        assertThat(manifest.taskCounts().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(17 * (1004 + 1997));
        assertThat(manifest.sha256()).isEqualTo(BuiltinCorpusBuilderTest.PINNED_SHA256);
        assertThat(Files.readAllLines(Path.of(URI.create(manifest.textUri())))).hasSizeGreaterThan(17 * 2000)
                .allMatch(l -> l.startsWith("{\"id\":\""));

        Corpus corpus = registry.load("builtin");
        assertThat(corpus.examples()).hasSize(17 * (1004 + 1997));
        assertThat(corpus.parallelTrainIds(Languages.BUILTIN)).hasSize(manifest.trainIds());
        assertThat(corpus.parallelTrainIds(Languages.PAPER)).hasSize(manifest.trainIds());
    }

    @Test
    void canBeTurnedOff() throws IOException {
        CorpusRegistry registry = new CorpusRegistry(new LocalArtifactStore(root));

        new BuiltinCorpusStartup(registry, config(false)).onStart(null);

        assertThat(registry.list()).isEmpty();
    }
}
