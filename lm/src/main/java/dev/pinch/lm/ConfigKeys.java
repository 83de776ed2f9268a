package dev.pinch.lm;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The allow-list of {@code config.json} keys known not to change the forward pass (bookkeeping, generation
 * defaults, initialisation), and the refusal of every other key a family did not read.
 */
final class ConfigKeys {

    /** Keys whose value cannot change the logits or the gradients Pinch computes. */
    static final Set<String> NEUTRAL = Set.of("_name_or_path", "transformers_version", "use_cache", "initializer_range",
            "cache_implementation", "tokenizer_class", "return_dict", "output_hidden_states",
            "output_attentions", "torchscript", "use_bfloat16", "tf_legacy_loss", "pruned_heads",
            "chunk_size_feed_forward", "is_encoder_decoder", "is_decoder", "add_cross_attention",
            "tie_encoder_decoder", "max_length", "min_length", "do_sample", "early_stopping", "num_beams",
            "num_beam_groups", "diversity_penalty", "temperature", "top_k", "top_p", "typical_p", "repetition_penalty",
            "length_penalty", "no_repeat_ngram_size", "encoder_no_repeat_ngram_size", "bad_words_ids",
            "num_return_sequences", "output_scores", "return_dict_in_generate", "forced_bos_token_id",
            "forced_eos_token_id", "remove_invalid_values", "exponential_decay_length_penalty", "suppress_tokens",
            "begin_suppress_tokens", "finetuning_task", "id2label", "label2id", "prefix", "sep_token_id",
            "decoder_start_token_id", "task_specific_params", "problem_type", "model_max_length", "use_return_dict",
            "_attn_implementation_autoset", "_attn_implementation", "attn_implementation");

    /** Keys that are neutral only at this value (they would change training or the forward otherwise). */
    private static final Map<String, Double> NEUTRAL_AT = Map.of("attention_dropout", 0.0, "pretraining_tp", 1.0);

    private ConfigKeys() {}

    /**
     * The keys nothing read: null-valued ones (a feature left off) and allow-listed ones are returned to be kept;
     * anything else is refused with its name and value.
     *
     * @param f the config's fields after every reader ran
     * @param family the family, for its own neutral keys
     * @return the kept keys and values, in file order
     */
    static Map<String, Object> neutralRest(ConfigFields f, Family family) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : f.unread().entrySet()) {
            String key = e.getKey();
            JsonElement v = e.getValue();
            Double only = NEUTRAL_AT.get(key);
            if (only != null && !v.isJsonNull() && (!v.isJsonPrimitive() || v.getAsDouble() != only)) {
                throw f.refuse(key, "is not implemented (only " + only + ")");
            }
            if (!v.isJsonNull() && only == null && !NEUTRAL.contains(key) && !family.neutralKeys().contains(key)) {
                throw f.refuse(key, "could change the forward pass and is not implemented for "
                        + LlamaConfig.SUPPORTED.entrySet().stream().filter(s -> Family.of(s.getValue()) == family)
                                .findFirst().orElseThrow().getKey());
            }
            kept.put(key, LlamaConfigJson.GSON.fromJson(v, Object.class));
        }
        return kept;
    }
}
