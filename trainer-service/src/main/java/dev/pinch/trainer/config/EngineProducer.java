package dev.pinch.trainer.config;

import dev.pinch.trainer.engine.DjlTrainingEngine;
import dev.pinch.trainer.engine.TrainingEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the {@link TrainingEngine} injectable: DJL's PyTorch engine with offline natives. Application scoped and
 * created on first use, so the native libraries load when the first run starts, not at boot. The engine is
 * stateless, so the worker threads share one instance.
 */
public class EngineProducer {

    @Produces
    @ApplicationScoped
    TrainingEngine trainingEngine() {
        return new DjlTrainingEngine();
    }
}
