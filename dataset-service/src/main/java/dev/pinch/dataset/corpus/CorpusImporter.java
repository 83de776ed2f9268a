package dev.pinch.dataset.corpus;

import dev.pinch.dataset.config.CorpusConfig;
import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.support.files.FileRoot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports a user's corpus from the server's file system: reads it (streaming, within {@link CorpusLimits}),
 * validates it, and registers it when it has no error. Only paths under {@code pinch.corpus.import-root} are read
 * ({@link FileRoot}: symlinks followed, then checked); a refusal names the path, never what is in it.
 */
@ApplicationScoped
public class CorpusImporter {

    private final CorpusRegistry registry;
    private final FileRoot importRoot;
    private final CorpusLimits limits;

    @Inject
    public CorpusImporter(CorpusRegistry registry, CorpusConfig config) {
        this(registry, Path.of(config.importRoot()), CorpusLimits.of(config));
    }

    /** An importer reading under {@code importRoot} within {@code limits}. */
    public CorpusImporter(CorpusRegistry registry, Path importRoot, CorpusLimits limits) {
        this.registry = registry;
        this.importRoot = new FileRoot(importRoot, "pinch.corpus.import-root");
        this.limits = limits;
    }

    /**
     * Validates and registers the corpus {@code request} points to.
     *
     * @throws CorpusImportException   for a bad request (name, version, format, options, a path that does not
     *                                 exist or lies outside the import root) or a corpus with errors
     * @throws CorpusConflictException when the version already holds other content
     */
    public CorpusImportResult importCorpus(CorpusImportRequest request) {
        CorpusValidation validation = validate(request);
        if (!validation.report().valid()) {
            throw new CorpusImportException(validation.report());
        }
        CorpusManifest manifest = registry.register(new CorpusDescriptor(request.name(), request.version(),
                request.description(), request.license()), validation.examples());
        return new CorpusImportResult(manifest, validation.report());
    }

    /**
     * Reads and validates the corpus {@code request} points to, registering nothing (a dry run).
     *
     * @throws CorpusImportException for a bad request
     */
    public CorpusValidation validate(CorpusImportRequest request) {
        checkNames(request);
        Path path = resolve(request.path());
        try {
            if (CorpusImportRequest.JSONL.equals(request.format())) {
                if (request.task() != null || request.heldOutFraction() != null || request.seed() != null) {
                    throw new CorpusImportException("format", "task, heldOutFraction and seed apply to the alpaca"
                            + " format only; a JSONL corpus names its task and split on every line");
                }
                CorpusValidator validator = CorpusValidator.jsonl();
                JsonlCorpusReader.read(path, limits, validator);
                return validator.finish();
            }
            if (CorpusImportRequest.ALPACA.equals(request.format())) {
                if (!Files.isDirectory(path)) {
                    throw new CorpusImportException("path", "an alpaca corpus is a directory of <lang>.json files: "
                            + request.path());
                }
                CorpusValidator validator = CorpusValidator.alpaca();
                AlpacaCorpusReader.read(path, alpacaOptions(request), limits, validator);
                return validator.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + request.path(), e);
        }
        throw new CorpusImportException("format", "unknown format '" + request.format()
                + "': expected jsonl or alpaca");
    }

    private static AlpacaImportOptions alpacaOptions(CorpusImportRequest request) {
        try {
            return new AlpacaImportOptions(request.name(), request.task(),
                    request.heldOutFraction() == null ? 0 : request.heldOutFraction(),
                    request.seed() == null ? 0 : request.seed());
        } catch (IllegalArgumentException e) {
            throw new CorpusImportException("heldOutFraction", e.getMessage());
        }
    }

    private static void checkNames(CorpusImportRequest request) {
        try {
            CorpusLayout.namePrefix(request.name());
        } catch (IllegalArgumentException e) {
            throw new CorpusImportException("name", e.getMessage());
        }
        try {
            CorpusLayout.manifestKey(request.name(), request.version());
        } catch (IllegalArgumentException e) {
            throw new CorpusImportException("version", e.getMessage());
        }
    }

    private Path resolve(String requested) {
        try {
            return importRoot.resolve(requested);
        } catch (FileRoot.RefusedPathException e) {
            throw new CorpusImportException("path", "path " + e.getMessage());
        } catch (AccessDeniedException e) {
            throw new CorpusImportException("path", "path cannot be read: " + requested);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the corpus path", e);
        }
    }
}
