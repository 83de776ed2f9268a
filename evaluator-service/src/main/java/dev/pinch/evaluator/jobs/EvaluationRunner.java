package dev.pinch.evaluator.jobs;

import ai.djl.ndarray.types.DataType;
import dev.pinch.evaluator.generation.CheckpointModel;
import dev.pinch.evaluator.generation.EvalPrompt;
import dev.pinch.evaluator.generation.ResponseGenerator;
import dev.pinch.evaluator.generation.ResponseLog;
import dev.pinch.evaluator.planning.EvalPlans;
import dev.pinch.events.Events;
import dev.pinch.events.settings.Precision;
import dev.pinch.lm.Engines;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Runs one evaluation job on a worker thread: generates the missing responses (resuming from the stored ones), marks
 * them complete, then hands over to {@link JobResults}. A stop request leaves the job GENERATING with its
 * finished batches stored; any failure marks it FAILED with the reason.
 */
@ApplicationScoped
public class EvaluationRunner {

    private static final Logger LOG = Logger.getLogger(EvaluationRunner.class);

    private final JobRepository jobs;
    private final EvalPlans plans;
    private final JobResults results;
    private final EvaluatorMetrics metrics;
    private final ArtifactStore store;
    private final Map<String, Object> responseLocks = new ConcurrentHashMap<>();

    public EvaluationRunner(JobRepository jobs, EvalPlans plans, JobResults results, EvaluatorMetrics metrics,
            ArtifactStore store) {
        this.jobs = jobs;
        this.plans = plans;
        this.results = results;
        this.metrics = metrics;
        this.store = store;
    }

    /** Runs the job until it is done, failed or asked to stop. */
    public void execute(String jobId, BooleanSupplier stop) {
        EvaluationJob job = jobs.find(jobId).orElseThrow();
        if (!job.state().unfinished()) {
            return;
        }
        try {
            job = jobs.update(jobId, j -> j.moveTo(JobState.GENERATING, Events.now()));
            if (!generate(job, stop)) {
                LOG.infof("evaluation %s stopped; its stored responses are kept and it resumes later", jobId);
                return;
            }
            jobs.update(jobId, j -> j.moveTo(JobState.SCORING, Events.now()));
            results.score(jobId);
        } catch (RuntimeException | Error e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf(e, "evaluation %s failed", jobId);
            jobs.update(jobId, j -> j.failed(reason, Events.now()));
            metrics.failed();
        }
    }

    /**
     * Generates what is missing; returns whether every response is stored. Jobs of the same checkpoint and eval set
     * (other judges) share the responses, so they generate one at a time.
     */
    boolean generate(EvaluationJob job, BooleanSupplier stop) {
        synchronized (responseLocks.computeIfAbsent(job.checkpointId() + "/" + job.plan().evalSet(), k -> new Object())) {
            return generateLocked(job, stop);
        }
    }

    private boolean generateLocked(EvaluationJob job, BooleanSupplier stop) {
        ResponseLog log = new ResponseLog(store, job.experimentId(), job.checkpointId(), job.plan().evalSet());
        if (log.complete()) {
            return true;
        }
        Map<String, List<EvalPrompt>> prompts = plans.prompts(job.plan());
        Path dir = checkpointDir(job);
        Path base = AdapterBase.of(dir, store);
        DataType dtype = Precision.of(job.plan().precision()) == Precision.FP16 ? DataType.FLOAT16 : DataType.FLOAT32;
        ResponseGenerator generator = new ResponseGenerator(
                () -> CheckpointModel.load(dir, base, Engines.device(job.plan().device()), dtype,
                        job.plan().promptTemplate()),
                job.plan().generation(),
                (lang, n, tokens, elapsed) -> metrics.batch(tokens, elapsed));
        ResponseGenerator.Outcome outcome = generator.run(prompts, log, stop);
        if (!outcome.finished()) {
            return false;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        prompts.forEach((lang, p) -> counts.put(lang, p.size()));
        log.markComplete(counts);
        LOG.infof("evaluation %s: %d responses generated (%s), %.0f tokens/s", job.jobId(),
                outcome.generated().values().stream().mapToInt(Integer::intValue).sum(), outcome.generated(),
                outcome.tokensPerSecond());
        return true;
    }

    private Path checkpointDir(EvaluationJob job) {
        try {
            return store.localPath(URI.create(job.checkpointUri()));
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + job.checkpointUri() + " is not readable", e);
        }
    }
}
