package dev.pinch.dataset.corpus;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A request to import a corpus from a file or directory on the server.
 *
 * @param name            corpus name, {@code ^[a-z0-9][a-z0-9-]{0,62}$}; also the id prefix of Alpaca examples
 * @param version         {@code ^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$}
 * @param description     free text, optional
 * @param license         the corpus's license, optional
 * @param format          {@code jsonl} (Pinch JSONL file) or {@code alpaca} (directory of {@code <lang>.json})
 * @param path            server-side path: the JSONL file, or the Alpaca directory
 * @param task            Alpaca only: task of every example, default {@code instruction}
 * @param heldOutFraction Alpaca only: share of indexes held out of train (half dev, half test), default 0
 * @param seed            Alpaca only: seed of the split hash, default 0
 */
public record CorpusImportRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String name,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}") String version,
        String description,
        String license,
        @NotBlank @Pattern(regexp = "jsonl|alpaca") String format,
        @NotBlank String path,
        String task,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double heldOutFraction,
        Long seed) {

    /** Pinch JSONL. */
    public static final String JSONL = "jsonl";
    /** Alpaca-style JSON, one file per language. */
    public static final String ALPACA = "alpaca";
}
