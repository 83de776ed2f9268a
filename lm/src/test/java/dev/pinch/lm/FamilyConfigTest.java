package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real config.json of each family (src/test/resources/configs, sources in its README.md) parses to the
 * settings transformers uses; transformers-5 re-saves of them parse to the same settings; every key that could
 * change the forward and is not implemented is refused by name and value; load, save, load is the identity.
 */
class FamilyConfigTest {

    @TempDir
    Path tmp;

    static LlamaConfig real(String name) {
        return LlamaConfig.read(TestData.resource("configs/" + name + ".json"));
    }

    /** The settings of a config: everything but the neutral keys kept for writing back. */
    static LlamaConfig settings(LlamaConfig c) {
        return new LlamaConfig(c.architecture(), c.modelType(), c.hiddenSize(), c.intermediateSize(),
                c.numHiddenLayers(), c.numAttentionHeads(), c.numKeyValueHeads(), c.headDim(), c.vocabSize(),
                c.maxPositionEmbeddings(), c.rmsNormEps(), c.rope(), c.tieWordEmbeddings(), c.attentionBias(),
                c.outputBias(), c.mlpBias(), c.options(), c.bosTokenId(), c.eosTokenIds(), c.padTokenId(),
                c.torchDtype(), Map.of());
    }

    @Test
    void llama32UsesLlama3RopeScaling() {
        LlamaConfig c = real("llama-3.2-1b-instruct");
        assertThat(c.rope()).isEqualTo(new RopeSpec("llama3", 500000.0, 32.0, 8192, 1.0, 4.0, 0, 0, 1, true));
        assertThat(c.tieWordEmbeddings()).isTrue();
        assertThat(c.headDim()).isEqualTo(64);
        assertThat(c.options()).isEqualTo(DecoderOptions.llama(64));
        assertThat(c.rmsNormEps()).isEqualTo(1e-5);
    }

    @Test
    void qwen3HasQkNormAndAnExplicitHeadDim() {
        LlamaConfig c = real("qwen3-0.6b");
        assertThat(c.architecture()).isEqualTo("Qwen3ForCausalLM");
        assertThat(c.headDim()).isEqualTo(128).isNotEqualTo(c.hiddenSize() / c.numAttentionHeads());
        assertThat(c.options().qkNorm()).isTrue();
        assertThat(c.attentionBias()).isFalse();
        assertThat(c.outputBias()).isFalse();
        assertThat(c.options().anySliding()).isFalse();
        assertThat(c.rope()).isEqualTo(RopeSpec.plain(1_000_000));
        assertThat(c.extra()).containsEntry("max_window_layers", 28L);
    }

    @Test
    void gemma2AlternatesSlidingLayersAndSoftCaps() {
        LlamaConfig c = real("gemma-2-2b-it");
        DecoderOptions o = c.options();
        assertThat(o.offsetNorm() && o.scaleEmbedding() && o.sandwichNorms()).isTrue();
        assertThat(o.qkNorm()).isFalse();
        assertThat(o.activation()).isEqualTo(DecoderOptions.Activation.GELU_TANH);
        assertThat(o.attnSoftcap()).isEqualTo(50.0);
        assertThat(o.finalSoftcap()).isEqualTo(30.0);
        assertThat(o.queryPreAttnScalar()).isEqualTo(256.0);
        assertThat(o.slidingWindow()).isEqualTo(4096);
        assertThat(o.slidingLayers()).hasSize(26).startsWith(true, false, true, false);
        assertThat(o.localRope()).isNull();
        assertThat(c.tieWordEmbeddings()).isTrue(); // Gemma's default
        assertThat(c.eosTokenIds()).containsExactly(1, 107);
    }

    @Test
    void gemma3HasQkNormALocalRopeAndEverySixthLayerGlobal() {
        LlamaConfig c = real("gemma-3-1b-it");
        DecoderOptions o = c.options();
        assertThat(o.qkNorm() && o.offsetNorm() && o.sandwichNorms()).isTrue();
        assertThat(o.attnSoftcap()).isZero();
        assertThat(o.finalSoftcap()).isZero();
        assertThat(o.slidingWindow()).isEqualTo(512);
        for (int i = 0; i < 26; i++) {
            assertThat(o.sliding(i)).as("layer %d", i).isEqualTo((i + 1) % 6 != 0);
        }
        assertThat(c.rope()).isEqualTo(RopeSpec.plain(1_000_000));
        assertThat(o.localRope()).isEqualTo(RopeSpec.plain(10_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-3.2-1b-instruct", "gemma-3-1b-it", "qwen3-0.6b"})
    void aTransformers5ResaveHasTheSameSettings(String name) throws IOException {
        Path v5 = TestData.resource("configs/" + name + ".transformers5.json");
        assertThat(Files.readString(v5)).contains("\"rope_parameters\"").contains("\"transformers_version\": \"5.");
        assertThat(settings(LlamaConfig.read(v5))).isEqualTo(settings(real(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-3.2-1b-instruct", "gemma-2-2b-it", "gemma-3-1b-it", "qwen3-0.6b",
        "gemma-3-1b-it.transformers5", "llama-3.2-1b-instruct.transformers5"})
    void loadSaveLoadIsTheIdentityAndWritesNoKeyTwice(String name) throws IOException {
        LlamaConfig c = real(name);
        Path out = tmp.resolve("config.json");
        c.write(out);
        assertThat(LlamaConfig.read(out)).isEqualTo(c);
        JsonObject o = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertThat(o.has("rope_parameters")).as("one rope layout only").isFalse();
        assertThat(o.has("dtype") && o.has("torch_dtype")).isFalse();
        assertThat(o.has("_sliding_window_pattern")).isFalse();
        assertThat(o.get("rope_theta").getAsDouble()).isEqualTo(c.ropeTheta());
    }

    @Test
    void transformers5RopeParametersAreReadNotDefaulted() throws IOException {
        LlamaConfig c = LlamaConfig.read(config("\"rope_parameters\": {\"rope_type\": \"default\", \"rope_theta\": 1000000.0}"));
        assertThat(c.ropeTheta()).isEqualTo(1_000_000.0);
        LlamaConfig written = roundTrip(c);
        assertThat(written.ropeTheta()).isEqualTo(1_000_000.0);
    }

    @Test
    void silentCasesAreNamedRefusals() {
        assertThatThrownBy(() -> LlamaConfig.read(config("\"rope_theta\": null")))
                .hasMessageContaining("rope_theta=null");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"rope_theta\": 0"))).hasMessageContaining("rope_theta=0");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"rope_theta\": -5.0"))).hasMessageContaining("rope_theta=-5.0");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"rope_parameters\": {\"rope_type\": \"default\", \"rope_theta\": null}")))
                .hasMessageContaining("rope_theta=null");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"rope_theta\": 10000.0, \"rope_parameters\": {\"rope_type\": \"default\", \"rope_theta\": 500000.0}")))
                .hasMessageContaining("rope_parameters").hasMessageContaining("contradicts");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"rope_scaling\": {\"rope_type\": \"longrope\", \"factor\": 4}")))
                .hasMessageContaining("rope_type=\"longrope\"");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"attn_logit_softcapping\": 50.0")))
                .hasMessageContaining("attn_logit_softcapping=50.0").hasMessageContaining("LlamaForCausalLM");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"partial_rotary_factor\": 0.5")))
                .hasMessageContaining("partial_rotary_factor=0.5");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4, \"mscale\": 0.7, \"original_max_position_embeddings\": 64}")))
                .hasMessageContaining("mscale=0.7");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"quantization_config\": {\"bits\": 4}")))
                .hasMessageContaining("quantization_config={\"bits\":4}");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"attention_dropout\": 0.1")))
                .hasMessageContaining("attention_dropout=0.1");
        assertThatThrownBy(() -> LlamaConfig.read(config("\"sliding_window\": 128")))
                .hasMessageContaining("sliding_window=128");
    }

    @Test
    void nullFeatureKeysAndNeutralKeysAreKept() throws IOException {
        LlamaConfig c = LlamaConfig.read(config("\"attn_logit_softcapping\": null, \"use_cache\": false, \"attention_dropout\": 0.0"));
        assertThat(c.extra()).containsKeys("attn_logit_softcapping", "use_cache", "attention_dropout");
        assertThat(roundTrip(c)).isEqualTo(c);
    }

    @Test
    void gemma3RefusesBidirectionalAttentionAndTheMultimodalModel() throws IOException {
        String gemma = Files.readString(TestData.resource("configs/gemma-3-1b-it.json"));
        Path bidi = tmp.resolve("bidi.json");
        Files.writeString(bidi, gemma.replace("\"use_cache\": true", "\"use_bidirectional_attention\": true"));
        assertThatThrownBy(() -> LlamaConfig.read(bidi)).hasMessageContaining("use_bidirectional_attention=true");
        Path mm = tmp.resolve("mm.json");
        Files.writeString(mm, gemma.replace("Gemma3ForCausalLM", "Gemma3ForConditionalGeneration"));
        assertThatThrownBy(() -> LlamaConfig.read(mm)).hasMessageContaining("Gemma3ForConditionalGeneration")
                .hasMessageContaining("text model");
        Path pattern = tmp.resolve("pattern.json");
        Files.writeString(pattern, gemma.replace("\"use_cache\": true", "\"layer_types\": "
                + Collections.nCopies(26, "\"full_attention\"")));
        assertThatThrownBy(() -> LlamaConfig.read(pattern)).hasMessageContaining("layer_types")
                .hasMessageContaining("contradicts");
    }

    private LlamaConfig roundTrip(LlamaConfig c) {
        Path out = tmp.resolve("rt.json");
        c.write(out);
        return LlamaConfig.read(out);
    }

    private Path config(String extra) throws IOException {
        Path p = tmp.resolve("config-" + Math.abs(extra.hashCode()) + ".json");
        Files.writeString(p, "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64, \"intermediate_size\": 128,"
                + " \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"vocab_size\": 100, " + extra + "}");
        return p;
    }

}
