package dev.pinch.lm.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
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
    private static final MethodHandle[] OMP = find();

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
        if (OMP == null || elements > SMALL_ELEMENTS) {
            return () -> { };
        }
        try {
            int previous = (int) OMP[1].invokeExact();
            OMP[0].invokeExact(1);
            return () -> {
                try {
                    OMP[0].invokeExact(previous);
                } catch (Throwable t) {
                    throw new IllegalStateException("omp_set_num_threads failed", t);
                }
            };
        } catch (Throwable t) {
            throw new IllegalStateException("omp_set_num_threads failed", t);
        }
    }

    /** {omp_set_num_threads, omp_get_max_threads} of the OpenMP runtime libtorch_cpu.so uses, or null. */
    private static MethodHandle[] find() {
        try {
            Linker linker = Linker.nativeLinker();
            MemorySegment lib = MklAmdKernels.dlopen(java.nio.file.Path.of("libtorch_cpu.so"), 2 | 4); // NOW|NOLOAD
            if (lib.equals(MemorySegment.NULL)) {
                return null;
            }
            MethodHandle dlsym = linker.downcallHandle(linker.defaultLookup().find("dlsym").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            MemorySegment set;
            MemorySegment get;
            try (Arena arena = Arena.ofConfined()) { // a library handle searches its dependencies too
                set = (MemorySegment) dlsym.invokeExact(lib, arena.allocateFrom("omp_set_num_threads"));
                get = (MemorySegment) dlsym.invokeExact(lib, arena.allocateFrom("omp_get_max_threads"));
            }
            if (set.equals(MemorySegment.NULL) || get.equals(MemorySegment.NULL)) {
                return null;
            }
            return new MethodHandle[] {linker.downcallHandle(set, FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT)),
                linker.downcallHandle(get, FunctionDescriptor.of(ValueLayout.JAVA_INT))};
        } catch (Throwable t) {
            return null;
        }
    }
}
