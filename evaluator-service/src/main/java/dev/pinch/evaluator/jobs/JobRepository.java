package dev.pinch.evaluator.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pinch.events.EventCodec;
import dev.pinch.store.ArtifactStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Evaluation jobs, durable in the artifact store (each write atomic and synced) with an in-memory copy for reads.
 * Every change of one job goes through {@link #update} under that job's lock.
 */
@ApplicationScoped
public class JobRepository {

    private static final Logger LOG = Logger.getLogger(JobRepository.class);
    private static final ObjectMapper MAPPER = EventCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArtifactStore store;
    private final Map<String, EvaluationJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public JobRepository(ArtifactStore store) {
        this.store = store;
    }

    @PostConstruct
    void load() {
        try {
            for (String key : store.list("evaluator/jobs")) {
                try {
                    EvaluationJob job = MAPPER.readValue(store.readBytes(store.uri(key)), EvaluationJob.class);
                    jobs.put(job.jobId(), job);
                } catch (JsonProcessingException e) {
                    LOG.errorf("skipping %s: not a readable evaluation job (%s)", key, e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the stored evaluation jobs", e);
        }
    }

    public Optional<EvaluationJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** Every job, oldest first. */
    public List<EvaluationJob> all() {
        return jobs.values().stream().sorted(Comparator.comparing(EvaluationJob::createdAt)
                .thenComparing(EvaluationJob::jobId)).toList();
    }

    /** The jobs of one experiment, oldest first. */
    public List<EvaluationJob> ofExperiment(String experimentId) {
        return all().stream().filter(j -> j.experimentId().equals(experimentId)).toList();
    }

    /** Stores a new job; returns false, storing nothing, when a job with its id exists already. */
    public boolean create(EvaluationJob job) {
        synchronized (lock(job.jobId())) {
            if (jobs.containsKey(job.jobId())) {
                return false;
            }
            write(job);
            return true;
        }
    }

    /** Applies {@code change} and stores the result durably before returning it. */
    public EvaluationJob update(String jobId, UnaryOperator<EvaluationJob> change) {
        synchronized (lock(jobId)) {
            EvaluationJob current = jobs.get(jobId);
            if (current == null) {
                throw new IllegalArgumentException("no evaluation job " + jobId);
            }
            EvaluationJob next = change.apply(current);
            if (next != current) {
                write(next);
            }
            return next;
        }
    }

    private void write(EvaluationJob job) {
        try {
            store.writeBytes("evaluator/jobs/" + job.experimentId() + "/" + job.jobId() + ".json",
                    MAPPER.writeValueAsBytes(job));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evaluation job " + job.jobId(), e);
        }
        jobs.put(job.jobId(), job);
    }

    private Object lock(String jobId) {
        return locks.computeIfAbsent(jobId, id -> new Object());
    }
}
