package dev.pinch.evaluator.planning;

import dev.pinch.evaluator.config.EvaluatorConfig;
import dev.pinch.evaluator.generation.EvalPrompt;
import dev.pinch.evaluator.generation.EvalPrompts;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.settings.EvalSettings;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import dev.pinch.store.Sha256;
import dev.pinch.support.files.FileRoot;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an eval set's prompts come from: a corpus split in the store (by default the split {@code test} of the
 * corpus the mix was drawn from, else of {@code pinch.evaluator.default-corpus}), or a user's prompts JSONL named by
 * {@code evalConfig.promptsUri} (a URI in the store) or {@code evalConfig.promptsPath} (a file under
 * {@code pinch.evaluator.prompts-root}, symlinks followed and checked, at most {@code max-prompts-bytes}),
 * validated and copied into the store as {@code evaluator/prompts/<sha12>.jsonl}. Refusals name the field and the
 * path, never the file's text.
 */
@ApplicationScoped
public class PromptSources {

    /**
     * A resolved source.
     *
     * @param evalSet   its eval set name
     * @param split     the corpus split, or null for user prompts
     * @param uri       the JSONL in the store
     * @param languages the languages it has prompts in
     */
    record Source(String evalSet, String split, String uri, Set<String> languages) {
    }

    private final EvaluatorConfig config;
    private final ExperimentCatalog catalog;
    private final ArtifactStore store;
    private final FileRoot promptsRoot;

    public PromptSources(EvaluatorConfig config, ExperimentCatalog catalog, ArtifactStore store) {
        this.config = config;
        this.catalog = catalog;
        this.store = store;
        this.promptsRoot = new FileRoot(Path.of(config.promptsRoot()), "pinch.evaluator.prompts-root");
    }

    Source resolve(EvalSettings eval, CheckpointReady c) {
        return eval.promptsUri() != null || eval.promptsPath() != null ? user(eval) : corpus(eval, c);
    }

    private Source corpus(EvalSettings eval, CheckpointReady c) {
        String[] ofMix = catalog.corpusOf(c.experimentId(), c.mixId()).orElse(new String[] {config.defaultCorpus(), null});
        String name = eval.corpus() != null ? eval.corpus() : ofMix[0];
        String version = eval.corpusVersion() != null ? eval.corpusVersion() : name.equals(ofMix[0]) ? ofMix[1] : null;
        if (version == null) {
            version = catalog.latestVersion(name).orElseThrow(() -> new InvalidEvalConfigException("corpus",
                    "names corpus '" + name + "', which is not in the artifact store"));
        }
        String v = version;
        ExperimentCatalog.Corpus corpus = catalog.corpus(name, v).orElseThrow(() -> new InvalidEvalConfigException(
                "corpusVersion", "names " + name + " version " + v + ", which is not in the artifact store"));
        String split = eval.split() != null ? eval.split() : config.split();
        return new Source(name + "-" + v + "-" + split, split, corpus.examplesUri(),
                new LinkedHashSet<>(corpus.languages()));
    }

    private Source user(EvalSettings eval) {
        String field = eval.promptsUri() != null ? "promptsUri" : "promptsPath";
        String where = eval.promptsUri() != null ? eval.promptsUri() : eval.promptsPath();
        byte[] bytes;
        try {
            bytes = field.equals("promptsPath")
                    ? Files.readAllBytes(promptsRoot.regularFile(where, config.maxPromptsBytes()))
                    : read(URI.create(where));
        } catch (FileRoot.RefusedPathException e) {
            throw new InvalidEvalConfigException(field, e.getMessage());
        } catch (InvalidEvalConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidEvalConfigException(field, "cannot be read: " + where);
        }
        List<EvalPrompt> prompts;
        try {
            prompts = EvalPrompts.fromUserJsonl(new ByteArrayInputStream(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEvalConfigException(field, "is not a valid prompts JSONL: " + e.getMessage());
        }
        String sha = Sha256.of(bytes).substring(0, 12);
        try {
            Artifact copy = store.writeBytes("evaluator/prompts/" + sha + ".jsonl", bytes);
            return new Source("prompts-" + sha, null, copy.uri().toString(), EvalPrompts.languages(prompts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the eval prompts into the store", e);
        }
    }

    /** A prompts file in the store only: a {@code file:} URI outside it is refused by the store. */
    private byte[] read(URI uri) throws IOException {
        try (InputStream in = store.open(uri)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxPromptsBytes() + 1));
            if (bytes.length > config.maxPromptsBytes()) {
                throw new InvalidEvalConfigException("promptsUri", "is larger than " + config.maxPromptsBytes()
                        + " bytes");
            }
            return bytes;
        }
    }
}
