package dev.pinch.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.trainer.domain.RunProgress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainerMetricsTest {

    @Test
    void aStoppedRunKeepsItsFinalGaugesForAWhile() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TrainerMetrics metrics = new TrainerMetrics(registry, null);
        metrics.started("r1");
        metrics.progress("r1", new RunProgress(4, 8, 0, 2.25, null, 5000, 1e-3, 0, 0));
        metrics.stopped("r1");

        assertThat(registry.get("pinch.training.loss").tag("run", "r1").gauge().value()).isEqualTo(2.25);
        assertThat(registry.get("pinch.training.tokens.per.second").tag("run", "r1").gauge().value()).isEqualTo(5000);

        metrics.removeStoppedBefore(Instant.now().minus(TrainerMetrics.KEEP_STOPPED));
        assertThat(registry.find("pinch.training.loss").gauges()).as("stopped just now: kept").hasSize(1);
        metrics.removeStoppedBefore(Instant.now().plusSeconds(1));
        assertThat(registry.find("pinch.training.loss").gauges()).isEmpty();
        assertThat(registry.find("pinch.training.tokens.per.second").gauges()).isEmpty();
    }
}
