package dev.pinch.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** trainer-service settings: {@code pinch.trainer.*}. */
@ConfigMapping(prefix = "pinch.trainer")
public interface TrainerConfig {

    /**
     * Runs trained at the same time. Default 1: one run per device, since a second run on the same CPU cores or
     * GPU only slows both down. Raise it on a machine with several GPUs.
     */
    @WithDefault("1")
    @Min(1)
    int concurrency();

    /**
     * Local scratch directory: each run writes its checkpoints under {@code <workDir>/runs/<runId>} before they
     * are published to the artifact store, and the built-in base model is pretrained under
     * {@code <workDir>/pretrain}. Default {@code ./pinch-data/trainer-work}.
     */
    @WithDefault("./pinch-data/trainer-work")
    String workDir();

    /** CloudEvents {@code source} of the events this service emits. Default {@code /pinch/trainer-service}. */
    @WithDefault("/pinch/trainer-service")
    String eventSource();

    /**
     * Name of the corpus whose raw text ({@code text.jsonl}) pretrains the built-in base model. Default
     * {@code builtin}, the corpus dataset-service registers at start-up.
     */
    @WithDefault("builtin")
    String builtinCorpus();

    /**
     * Version of {@link #builtinCorpus()} to pretrain on. Default: the version the mix was drawn from when the
     * mix comes from that corpus, else the latest version in the store.
     */
    Optional<String> builtinCorpusVersion();

    /**
     * Overrides of the built-in base model's pretraining settings ({@code BuiltinModel.pretrainSettings()}), by
     * training setting name, e.g. {@code pinch.trainer.builtin-pretrain.maxSteps=1000}. Default: none. With
     * overrides the model is cached under a name that also covers them, so it is never mixed up with the
     * default one.
     */
    Map<String, String> builtinPretrain();

    /**
     * Share of the built-in base model's text-phase pretraining windows that are copy drills ({@code CopyDrills}:
     * segments of 8 to 48 uniformly drawn tokens written twice, the second writing the target), in [0, 0.9]. Unset
     * (the default): the recipe's share, 0.25 ({@code BuiltinModel.copyDrills()}). Another share names the model by a
     * hash that also covers it. The recipe's lead phase of drills alone is not changed by it.
     */
    Optional<Double> builtinCopyDrills();

    /**
     * Whether the built-in base model is published from the copy shipped with this service when that copy matches
     * the recipe. Default {@code true}; {@code false} pretrains it here ({@code bin/pinch pretrain --fresh} does,
     * to remake the shipped copy).
     */
    @WithDefault("true")
    boolean builtinShipped();

    /**
     * How long to wait for the broker to acknowledge one CheckpointReady; an unacknowledged one is sent again at
     * the end of its run and at the next start. Default 30 s.
     */
    @WithDefault("PT30S")
    Duration publishTimeout();

    /**
     * How long a shutdown waits for running trainings to stop at their next step. They stay RUNNING in the store
     * and resume from their newest checkpoint at the next start. Default 30 s.
     */
    @WithDefault("PT30S")
    Duration shutdownGrace();

    /**
     * This trainer's name on the runs it works on (see {@code RunLeases}). Default: the host name (a pod's name on
     * Kubernetes), so a restarted process picks its own runs up again at once.
     */
    Optional<String> instanceId();

    /**
     * How long a run's lease holds without renewal. A trainer renews the leases of its runs every quarter of this;
     * a run whose lease ran out (its trainer died or was scaled away) is taken over by another trainer with a free
     * worker, which checks every half of this. Default 2 minutes.
     */
    @WithDefault("PT2M")
    Duration lease();
}
