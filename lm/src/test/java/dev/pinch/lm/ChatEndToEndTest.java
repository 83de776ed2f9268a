package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFT and evaluation through the chat template, end to end, on a tiny Qwen3-shaped model (q/k norm, explicit
 * head_dim, tied embeddings) with the real Qwen3 tokenizer and template: 60 Adam steps on two conversations, the
 * loss on the template's assistant turns, a save and a load, then greedy generation from the template's generation prompt that stops at
 * its end-of-turn token and answers what it was taught.
 */
class ChatEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void trainsOnTheAssistantTurnAndAnswersThroughTheTemplate() throws IOException {
        Path dir = ChatFormatTest.qwen3Dir(tmp);
        ChatFormat chat = ChatFormat.load(dir);
        Path configFile = tmp.resolve("tiny.json");
        Files.writeString(configFile, "{\"architectures\": [\"Qwen3ForCausalLM\"], \"hidden_size\": 32,"
                + " \"intermediate_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"num_key_value_heads\": 2,"
                + " \"head_dim\": 16, \"vocab_size\": 151669, \"max_position_embeddings\": 128, \"rope_theta\": 1000000.0,"
                + " \"tie_word_embeddings\": true, \"eos_token_id\": 151645, \"initializer_range\": 0.05}");
        LlamaConfig config = LlamaConfig.read(configFile);
        assertThat(config.options().qkNorm()).isTrue();
        List<String[]> data = List.of(new String[] {"Say hello in Spanish.", "Hola"},
                new String[] {"Say thanks in French.", "Merci"});
        try (PinchTokenizer tok = PinchTokenizer.load(dir.resolve("tokenizer.json"))) {
            float first = Float.NaN;
            float last = Float.NaN;
            try (LlamaModel model = LlamaModel.create(config, Device.cpu(), 3)) {
                model.parameters().values().forEach(p -> p.setRequiresGradient(true));
                List<PromptFormat.Encoded> examples = data.stream().map(d -> chat.encodeExample(tok, d[0], d[1], 64)).toList();
                for (int i = 0; i < data.size(); i++) {
                    assertThat(examples.get(i).responseTokens()).as("the answer, <|im_end|> and its newline")
                            .isEqualTo(tok.encode(data.get(i)[1]).length + 2);
                }
                int t = examples.stream().mapToInt(PromptFormat.Encoded::length).max().orElseThrow();
                int[] ids = new int[2 * t];
                int[] mask = new int[2 * t];
                java.util.Arrays.fill(ids, tok.padId());
                for (int i = 0; i < 2; i++) {
                    System.arraycopy(examples.get(i).ids(), 0, ids, i * t, examples.get(i).length());
                    System.arraycopy(examples.get(i).responseMask(), 0, mask, i * t, examples.get(i).length());
                }
                // the trainer's loss (summed over the response tokens, the next token's target weights shifted in)
                int targets = 0;
                for (int i = 0; i < 2; i++) {
                    for (int j = 1; j < t; j++) {
                        targets += mask[i * t + j];
                    }
                }
                Map<String, NDArray[]> adam = new java.util.HashMap<>();
                for (int step = 1; step <= 60; step++) {
                    try (NDManager m = model.manager().newSubManager()) {
                        NDArray in = m.create(ids, new Shape(2, t));
                        float loss;
                        try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                            NDArray l = MaskedLmLoss.nllSum(model.forward(in), in.toType(DataType.INT64, false),
                                    m.create(mask, new Shape(2, t)).toType(DataType.FLOAT32, false));
                            gc.backward(l);
                            loss = l.getFloat() / targets;
                        }
                        first = Float.isNaN(first) ? loss : first;
                        last = loss;
                        for (Map.Entry<String, NDArray> p : model.parameters().entrySet()) {
                            NDArray[] mv = adam.computeIfAbsent(p.getKey(), k -> new NDArray[] {
                                model.manager().zeros(p.getValue().getShape()), model.manager().zeros(p.getValue().getShape())});
                            try (NDArray g = p.getValue().getGradient(); NDManager u = model.manager().newSubManager()) {
                                g.attach(u);
                                mv[0].muli(0.9f).addi(g.mul(0.1f));
                                mv[1].muli(0.999f).addi(g.square().mul(0.001f));
                                NDArray mHat = mv[0].div(1 - Math.pow(0.9, step));
                                NDArray vHat = mv[1].div(1 - Math.pow(0.999, step));
                                p.getValue().subi(mHat.div(vHat.sqrt().add(1e-8f)).mul(0.01f));
                            }
                        }
                        model.parameters().values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p));
                    }
                }
                model.save(tmp.resolve("tuned"));
            }
            assertThat(last).as("loss falls from %s", first).isLessThan(first / 4);
            Files.copy(dir.resolve("tokenizer_config.json"), tmp.resolve("tuned/tokenizer_config.json"));
            ChatFormat evalFormat = (ChatFormat) PromptEncoder.of(PromptEncoder.CHAT, tmp.resolve("tuned"));
            try (LlamaModel tuned = LlamaModel.load(tmp.resolve("tuned"), Device.cpu())) {
                List<int[]> prompts = data.stream().map(d -> evalFormat.encodePrompt(tok, d[0])).toList();
                GenerationOptions options = new GenerationOptions(8, 0f, 1f, 0, true, evalFormat.stopIds(tok), tok.padId());
                List<int[]> out = new Generator(tuned).generate(prompts, options);
                for (int i = 0; i < data.size(); i++) {
                    assertThat(out.get(i).length).as("stopped at <|im_end|>").isLessThan(8);
                    assertThat(evalFormat.response(tok.decode(out.get(i), true))).isEqualTo(data.get(i)[1]);
                }
            }
        }
    }

}
