package dev.pinch.dataset.domain;

import dev.pinch.events.CorpusRef;
import java.time.Instant;
import java.util.List;

/**
 * An accepted experiment, as stored in {@code experiments/<id>/experiment.json}. Once this file is
 * written the experiment is durable: its mixes are in the store and their events are (re)sent
 * until {@code experiments/<id>/published.json} records that the broker acknowledged them all.
 *
 * @param spec       the normalized spec (defaults filled in)
 * @param specSha256 sha256 of the normalized spec's canonical JSON; a re-post must match it
 */
public record Experiment(
        String id,
        ExperimentSpec spec,
        String specSha256,
        Instant createdAt,
        CorpusRef corpus,
        int budget,
        List<MixRecord> mixes) {

    /** One mix of the experiment, as stored and as announced by MixReady. */
    public record MixRecord(String id, String name, dev.pinch.events.DesignRef design,
            java.util.Map<String, Integer> counts, int total, String uri, String sha256, String manifestUri) {
    }
}
