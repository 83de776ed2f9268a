package dev.pinch.lm.cpu;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Small forward passes on the calling thread alone. libtorch splits an element-wise operation over its intra-op
 * threads from 32,768 elements up; a decoding step's or a short prompt's tensors are just past that, and with
 * {@code OMP_WAIT_POLICY=PASSIVE} every such operation wakes the sleeping OpenMP threads, which costs more than
 * the work (a batch of 8 × 64-token prompts through the built-in model's size took 34 ms in Pinch and 26 in PyTorch).
 * libtorch's OpenMP thread count is a per-thread setting ({@code omp_set_num_threads}), so {@link #small} sets it
 * to 1 for this thread until the returned scope closes, which restores it. Matrix products keep their own choice
 * ({@link MklThreads}). Where the running libtorch has no OpenMP runtime to find, it does nothing.
 */
public final class CallerThread {

    /** Forward passes whose widest activation has at most this many elements run on the calling thread. */
    public static final long SMALL_ELEMENTS = 1L << 18;
    private static final MethodHandle SET = LibTorch.function("omp_set_num_threads",
            FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
    private static final MethodHandle GET = LibTorch.function("omp_get_max_threads",
            FunctionDescriptor.of(ValueLayout.JAVA_INT));

    private CallerThread() {
    }

    /** A scope that restores this thread's OpenMP thread count. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs what follows on this thread alone when the forward pass is small.
     *
     * @param elements the widest activation of the forward pass (tokens × the widest layer)
     * @return the scope to close after the forward pass
     */
    public static Scope small(long elements) {
        if (SET == null || GET == null || elements > SMALL_ELEMENTS) {
            return () -> { };
        }
        try {
            int previous = (int) GET.invokeExact();
            SET.invokeExact(1);
            return () -> {
                try {
                    SET.invokeExact(previous);
                } catch (Throwable t) {
                    throw new IllegalStateException("omp_set_num_threads failed", t);
                }
            };
        } catch (Throwable t) {
            throw new IllegalStateException("omp_set_num_threads failed", t);
        }
    }
}
