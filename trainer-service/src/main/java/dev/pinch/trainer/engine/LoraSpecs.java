package dev.pinch.trainer.engine;

import dev.pinch.events.settings.LoraSettings;
import dev.pinch.lm.LoraSpec;

/** The experiment's {@code training.lora} setting as the lm module's adapter spec. */
public final class LoraSpecs {

    private LoraSpecs() {
    }

    /** The spec, or null for full fine-tuning (no {@code lora} setting). */
    public static LoraSpec of(LoraSettings lora) {
        return lora == null ? null : new LoraSpec(lora.rank(), lora.alpha(), lora.dropout(), lora.targetModules());
    }
}
