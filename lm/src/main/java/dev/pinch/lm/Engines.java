package dev.pinch.lm;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.pinch.lm.cpu.MklAmdKernels;
import java.util.Locale;

/**
 * Entry point to DJL's PyTorch engine for everything in {@code dev.pinch.lm}.
 *
 * <p>Loading this class sets {@code ai.djl.offline=true} before any DJL class looks at it, so nothing is
 * ever downloaded: libtorch and its JNI come from the pinned {@code pytorch-native-cpu} and
 * {@code pytorch-jni} jars and are extracted once into DJL's cache ({@code ~/.djl.ai}, or
 * {@code DJL_CACHE_DIR}). Note that an environment variable {@code DJL_OFFLINE} takes precedence over
 * the system property in DJL; do not set it to {@code false}. Every public factory in this package
 * goes through {@link #engine()}. Before libtorch loads, {@link MklAmdKernels} lets MKL use its fast kernels
 * on AMD CPUs ({@code pinch.cpu.mkl-amd-kernels}, default {@code auto}).
 */
public final class Engines {

    /** The DJL engine name used by Pinch. */
    public static final String ENGINE_NAME = "PyTorch";

    static {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        MklAmdKernels.install();
    }

    private Engines() {}

    /**
     * Returns DJL's PyTorch engine, loading the native libraries on first use (offline).
     *
     * @return the PyTorch engine
     */
    public static Engine engine() {
        return Engine.getEngine(ENGINE_NAME);
    }

    /**
     * Creates a new root manager on a device; close it to free everything created in it.
     *
     * @param device the device
     * @return a new manager
     */
    public static NDManager newManager(Device device) {
        return engine().newBaseManager(device);
    }

    /**
     * Parses a device: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N}, or {@code auto} (the
     * first GPU when the engine sees one, else the CPU).
     *
     * @param spec the device string
     * @return the device
     */
    public static Device device(String spec) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || "auto".equals(s)) {
            return engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        }
        if ("cpu".equals(s)) {
            return Device.cpu();
        }
        if ("gpu".equals(s) || "cuda".equals(s)) {
            return Device.gpu();
        }
        if (s.startsWith("gpu:") || s.startsWith("cuda:")) {
            return Device.gpu(Integer.parseInt(s.substring(s.indexOf(':') + 1)));
        }
        throw new IllegalArgumentException("Unknown device '" + spec + "': use cpu, gpu, gpu:N or auto");
    }

    /**
     * Describes the loaded engine for logs and checkpoint metadata, e.g. {@code PyTorch 2.7.1, 2 GPUs}.
     *
     * @return a one-line description
     */
    public static String describe() {
        Engine e = engine();
        return e.getEngineName() + ' ' + e.getVersion() + ", " + e.getGpuCount() + " GPU(s)";
    }
}
