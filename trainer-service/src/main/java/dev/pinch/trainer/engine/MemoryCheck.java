package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;
import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;

import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.LoraSpec;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, before any weight is loaded, a run whose {@link MemoryEstimate} exceeds the memory it may use: the
 * settings' {@code memoryLimitGb} when set, else the device's memory (physical memory for the CPU, the GPU's
 * total memory). The message gives the estimate, its parts and the settings that would fit.
 */
final class MemoryCheck {

    private MemoryCheck() {
    }

    /** Throws {@link InsufficientMemoryException} when the run does not fit. */
    static void require(LlamaConfig c, TrainingSettings s, Device device) {
        long limit = s.memoryLimitGb() > 0 ? (long) (s.memoryLimitGb() * 1e9) : deviceMemory(device);
        LoraSpec lora = LoraSpecs.of(s.lora());
        MemoryEstimate e = MemoryEstimate.of(c, s.batchSize(), s.maxSeqLen(), lora, s.gradientCheckpointing());
        if (limit <= 0 || e.total() <= limit) {
            return;
        }
        String where = s.memoryLimitGb() > 0 ? "the memoryLimitGb of " + MemoryEstimate.gb(limit)
                : device + "'s " + MemoryEstimate.gb(limit);
        throw new InsufficientMemoryException("estimated peak memory " + e.describe() + " exceeds " + where
                + "; options: " + String.join("; ", options(c, s, limit)));
    }

    private static List<String> options(LlamaConfig c, TrainingSettings s, long limit) {
        List<String> out = new ArrayList<>();
        LoraSpec lora = LoraSpecs.of(s.lora());
        LoraSpec lora16 = new LoraSpec(16, 32, 0, LoraSpec.ALL_PROJECTIONS);
        if (!s.gradientCheckpointing()) {
            out.add(option("gradientCheckpointing: true", c, s.batchSize(), s.maxSeqLen(), lora, true, limit));
        }
        if (s.lora() == null) {
            out.add(option("lora: {rank: 16}", c, s.batchSize(), s.maxSeqLen(), lora16, s.gradientCheckpointing(),
                    limit));
            out.add(option("lora: {rank: 16} with gradientCheckpointing: true", c, s.batchSize(), s.maxSeqLen(),
                    lora16, true, limit));
        }
        for (int b = s.batchSize() / 2; b >= 1; b /= 2) {
            MemoryEstimate e = MemoryEstimate.of(c, b, s.maxSeqLen(), lora, s.gradientCheckpointing());
            if (e.total() <= limit || b == 1) {
                out.add(option("batchSize: " + b + ", gradAccumulation: " + s.gradAccumulation() * s.batchSize() / b
                        + " (the same effective batch)", c, b, s.maxSeqLen(), lora, s.gradientCheckpointing(),
                        limit));
                break;
            }
        }
        out.add("memoryLimitGb: a larger cap, if the device has the memory");
        return out;
    }

    private static String option(String what, LlamaConfig c, int batch, int seqLen, LoraSpec lora, boolean ckpt,
            long limit) {
        long total = MemoryEstimate.of(c, batch, seqLen, lora, ckpt).total();
        return what + " (" + MemoryEstimate.gb(total) + (total <= limit ? ", fits)" : ", still too much)");
    }

    static long deviceMemory(Device device) {
        if (device.isGpu()) {
            return CudaUtils.getGpuMemory(device).getMax();
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }
}
