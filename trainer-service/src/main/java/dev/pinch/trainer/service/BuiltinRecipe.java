package dev.pinch.trainer.service;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.engine.BuiltinModel;
import dev.pinch.trainer.engine.CopyDrills;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the built-in base model is pretrained and what it is called: the engine's recipe
 * ({@link BuiltinModel#pretrainSettings()}) with the {@code pinch.trainer.builtin-pretrain} overrides, named
 * {@code builtin-<BuiltinModel.configHash()>}, or, with overrides, {@code builtin-<sha256(hash;settings hash)>};
 * with another {@code pinch.trainer.builtin-copy-drills} share than the recipe's, the hash also covers the drills.
 */
@Startup
@ApplicationScoped
public class BuiltinRecipe {

    private final TrainerConfig config;
    private final CopyDrills drills;
    private volatile String name;

    /**
     * Reads the recipe's settings at start-up.
     *
     * @throws IllegalArgumentException naming {@code pinch.trainer.builtin-copy-drills} when the share is out of range,
     *         so that the service refuses to start
     */
    public BuiltinRecipe(TrainerConfig config) {
        this.config = config;
        try {
            CopyDrills recipe = BuiltinModel.copyDrills();
            this.drills = config.builtinCopyDrills().map(recipe::withShare).orElse(recipe);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pinch.trainer.builtin-copy-drills: " + e.getMessage(), e);
        }
    }

    /** {@code builtin-<hash>}, computed once: it is asked for on every progress report and announcement. */
    public String name() {
        String known = name;
        if (known == null) {
            String hash = BuiltinModel.configHash();
            String drilled = drills.equals(BuiltinModel.copyDrills()) ? "" : ";" + drills.key();
            known = "builtin-" + (config.builtinPretrain().isEmpty() && drilled.isEmpty() ? hash
                    : RunIds.sha256(hash + ";" + settings().configHash() + drilled));
            name = known;
        }
        return known;
    }

    /**
     * The pretraining settings.
     *
     * @throws dev.pinch.events.settings.InvalidSettingsException for an override that is not a valid setting
     */
    public TrainingSettings settings() {
        if (config.builtinPretrain().isEmpty()) {
            return BuiltinModel.pretrainSettings();
        }
        Map<String, Object> merged = new LinkedHashMap<>(BuiltinModel.pretrainSettings().asMap());
        config.builtinPretrain().forEach((key, value) -> merged.put(key, typed(value)));
        return TrainingSettings.from(merged);
    }

    /** The copy drills of the pretraining: the recipe's, with the configured share. */
    public CopyDrills drills() {
        return drills;
    }

    /** A property value as the setting type it spells: integer, decimal, else text. */
    static Object typed(String value) {
        if (value.matches("-?\\d+")) {
            return Long.parseLong(value);
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
