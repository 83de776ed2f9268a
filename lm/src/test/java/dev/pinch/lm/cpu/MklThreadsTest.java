package dev.pinch.lm.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.lm.Engines;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class MklThreadsTest {

    /** MKL's own count of the threads its next call on this thread may use. */
    private static int mklMaxThreads() throws Throwable {
        return (int) LibTorch.function("MKL_Get_Max_Threads", FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
    }

    @Test
    void aSmallProductRunsOnOneThreadAndALargeOneOnTheIntraOpThreads() throws Throwable {
        Engines.engine();
        assertThat(MklThreads.available()).as("libtorch's x86-64 CPU build links MKL").isTrue();
        MklThreads.forProduct(2048, 2048, 2048); // this thread's setting back to MKL's global count (earlier tests ran here)
        int global = mklMaxThreads();
        assertThat(global).as("MKL's global threads, libtorch's intra-op threads (this needs 2 cores or more)")
                .isGreaterThan(1);
        MklThreads.forProduct(8, 192, 512); // 1.6 MFLOP: a decoding step's projection
        assertThat(mklMaxThreads()).isEqualTo(1);
        MklThreads.forProduct(2048, 128, 344); // 180 MFLOP: a training step's
        assertThat(mklMaxThreads()).isEqualTo(global);
        Thread other = new Thread(() -> MklThreads.forProduct(1, 1, 1));
        other.start();
        other.join();
        assertThat(mklMaxThreads()).as("the setting is per thread").isEqualTo(global);
    }
}
