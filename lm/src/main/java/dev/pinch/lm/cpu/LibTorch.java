package dev.pinch.lm.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * C functions of the libtorch_cpu.so this JVM has already loaded, or of the libraries it depends on (its MKL, its
 * OpenMP runtime): the library is found by its soname without loading anything, and a library handle's lookup
 * searches its dependencies too. Use only after libtorch is loaded.
 */
final class LibTorch {

    static final int RTLD_NOW = 2;
    static final int RTLD_NOLOAD = 4;
    private static final Linker LINKER = Linker.nativeLinker();

    private LibTorch() {
    }

    /**
     * @param name the C function
     * @param signature its signature
     * @return a handle to call it, or null when libtorch is not loaded or has no such function
     */
    static MethodHandle function(String name, FunctionDescriptor signature) {
        try {
            MemorySegment lib = MklAmdKernels.dlopen(Path.of("libtorch_cpu.so"), RTLD_NOW | RTLD_NOLOAD);
            if (lib.equals(MemorySegment.NULL)) {
                return null;
            }
            MemorySegment f = dlsym(lib, name);
            return f.equals(MemorySegment.NULL) ? null : LINKER.downcallHandle(f, signature);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code dlsym(handle, name)}: the symbol's address, or {@link MemorySegment#NULL}. */
    static MemorySegment dlsym(MemorySegment handle, String name) {
        MethodHandle dlsym = LINKER.downcallHandle(LINKER.defaultLookup().find("dlsym").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            return (MemorySegment) dlsym.invokeExact(handle, arena.allocateFrom(name));
        } catch (Throwable t) {
            throw new IllegalStateException("dlsym failed", t);
        }
    }
}
