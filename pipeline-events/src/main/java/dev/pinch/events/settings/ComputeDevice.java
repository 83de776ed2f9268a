package dev.pinch.events.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model trains or generates: the one device vocabulary of {@code training.device}, {@code eval.device} and
 * the evaluator's {@code pinch.evaluator.device}. Written {@code auto} (the first GPU when the engine sees one, else
 * the CPU), {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}; {@code cuda} and {@code cuda:N} read as
 * {@code gpu} and {@code gpu:N}, in any letter case. {@link #toString()} is the one spelling of each device
 * ({@code gpu:0} is {@code gpu}): what the config hash, checkpoints and eval plans record, and what JSON holds.
 *
 * @param kind AUTO, CPU or GPU
 * @param gpu  the GPU's index; 0 unless {@code kind} is GPU
 */
public record ComputeDevice(Kind kind, int gpu) {

    /** The kinds of device. */
    public enum Kind { AUTO, CPU, GPU }

    public static final ComputeDevice AUTO = new ComputeDevice(Kind.AUTO, 0);
    public static final ComputeDevice CPU = new ComputeDevice(Kind.CPU, 0);

    /** What may be written, for messages. */
    public static final String SPELLINGS = "auto, cpu, gpu or gpu:N (cuda, cuda:N alike)";

    private static final Pattern GPU = Pattern.compile("(?:gpu|cuda)(?::(\\d{1,4}))?");

    /** Checks that only a GPU has an index. */
    public ComputeDevice {
        if (kind == null || gpu < 0 || gpu > 0 && kind != Kind.GPU) {
            throw new IllegalArgumentException("not a device: " + kind + " " + gpu);
        }
    }

    /** The device a text names, or empty when it is none of the {@link #SPELLINGS}. */
    public static Optional<ComputeDevice> parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("auto") || s.equals("cpu")) {
            return Optional.of(s.equals("auto") ? AUTO : CPU);
        }
        Matcher m = GPU.matcher(s);
        return m.matches() ? Optional.of(new ComputeDevice(Kind.GPU, m.group(1) == null ? 0 : Integer.parseInt(m.group(1))))
                : Optional.empty();
    }

    /**
     * {@link #parse}, for configuration and JSON (SmallRye Config's implicit converter, Jackson's creator).
     *
     * @throws IllegalArgumentException when the text is none of the {@link #SPELLINGS}
     */
    @JsonCreator
    public static ComputeDevice of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "a device must be " + SPELLINGS + ", was " + text));
    }

    public boolean isGpu() {
        return kind == Kind.GPU;
    }

    /** The one spelling: {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
    @JsonValue
    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case CPU -> "cpu";
            case GPU -> gpu == 0 ? "gpu" : "gpu:" + gpu;
        };
    }
}
