package dev.pinch.support;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts a {@link ParentWatch} when {@code pinch.parent-pid} is set (bin/pinch sets it through
 * {@code PINCH_PARENT_PID}); unset by default, so a service run on its own, in a container or on Kubernetes is
 * not watched.
 */
@ApplicationScoped
public class ParentWatchStartup {

    private static final Logger LOG = Logger.getLogger(ParentWatchStartup.class);

    private final Optional<Long> parentPid;
    private ParentWatch watch;

    public ParentWatchStartup(@ConfigProperty(name = "pinch.parent-pid") Optional<Long> parentPid) {
        this.parentPid = parentPid;
    }

    void start(@Observes StartupEvent event) {
        parentPid.ifPresent(pid -> watch = ParentWatch.start(pid, 1000, ParentWatch::isAlive, () -> {
            LOG.warnf("the launcher (pid %d) is gone; shutting down", pid);
            Quarkus.asyncExit(0);
        }));
    }

    void stop(@Observes ShutdownEvent event) {
        if (watch != null) {
            watch.close();
        }
    }
}
