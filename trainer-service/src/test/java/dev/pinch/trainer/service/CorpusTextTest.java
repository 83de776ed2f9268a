package dev.pinch.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusTextTest {

    @Test
    void versionsCompareDigitRunsAsNumbers() {
        List<String> sorted = Stream.of("10", "2", "1.10", "1.9", "test-1").sorted(CorpusText.VERSION_ORDER).toList();
        assertThat(sorted).containsExactly("1.9", "1.10", "2", "10", "test-1");
    }
}
