package dev.pinch.lm.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.lm.Engines;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CallerThreadTest {

    /** The OpenMP runtime's thread count for this thread's next parallel region. */
    private static int ompMaxThreads() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MemorySegment lib = MklAmdKernels.dlopen(Path.of("libtorch_cpu.so"), 2 | 4);
        var dlsym = linker.downcallHandle(linker.defaultLookup().find("dlsym").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment f = (MemorySegment) dlsym.invokeExact(lib, arena.allocateFrom("omp_get_max_threads"));
            return (int) linker.downcallHandle(f, FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
        }
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
