package dev.pinch.support;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

/**
 * Ends a service whose launcher is gone. {@code bin/pinch} starts the services as child processes and passes its
 * pid; if the launcher dies without stopping them (kill -9, a crash), each child notices within a second and shuts
 * down gracefully instead of living on as an orphan.
 */
public final class ParentWatch implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pinch-parent-watch");
        t.setDaemon(true);
        return t;
    });

    private ParentWatch() {
    }

    /**
     * Checks every {@code periodMillis} whether process {@code parentPid} is alive and calls {@code onGone} once
     * when it is not.
     */
    public static ParentWatch start(long parentPid, long periodMillis, LongPredicate alive, Runnable onGone) {
        ParentWatch watch = new ParentWatch();
        watch.timer.scheduleWithFixedDelay(() -> {
            if (!alive.test(parentPid)) {
                watch.timer.shutdown();
                onGone.run();
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Whether a process with this pid is running. */
    public static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
