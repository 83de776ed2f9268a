package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaConfigTest {

    @TempDir
    Path tmp;

    private Path config(String json) throws IOException {
        Path p = tmp.resolve("config.json");
        Files.writeString(p, json);
        return p;
    }

    private static final String SIZES = "\"hidden_size\": 64, \"intermediate_size\": 128, \"num_hidden_layers\": 2,"
            + " \"num_attention_heads\": 4, \"vocab_size\": 100";

    @Test
    void readsQwen2WithDefaultsAndBias() throws IOException {
        LlamaConfig c = LlamaConfig.read(TestData.golden("qwen2").resolve("config.json"));
        assertThat(c.architecture()).isEqualTo("Qwen2ForCausalLM");
        assertThat(c.attentionBias()).isTrue();
        assertThat(c.outputBias()).isFalse();
        assertThat(c.tieWordEmbeddings()).isTrue();
        assertThat(c.numKeyValueHeads()).isEqualTo(1);
        assertThat(c.headDim()).isEqualTo(48 / 6);
        assertThat(c.ropeTheta()).isEqualTo(1_000_000.0);
        assertThat(c.eosTokenId()).isEqualTo(100);
    }

    @Test
    void defaultsKvHeadsAndHeadDim() throws IOException {
        LlamaConfig c = LlamaConfig.read(config("{\"architectures\": [\"LlamaForCausalLM\"], " + SIZES
                + ", \"eos_token_id\": [7, 8]}"));
        assertThat(c.numKeyValueHeads()).isEqualTo(4);
        assertThat(c.headDim()).isEqualTo(16);
        assertThat(c.eosTokenIds()).containsExactly(7, 8);
        assertThat(c.rmsNormEps()).isEqualTo(1e-6);
        assertThat(c.attentionBias()).isFalse();
    }

    @Test
    void mistralSlidesEveryLayerWhenItHasAWindowAndQwenRefusesOne() throws IOException {
        LlamaConfig c = LlamaConfig.read(config("{\"architectures\": [\"MistralForCausalLM\"], " + SIZES
                + ", \"sliding_window\": null}"));
        assertThat(c.modelType()).isEqualTo("mistral");
        assertThat(c.options().anySliding()).isFalse();
        LlamaConfig w = LlamaConfig.read(config("{\"architectures\": [\"MistralForCausalLM\"], " + SIZES
                + ", \"sliding_window\": 4096}"));
        assertThat(w.options().slidingLayers()).containsExactly(true, true);
        assertThat(w.options().slidingWindow()).isEqualTo(4096);
        assertThatThrownBy(() -> LlamaConfig.read(config("{\"architectures\": [\"Qwen2ForCausalLM\"], " + SIZES
                + ", \"use_sliding_window\": true, \"sliding_window\": 4096}"))).hasMessageContaining("use_sliding_window=true");
    }

    @Test
    void rejectsOtherArchitecturesAndFeatures() {
        assertThatThrownBy(() -> LlamaConfig.read(config("{\"architectures\": [\"PhiForCausalLM\"], " + SIZES + "}")))
                .hasMessageContaining("PhiForCausalLM").hasMessageContaining("LlamaForCausalLM");
        assertThatThrownBy(() -> LlamaConfig.read(config("{\"architectures\": [\"LlamaForCausalLM\"], " + SIZES
                + ", \"rope_scaling\": {\"rope_type\": \"longrope\", \"factor\": 2}}")))
                .hasMessageContaining("rope_type=\"longrope\"");
        assertThatThrownBy(() -> LlamaConfig.read(config("{\"architectures\": [\"LlamaForCausalLM\"], " + SIZES
                + ", \"hidden_act\": \"gelu\"}"))).hasMessageContaining("hidden_act");
        assertThatThrownBy(() -> LlamaConfig.read(config("{\"architectures\": [\"LlamaForCausalLM\"], "
                + "\"hidden_size\": 64, \"num_attention_heads\": 4}"))).hasMessageContaining("missing required key");
        assertThatThrownBy(() -> LlamaConfig.read(config("{\"architectures\": [\"LlamaForCausalLM\"], " + SIZES
                + ", \"num_key_value_heads\": 3}"))).hasMessageContaining("num_key_value_heads");
    }

    @Test
    void writeKeepsFamilyAndUnknownKeysAndRoundTrips() throws IOException {
        LlamaConfig c = LlamaConfig.read(config("{\"architectures\": [\"Qwen2ForCausalLM\"], " + SIZES
                + ", \"max_window_layers\": 28, \"use_sliding_window\": false, \"sliding_window\": 4096,"
                + " \"rope_theta\": 1000000.0, \"torch_dtype\": \"bfloat16\"}"));
        Path out = tmp.resolve("out.json");
        c.write(out);
        JsonObject o = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertThat(o.get("architectures").getAsJsonArray().get(0).getAsString()).isEqualTo("Qwen2ForCausalLM");
        assertThat(o.get("model_type").getAsString()).isEqualTo("qwen2");
        assertThat(o.get("max_window_layers").toString()).isEqualTo("28"); // an int stays an int
        assertThat(o.get("torch_dtype").getAsString()).isEqualTo("bfloat16");
        assertThat(LlamaConfig.read(out)).isEqualTo(c);
    }

    @Test
    void builtInLlamaConfigRoundTrips() {
        LlamaConfig c = LlamaConfig.llama(64, 176, 2, 4, 2, 258, 256, null, 256, 257);
        Path out = tmp.resolve("config.json");
        c.write(out);
        assertThat(LlamaConfig.read(out)).isEqualTo(c);
        assertThat(c.eosTokenIds()).isEqualTo(List.of(256));
    }
}
