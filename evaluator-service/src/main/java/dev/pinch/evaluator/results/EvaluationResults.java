package dev.pinch.evaluator.results;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.generation.GeneratedResponse;
import dev.pinch.evaluator.generation.ResponseLog;
import dev.pinch.evaluator.jobs.EvaluationJob;
import dev.pinch.evaluator.jobs.EvaluatorMetrics;
import dev.pinch.evaluator.jobs.JobRepository;
import dev.pinch.evaluator.jobs.JobResults;
import dev.pinch.evaluator.jobs.JobState;
import dev.pinch.evaluator.judge.SxsResult;
import dev.pinch.evaluator.planning.BaselineIndex;
import dev.pinch.evaluator.planning.EvalPlans;
import dev.pinch.evaluator.planning.JudgeSpec;
import dev.pinch.evaluator.scoring.LabelSets;
import dev.pinch.events.Events;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Scores, stores and announces the results of jobs whose responses are complete, in any arrival order: a language
 * whose baseline's responses are not complete yet gets {@code sxs = null} and is recorded as pending on the job;
 * when a baseline's responses complete, every finished job of the experiment pending on its language is re-scored
 * (SxS only) and announced again. The baseline itself scores 50 by definition (with the reference judge, its
 * self-comparison is judged too and must tie everywhere). All of this runs under one lock per experiment, so a
 * baseline and a candidate finishing together never miss each other.
 */
@ApplicationScoped
public class EvaluationResults implements JobResults {

    private static final Logger LOG = Logger.getLogger(EvaluationResults.class);

    private final JobRepository jobs;
    private final EvaluationRepository evaluations;
    private final BaselineIndex baselines;
    private final CheckpointScorer scorer;
    private final EvaluationAnnouncer events;
    private final EvaluatorMetrics metrics;
    private final ArtifactStore store;
    private final EvalPlans plans;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public EvaluationResults(JobRepository jobs, EvaluationRepository evaluations, BaselineIndex baselines,
            CheckpointScorer scorer, EvaluationAnnouncer events, EvaluatorMetrics metrics, ArtifactStore store,
            EvalPlans plans) {
        this.plans = plans;
        this.jobs = jobs;
        this.evaluations = evaluations;
        this.baselines = baselines;
        this.scorer = scorer;
        this.events = events;
        this.metrics = metrics;
        this.store = store;
    }

    @Override
    public void score(String jobId) {
        EvaluationJob job = jobs.find(jobId).orElseThrow();
        synchronized (lock(job.experimentId())) {
            Set<String> langs = new LinkedHashSet<>(job.plan().experimentLanguages());
            List<LanguageScore> scores = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            for (String lang : job.plan().languages()) {
                Map<String, GeneratedResponse> responses = log(job, job.checkpointId()).read(lang);
                LanguageScore s = scorer.score(lang, responses.values(), langs,
                        job.plan().generation().maxNewTokens(), plans.labels(job.plan()));
                Optional<LanguageScore> withSxs = withSxs(job, s, responses);
                scores.add(withSxs.orElse(s));
                if (withSxs.isEmpty()) {
                    pending.add(lang);
                }
            }
            store(job.moveTo(JobState.DONE, Events.now()), scores, pending);
            metrics.done();
            baselines.of(job.experimentId()).forEach((key, b) -> {
                if (b.checkpointId().equals(job.checkpointId())) {
                    jobs.ofExperiment(job.experimentId()).stream()
                            .filter(w -> w.state() == JobState.DONE
                                    && w.pendingSxs().contains(BaselineIndex.language(key))
                                    && Objects.equals(w.seed(), b.seed())
                                    && w.plan().evalSet().equals(job.plan().evalSet()))
                            .forEach(w -> refresh(w.jobId()));
                }
            });
        }
    }

    @Override
    public void refresh(String jobId) {
        EvaluationJob job = jobs.find(jobId).orElseThrow();
        synchronized (lock(job.experimentId())) {
            job = jobs.find(jobId).orElseThrow();
            if (job.state() != JobState.DONE) {
                return;
            }
            Optional<CheckpointEvaluation> stored = evaluations.find(job.experimentId(), job.checkpointId(),
                    job.plan().evalSet(), job.judge());
            if (stored.isEmpty()) {
                LOG.warnf("evaluation %s: DONE but its result is missing; scoring it again", jobId);
                jobs.update(jobId, j -> j.moveTo(JobState.SCORING, Events.now()));
                score(jobId);
                return;
            }
            List<LanguageScore> scores = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            boolean changed = false;
            for (LanguageScore s : stored.get().scores()) {
                Optional<LanguageScore> updated = job.pendingSxs().contains(s.lang())
                        ? withSxs(job, s, log(job, job.checkpointId()).read(s.lang())) : Optional.of(s);
                changed |= job.pendingSxs().contains(s.lang()) && updated.isPresent();
                scores.add(updated.orElse(s));
                if (updated.isEmpty()) {
                    pending.add(s.lang());
                }
            }
            if (changed || !job.announced()) {
                store(job, scores, pending);
            }
        }
    }

    private Optional<LanguageScore> withSxs(EvaluationJob job, LanguageScore s, Map<String, GeneratedResponse> mine) {
        Optional<BaselineIndex.Baseline> baseline = baselines.find(job.experimentId(), s.lang(), job.seed());
        if (baseline.isEmpty() || !log(job, baseline.get().checkpointId()).complete()) {
            return Optional.empty();
        }
        String mixId = baseline.get().mixId();
        if (baseline.get().checkpointId().equals(job.checkpointId())) {
            // The baseline against itself is 50 by definition (every prompt ties: SxsScorerTest); no judge calls.
            return Optional.of(mine.isEmpty() ? s : CellExamples.withSxs(s, null, null, mixId, mine, mine));
        }
        Set<String> langs = new LinkedHashSet<>(job.plan().experimentLanguages());
        Map<String, GeneratedResponse> theirs = log(job, baseline.get().checkpointId()).read(s.lang());
        LabelSets labels = plans.labels(job.plan());
        SxsResult primary = scorer.sxs(job.plan().judge(), langs, labels, mine.values(), theirs);
        if (primary == null) {
            return Optional.of(s);
        }
        JudgeSpec second = job.plan().secondJudge();
        SxsResult other = second == null ? null : scorer.sxs(second, langs, labels, mine.values(), theirs);
        return Optional.of(CellExamples.withSxs(s, primary, other, mixId, mine, theirs));
    }

    private void store(EvaluationJob job, List<LanguageScore> scores, List<String> pending) {
        CheckpointEvaluation evaluation = new CheckpointEvaluation(job.experimentId(), job.checkpointId(), job.mixId(),
                job.design(), job.finalCheckpoint(), job.plan().evalSet(), job.judge(), scores, job.seed());
        Artifact artifact = evaluations.save(evaluation);
        metrics.stored(evaluation);
        jobs.update(job.jobId(), j -> j.moveTo(JobState.DONE, Events.now()).withResults(pending, false, Events.now()));
        try {
            events.evaluationReady(evaluation, artifact);
            jobs.update(job.jobId(), j -> j.withResults(pending, true, Events.now()));
            LOG.infof("evaluation %s stored and announced%s", job.jobId(),
                    pending.isEmpty() ? "" : " (SxS waiting for the baselines of " + pending + ")");
        } catch (RuntimeException e) {
            LOG.warnf("evaluation %s: EvaluationReady not acknowledged (%s); sent again at the next start",
                    job.jobId(), e.getMessage());
        }
    }

    private ResponseLog log(EvaluationJob job, String checkpointId) {
        return new ResponseLog(store, job.experimentId(), checkpointId, job.plan().evalSet());
    }

    private Object lock(String experimentId) {
        return locks.computeIfAbsent(experimentId, id -> new Object());
    }
}
