package dev.pinch.trainer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pinch.events.EventCodec;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunIds;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Runs, durable in the artifact store as {@code runs/<runId>/run.json} (each write atomic and synced), with an
 * in-memory copy for reads. Every change of one run goes through {@link #update} under that run's lock, so a
 * worker's progress and a user's cancel never overwrite each other.
 */
@ApplicationScoped
public class RunRepository {

    private static final Logger LOG = Logger.getLogger(RunRepository.class);
    private static final ObjectMapper MAPPER = EventCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArtifactStore store;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public RunRepository(ArtifactStore store) {
        this.store = store;
    }

    @PostConstruct
    void load() {
        refresh(runId -> false);
    }

    /**
     * Re-reads the stored runs, so that runs other trainers sharing the store created or changed show here too;
     * runs for which {@code local} holds (those this process works on, whose record it writes) and finished runs
     * (which never change again) are kept as they are, without reading them.
     */
    public void refresh(Predicate<String> local) {
        try {
            for (String key : store.list("runs")) {
                String runId = key.endsWith("/run.json") ? key.substring("runs/".length(), key.length() - 9) : null;
                Run known = runId == null ? null : runs.get(runId);
                if (runId != null && (known == null || !known.state().terminal()) && !local.test(runId)) {
                    read(key).ifPresent(run -> {
                        synchronized (lock(run.runId())) {
                            runs.put(run.runId(), run);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the stored runs", e);
        }
    }

    /** A stored run; an unreadable one is logged and skipped rather than keeping the service from starting. */
    private Optional<Run> read(String key) throws IOException {
        try {
            return Optional.of(MAPPER.readValue(store.readBytes(store.uri(key)), Run.class));
        } catch (JsonProcessingException e) {
            LOG.errorf("skipping %s: not a readable run record (%s)", key, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    public Optional<Run> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Every run, oldest first. */
    public List<Run> all() {
        return runs.values().stream().sorted(Comparator.comparing(Run::createdAt).thenComparing(Run::runId)).toList();
    }

    public Collection<Run> snapshot() {
        return runs.values();
    }

    /** Stores a new run; returns false, storing nothing, when a run with its id exists already. */
    public boolean create(Run run) {
        synchronized (lock(run.runId())) {
            if (runs.containsKey(run.runId())) {
                return false;
            }
            write(run);
            return true;
        }
    }

    /**
     * Applies {@code change} to the stored run and stores the result durably before returning it. Exceptions
     * of {@code change} (such as an illegal transition) leave the run as it was.
     *
     * @throws RunNotFoundException when there is no such run
     */
    public Run update(String runId, UnaryOperator<Run> change) {
        synchronized (lock(runId)) {
            Run current = runs.get(runId);
            if (current == null) {
                throw new RunNotFoundException(runId);
            }
            Run next = change.apply(current);
            if (next != current) {
                write(next);
            }
            return next;
        }
    }

    private void write(Run run) {
        try {
            store.writeBytes(RunIds.runKey(run.runId()), MAPPER.writeValueAsBytes(run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store run " + run.runId(), e);
        }
        runs.put(run.runId(), run);
    }

    private Object lock(String runId) {
        return locks.computeIfAbsent(runId, id -> new Object());
    }
}
