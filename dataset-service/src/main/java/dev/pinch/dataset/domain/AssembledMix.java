package dev.pinch.dataset.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A mix with its examples drawn.
 *
 * @param plan     what was asked for
 * @param examples the examples, in the mix's (deterministic) order
 * @param manifest counts, ids and checksum of the examples
 */
public record AssembledMix(MixPlan plan, List<Example> examples, MixManifest manifest) {

    /** Writes the examples as JSONL; see {@link MixAssembler#writeJsonl}. */
    public void writeJsonl(OutputStream out) throws IOException {
        MixAssembler.writeJsonl(examples, out);
    }
}
