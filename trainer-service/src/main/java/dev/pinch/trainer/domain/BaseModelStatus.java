package dev.pinch.trainer.domain;

/**
 * Where the built-in base model stands in this service.
 *
 * @param name            {@code builtin-<config hash>}
 * @param state           {@code UNKNOWN} (no run has needed it yet), {@code PRETRAINING}, {@code READY} or
 *                        {@code FAILED} (the last preparation failed; the next run or request tries again)
 * @param step            pretraining steps done (null unless pretraining)
 * @param totalSteps      pretraining steps planned (null unless pretraining)
 * @param loss            latest pretraining loss (null unless pretraining)
 * @param tokensPerSecond pretraining throughput (null unless pretraining)
 * @param etaSeconds      remaining steps at the mean step time (null unless pretraining)
 * @param error           why the last attempt to prepare it failed ({@code FAILED}), else null
 */
public record BaseModelStatus(String name, String state, Long step, Long totalSteps, Double loss,
        Double tokensPerSecond, Long etaSeconds, String error) {

    public static BaseModelStatus unknown(String name) {
        return new BaseModelStatus(name, "UNKNOWN", null, null, null, null, null, null);
    }

    public static BaseModelStatus ready(String name) {
        return new BaseModelStatus(name, "READY", null, null, null, null, null, null);
    }

    public static BaseModelStatus failed(String name, String error) {
        return new BaseModelStatus(name, "FAILED", null, null, null, null, null, error);
    }

    public static BaseModelStatus starting(String name, long totalSteps) {
        return new BaseModelStatus(name, "PRETRAINING", 0L, totalSteps, null, null, null, null);
    }

    public static BaseModelStatus pretraining(String name, long step, long totalSteps, double loss,
            double tokensPerSecond, double stepMillis) {
        return new BaseModelStatus(name, "PRETRAINING", step, totalSteps, loss, tokensPerSecond,
                Math.round(Math.max(0, totalSteps - step) * stepMillis / 1000), null);
    }
}
