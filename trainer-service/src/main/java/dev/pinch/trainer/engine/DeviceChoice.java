package dev.pinch.trainer.engine;

import ai.djl.Device;

import dev.pinch.events.settings.ComputeDevice;
import dev.pinch.events.settings.Precision;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.lm.Engines;

/**
 * Where a run trains and in which precision; both end up in every checkpoint's trainer_state.json.
 *
 * <p>The settings' {@link ComputeDevice}: {@code auto} takes GPU 0 when DJL's engine reports a GPU
 * ({@code getGpuCount() > 0}), else the CPU; {@code gpu} and {@code gpu:N} require that GPU; {@code cpu} never uses
 * one.
 *
 * <p>Precision: {@code bf16} (asked for, or {@code auto} on a GPU) needs bfloat16 tensors, which DJL
 * 0.35.1's PyTorch JNI cannot hold (creating one aborts the JVM; see the {@code lm} module), so every
 * run currently trains in fp32 and records {@code fp32}. {@link #BF16_SUPPORTED} is the single switch to
 * flip when the engine gains bfloat16: the optimizer already keeps fp32 master weights for parameters
 * that are not fp32.
 *
 * @param device    the DJL device
 * @param precision {@code fp32} or {@code bf16}
 * @param note      why the precision differs from the one asked for, or null
 */
record DeviceChoice(Device device, String precision, String note) {

    static final boolean BF16_SUPPORTED = false;

    static DeviceChoice resolve(TrainingSettings settings) {
        int gpus = Engines.engine().getGpuCount();
        ComputeDevice asked = settings.device();
        Device device = switch (asked.kind()) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (asked.gpu() >= gpus) {
                    throw new IllegalStateException("training.device=" + asked + ", but " + Engines.describe()
                            + ": the engine has no GPU " + asked.gpu());
                }
                yield Device.gpu(asked.gpu());
            }
            case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
        };
        Precision precision = settings.precision();
        boolean wantsBf16 = precision == Precision.BF16 || precision == Precision.AUTO && device.isGpu();
        if (!wantsBf16) {
            return new DeviceChoice(device, "fp32", null);
        }
        if (!device.isGpu()) {
            return new DeviceChoice(device, "fp32", "bf16 is only used on a GPU; training in fp32 on the CPU");
        }
        if (!BF16_SUPPORTED) {
            return new DeviceChoice(device, "fp32", "DJL 0.35.1's PyTorch JNI has no bfloat16; training in fp32");
        }
        return new DeviceChoice(device, "bf16", null);
    }

    /** How the device is recorded, e.g. {@code cpu()} or {@code gpu(0)}. */
    String name() {
        return device.toString();
    }
}
