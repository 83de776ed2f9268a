package dev.pinch.lm.cpu;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Lets Intel's oneMKL, which libtorch's CPU build links statically, use its AVX2 and AVX-512 kernels on AMD CPUs.
 *
 * <p>MKL picks its fast code paths only when its {@code mkl_serv_intel_cpu_true()} says the CPU is an Intel one;
 * on an AMD CPU it runs a generic path. On the 2-core AMD EPYC dev machine a 2048² fp32 matmul in libtorch 2.7.1
 * ran at 192 GFLOP/s on that path and at 408 GFLOP/s on MKL's own AVX-512 kernels (the instruction set is still
 * chosen from what CPUID reports, so a CPU without AVX-512 gets AVX2). libtorch_cpu.so exports that function and
 * binds it lazily, and the dynamic loader looks a symbol up in the process's global scope before the library's
 * own, so a library defining it that is loaded with {@code RTLD_GLOBAL} before the first matmul wins. This class
 * writes that library ({@link ReturnOneLibrary}, six bytes of code returning 1) into DJL's cache directory and
 * loads it; {@code dev.pinch.lm.Engines} does so once, before it loads libtorch.
 *
 * <p>Setting {@value #PROPERTY} (or {@value #ENV}): {@code auto}, the default, applies it on Linux x86-64 when
 * {@code /proc/cpuinfo} names AuthenticAMD; {@code off} leaves MKL as it is. Any other value is refused by name.
 */
public final class MklAmdKernels {

    /** The system property. */
    public static final String PROPERTY = "pinch.cpu.mkl-amd-kernels";
    /** The environment variable, read when the property is not set. */
    public static final String ENV = "PINCH_MKL_AMD_KERNELS";
    static final String SYMBOL = "mkl_serv_intel_cpu_true";
    private static final int RTLD_NOW = 2;
    private static final int RTLD_GLOBAL = 0x100;
    private static final System.Logger LOG = System.getLogger(MklAmdKernels.class.getName());

    /** What {@link #install} did. */
    public enum Outcome { ENABLED, OFF, NOT_AMD, UNSUPPORTED_PLATFORM, FAILED }

    private static Outcome outcome;

    private MklAmdKernels() {
    }

    /**
     * Reads the setting once: {@code auto} or {@code off}.
     *
     * @param property the system property's value, or null
     * @param env the environment variable's value, or null
     * @return true for auto
     * @throws IllegalArgumentException naming the setting for any other value
     */
    public static boolean enabled(String property, String env) {
        String v = property != null ? property : env != null ? env : "auto";
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(PROPERTY + " (" + ENV + "): must be auto or off, was '"
                    + (v.length() <= 24 ? v : v.length() + " characters") + "'");
        };
    }

    /**
     * Applies the setting of this JVM (at most once; later calls return the first outcome).
     *
     * @return what was done
     */
    public static synchronized Outcome install() {
        if (outcome == null) {
            outcome = apply(enabled(System.getProperty(PROPERTY), System.getenv(ENV)));
            LOG.log(outcome == Outcome.FAILED ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                    "MKL kernels on AMD: {0}", outcome);
        }
        return outcome;
    }

    private static Outcome apply(boolean enabled) {
        if (!enabled) {
            return Outcome.OFF;
        }
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Outcome.UNSUPPORTED_PLATFORM;
        }
        if (!vendor().orElse("").equals("AuthenticAMD")) {
            return Outcome.NOT_AMD;
        }
        return load(ai.djl.util.Utils.getCacheDir().resolve("pinch"));
    }

    /**
     * Writes the library into {@code dir} and loads it into the global scope: ENABLED, or FAILED (logged) when the
     * directory cannot be written or the loader refuses the library.
     */
    static Outcome load(Path dir) {
        try {
            Path lib = write(dir);
            MemorySegment handle = dlopen(lib, RTLD_NOW | RTLD_GLOBAL);
            if (handle.equals(MemorySegment.NULL)) {
                LOG.log(System.Logger.Level.WARNING, "cannot load {0}; MKL keeps its generic path on this AMD CPU", lib);
                return Outcome.FAILED;
            }
            LOG.log(System.Logger.Level.INFO, "AMD CPU: MKL uses its AVX2/AVX-512 kernels ({0}={1}; off to disable)",
                    PROPERTY, "auto");
            return Outcome.ENABLED;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "MKL kernels on AMD not enabled: " + e);
            return Outcome.FAILED;
        }
    }

    /** The CPU vendor from {@code /proc/cpuinfo}, if it names one. */
    static Optional<String> vendor() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("vendor_id")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the library once, named by its content, with an atomic move (several JVMs may start at once). */
    static Path write(Path dir) throws IOException {
        byte[] bytes = ReturnOneLibrary.bytes(SYMBOL);
        String name = "libpinch-" + SYMBOL.replace('_', '-') + "-"
                + HexFormat.of().formatHex(sha256(bytes), 0, 6) + ".so";
        Path lib = dir.resolve(name);
        if (!Files.isRegularFile(lib) || Files.size(lib) != bytes.length) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return lib;
    }

    /** {@code dlopen(path, flags)}; {@link MemorySegment#NULL} when the loader refuses it. */
    static MemorySegment dlopen(Path path, int flags) {
        Linker linker = Linker.nativeLinker();
        MethodHandle dlopen = linker.downcallHandle(linker.defaultLookup().find("dlopen").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            return (MemorySegment) dlopen.invokeExact(arena.allocateFrom(path.toString()), flags);
        } catch (Throwable t) {
            throw new IllegalStateException("dlopen failed", t);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
