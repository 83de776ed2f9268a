package dev.pinch.lm.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.lm.Engines;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class CallerThreadTest {

    /** The OpenMP runtime's thread count for this thread's next parallel region. */
    private static int ompMaxThreads() throws Throwable {
        return (int) LibTorch.function("omp_get_max_threads", FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
    }

    @Test
    void aSmallForwardRunsOnThisThreadAloneUntilItsScopeCloses() throws Throwable {
        Engines.engine();
        int before = ompMaxThreads();
        assertThat(before).as("libtorch's intra-op threads (this needs 2 cores or more)").isGreaterThan(1);
        try (var scope = CallerThread.small(8 * 512)) { // a decoding step of 8 sequences, 512 wide
            assertThat(ompMaxThreads()).isEqualTo(1);
        }
        assertThat(ompMaxThreads()).as("restored").isEqualTo(before);
        try (var scope = CallerThread.small(2048L * 1024)) { // a training batch
            assertThat(ompMaxThreads()).isEqualTo(before);
        }
    }
}
