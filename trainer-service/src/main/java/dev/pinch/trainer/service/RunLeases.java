package dev.pinch.trainer.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinch.events.EventCodec;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.config.TrainerConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Which trainer works on a run, when several share one store (replicas on Kubernetes): a lease
 * {@code runs/<runId>/lease.json} naming the trainer and when it last renewed it. A trainer claims a run before it
 * queues it, renews the leases it holds every quarter of {@code pinch.trainer.lease}, and frees them when the run
 * leaves its worker. Another trainer may take a run over only when its lease is its own, free, or ran out.
 */
@ApplicationScoped
public class RunLeases {

    /** A run's lease; a free one has {@code renewedAt} at the epoch. */
    public record Lease(String owner, Instant renewedAt) {
    }

    private static final Logger LOG = Logger.getLogger(RunLeases.class);
    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private final ArtifactStore store;
    private final TrainerConfig config;
    private final String me;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("run-lease-renewer").daemon().unstarted(r));

    public RunLeases(ArtifactStore store, TrainerConfig config) {
        this.store = store;
        this.config = config;
        this.me = config.instanceId().filter(s -> !s.isBlank()).orElseGet(RunLeases::hostName);
    }

    @PostConstruct
    void start() {
        long period = Math.max(1, config.lease().toMillis() / 4);
        renewer.scheduleWithFixedDelay(() -> held.forEach(this::write), period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        renewer.shutdownNow();
    }

    public String instanceId() {
        return me;
    }

    /** Takes the run's lease (and renews it until {@link #release}). */
    public void claim(String runId) {
        held.add(runId);
        write(runId);
    }

    /** Frees the run's lease, so another trainer may take the run over at once. */
    public void release(String runId) {
        if (held.remove(runId)) {
            put(runId, new Lease(me, Instant.EPOCH));
        }
    }

    /** The run's lease as stored now, if it has one. */
    public Optional<Lease> lease(String runId) {
        try {
            return Optional.of(MAPPER.readValue(store.readBytes(store.uri(key(runId))), Lease.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lease of run " + runId, e);
        }
    }

    /** Whether this trainer may work on the run: its lease is this trainer's, free, absent, or ran out. */
    public boolean mayTake(String runId) {
        return lease(runId).map(l -> l.owner().equals(me) || expired(l)).orElse(true);
    }

    public boolean expired(Lease lease) {
        return lease.renewedAt().plus(config.lease()).isBefore(Instant.now());
    }

    /**
     * Takes over a run another trainer may be eyeing too: claims it, waits 1 to 2 seconds, and keeps it only if the
     * stored lease is still this trainer's (the last writer wins; the others back off).
     */
    public boolean takeOver(String runId) throws InterruptedException {
        claim(runId);
        Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(1000));
        boolean mine = lease(runId).map(l -> l.owner().equals(me)).orElse(false);
        if (!mine) {
            held.remove(runId);
            LOG.infof("run %s: another trainer took it over first", runId);
        }
        return mine;
    }

    private void write(String runId) {
        put(runId, new Lease(me, Instant.now()));
    }

    private void put(String runId, Lease lease) {
        try {
            store.writeBytes(key(runId), MAPPER.writeValueAsBytes(lease));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("run %s: cannot store its lease: %s", runId, e.getMessage());
        }
    }

    static String key(String runId) {
        return "runs/" + runId + "/lease.json";
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "trainer-" + ProcessHandle.current().pid();
        }
    }
}
