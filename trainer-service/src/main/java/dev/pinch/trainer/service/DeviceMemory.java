package dev.pinch.trainer.service;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import dev.pinch.lm.Engines;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Device memory gauges, {@code pinch_trainer_device_memory_used_bytes{device}}: for {@code cpu} the process's
 * resident set (JVM heap plus the native tensors of the CPU engine), for each {@code gpu(N)} CUDA's used memory as
 * DJL reports it (registered when the first run starts, only where the engine sees GPUs).
 */
final class DeviceMemory {

    private static final Logger LOG = Logger.getLogger(DeviceMemory.class);
    private static final String NAME = "pinch.trainer.device.memory.used";

    private DeviceMemory() {
    }

    /** The {@code cpu} gauge. */
    static void register(MeterRegistry registry) {
        Gauge.builder(NAME, DeviceMemory::residentBytes).baseUnit("bytes").tag("device", "cpu")
                .description("Memory used on the training device").register(registry);
    }

    /** One gauge per GPU the DJL engine sees; called when the first run starts, as the engine loads anyway. */
    static void registerGpus(MeterRegistry registry) {
        try {
            int gpus = Engines.engine().getGpuCount();
            for (int i = 0; i < gpus; i++) {
                Device gpu = Device.gpu(i);
                Gauge.builder(NAME, () -> CudaUtils.getGpuMemory(gpu).getUsed()).baseUnit("bytes")
                        .tag("device", gpu.toString()).description("Memory used on the training device")
                        .register(registry);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("no GPU memory gauges: %s", e.toString());
        }
    }

    /** VmRSS of /proc/self/status in bytes; NaN where there is no procfs. */
    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
