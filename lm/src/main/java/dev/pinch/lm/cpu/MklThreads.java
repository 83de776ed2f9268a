package dev.pinch.lm.cpu;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Small matrix products on the calling thread. libtorch's MKL runs every GEMM on all intra-op threads; for a product
 * of a few MFLOP, waking the other OpenMP threads costs more than they save, most of all with
 * {@code OMP_WAIT_POLICY=PASSIVE}, where the threads sleep between operations (OpenBLAS, by contrast, runs small
 * products single-threaded by itself). Measured on the 2-core dev machine, a decoding step's {@code [8, 192] x
 * [192, 512]} projection took 25 µs on one thread and 50 to 100 µs on two inside a decoding loop; products from
 * about 20 MFLOP up gain from the second thread (2048 x 128 x 344: 1.0 ms on one, 0.59 ms on two).
 *
 * <p>{@link #forProduct} sets MKL's thread-local thread count ({@code MKL_Set_Num_Threads_Local}, exported by
 * libtorch_cpu.so) before a product: 1 below {@value #SMALL_FLOPS} FLOP, else 0 (MKL's global count, the intra-op
 * threads). Where libtorch has no MKL (another platform's build), it does nothing. The class looks the function up
 * when first used, so it must be first used after libtorch is loaded (lm calls it from inside a forward pass).
 */
public final class MklThreads {

    /** Products below this many FLOP (2·m·k·n) run on the calling thread. */
    public static final double SMALL_FLOPS = 16e6;
    private static final MethodHandle SET_LOCAL = LibTorch.function("MKL_Set_Num_Threads_Local",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private MklThreads() {
    }

    /**
     * Chooses MKL's threads for the next products on this thread: one for a small product, else the global count.
     *
     * @param rows m, the rows of the left operand (all batch dimensions folded in)
     * @param inner k
     * @param cols n
     */
    public static void forProduct(long rows, long inner, long cols) {
        if (SET_LOCAL == null) {
            return;
        }
        try {
            int previous = (int) SET_LOCAL.invokeExact(2.0 * rows * inner * cols < SMALL_FLOPS ? 1 : 0); // unused
        } catch (Throwable t) {
            throw new IllegalStateException("MKL_Set_Num_Threads_Local failed", t);
        }
    }

    /** @return whether the running libtorch has MKL's thread-local setting */
    public static boolean available() {
        return SET_LOCAL != null;
    }
}
