package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.pinch.events.settings.TrainingSettings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression for NaN losses in a long-running trainer: DJL's {@code x.mul(Number)}/{@code x.div(Number)} wrap the
 * number in a tensor over a Java direct buffer and free it right after the call, but autograd keeps it for the
 * backward pass. A GC between forward and backward freed it, and backward read whatever reused the memory. Here
 * a GC runs and the freed memory is refilled with NaN between every forward and its backward: gradients, losses
 * and weights must be exactly those of an undisturbed run.
 */
class GcDuringBackwardTest {

    @TempDir
    Path tmp;

    private static final Map<String, Object> CONFIG = Map.of("maxSteps", 4, "batchSize", 4, "checkpointEvery", 0,
            "progressEvery", 1, "devEvery", 0, "warmupSteps", 1, "learningRate", 0.01);

    @Test
    void aGcBetweenForwardAndBackwardChangesNothing() throws Exception {
        TrainingSettings s = TrainingSettings.from(CONFIG);
        TrainingLoopTest.Recorder quiet = new TrainingLoopTest.Recorder(-1);
        float[][] expected;
        try (LlamaLm m = tiny(); var model = new Forwarding(m, (call, logits) -> logits)) {
            TrainingLoopTest.loop(model, s, tmp.resolve("quiet")).run(null, quiet, () -> false);
            expected = TrainingLoopTest.weights(m);
        }
        List<ByteBuffer> poison = new ArrayList<>();
        TrainingLoopTest.Recorder disturbed = new TrainingLoopTest.Recorder(-1);
        try (LlamaLm m = tiny(); var model = new Forwarding(m, (call, logits) -> {
            poison.clear();
            freeAndRefill(poison);
            return logits;
        })) {
            TrainingLoopTest.loop(model, s, tmp.resolve("gc")).run(null, disturbed, () -> false);
            assertThat(disturbed.lastProgress).allSatisfy(p -> assertThat(p.skippedSteps()).isZero());
            assertThat(disturbed.lastProgress).extracting(TrainingCallbacks.Progress::loss)
                    .containsExactlyElementsOf(quiet.lastProgress.stream().map(TrainingCallbacks.Progress::loss).toList());
            float[][] actual = TrainingLoopTest.weights(m);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).containsExactly(expected[i]);
            }
        }
    }

    /**
     * The runs above go through {@link Forwarding}, whose backward is the dense loss over every position. The model
     * itself runs the head at the targets only (half the positions here): the same losses, to float rounding.
     */
    @Test
    void theHeadAtTheTargetsOnlyTrainsAsTheDenseLossDoes() throws Exception {
        TrainingSettings s = TrainingSettings.from(CONFIG);
        TrainingLoopTest.Recorder dense = new TrainingLoopTest.Recorder(-1);
        try (LlamaLm m = tiny(); var model = new Forwarding(m, (call, logits) -> logits)) {
            TrainingLoopTest.loop(model, s, tmp.resolve("dense")).run(null, dense, () -> false);
        }
        TrainingLoopTest.Recorder targets = new TrainingLoopTest.Recorder(-1);
        try (LlamaLm m = tiny()) {
            TrainingLoopTest.loop(m, s, tmp.resolve("targets")).run(null, targets, () -> false);
        }
        assertThat(targets.lastProgress).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(targets.lastProgress.get(i).loss()).as("step " + (i + 1))
                    .isCloseTo(dense.lastProgress.get(i).loss(), org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void aScalarFromGradientsSurvivesAGc() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.create(new float[] {1f, 2f, 3f}, new Shape(3));
            x.setRequiresGradient(true);
            List<ByteBuffer> poison = new ArrayList<>();
            try (var mode = Gradients.recording(true)) {
                NDArray y = x.div(Gradients.scalar(manager, 4)).sum();
                freeAndRefill(poison);
                Gradients.backward(y);
            }
            assertThat(x.getGradient().toFloatArray()).containsExactly(0.25f, 0.25f, 0.25f);
        }
    }

    /** Collects garbage (so freed direct buffers are released) and fills reused small allocations with NaN. */
    static void freeAndRefill(List<ByteBuffer> keep) {
        for (int round = 0; round < 2; round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < 4000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + 4 * (i % 4)).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 4) {
                b.putFloat(Float.NaN);
            }
            keep.add(b);
        }
    }

    private static LlamaLm tiny() {
        return LlamaLm.create(DjlTrainingEngineTest.TINY, Device.cpu(), 3);
    }
}
