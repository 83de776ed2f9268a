package dev.pinch.cli.progress;

import dev.pinch.cli.api.ApiException;
import dev.pinch.cli.api.PinchClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Polls an experiment until it is complete and shows its progress: redrawn in place on a terminal, else a new
 * board whenever a mix changes phase and at most every {@code quietInterval} otherwise (logs stay short).
 */
public final class Watcher {

    private final PinchClient client;
    private final PrintStream out;
    private final boolean terminal;
    private final Duration interval;
    private final Duration quietInterval = Duration.ofSeconds(30);

    public Watcher(PinchClient client, PrintStream out, boolean terminal, Duration interval) {
        this.client = client;
        this.out = out;
        this.terminal = terminal;
        this.interval = interval;
    }

    public ExperimentSnapshot poll(String experimentId) {
        return ExperimentSnapshot.of(client.experiment(experimentId), client.runs(experimentId, null),
                client.evaluations(experimentId), client.baseModels());
    }

    /**
     * Watches until the experiment is complete, {@code stop} says so (a service died) or {@code timeout} passes.
     *
     * @return the last snapshot
     */
    public ExperimentSnapshot watch(String experimentId, Duration timeout, BooleanSupplier stop)
            throws InterruptedException {
        long start = System.nanoTime();
        long lastPrint = 0;
        int drawn = 0;
        String lastPhases = "";
        while (true) {
            ExperimentSnapshot snapshot;
            try {
                snapshot = poll(experimentId);
            } catch (ApiException e) {
                if (e.status() != 0 && e.status() != 404) {
                    throw e;
                }
                snapshot = null; // a service restarting, or the experiment not announced yet
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (snapshot != null) {
                List<String> lines = ProgressBoard.lines(snapshot, elapsed);
                String phases = snapshot.mixes().stream().map(MixStatus::phase).toList().toString();
                if (terminal) {
                    drawn = redraw(lines, drawn);
                } else if (!phases.equals(lastPhases) || elapsed - lastPrint >= quietInterval.toSeconds()
                        || snapshot.complete()) {
                    lines.forEach(out::println);
                    out.println();
                    lastPrint = elapsed;
                }
                lastPhases = phases;
                if (snapshot.complete()) {
                    return snapshot;
                }
            }
            if (stop.getAsBoolean() || elapsed > timeout.toSeconds()) {
                return snapshot;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    /** Moves the cursor up over the previous board and overwrites it. */
    private int redraw(List<String> lines, int previous) {
        StringBuilder frame = new StringBuilder();
        if (previous > 0) {
            frame.append("\033[").append(previous).append('A');
        }
        for (String line : lines) {
            frame.append("\r\033[2K").append(line).append('\n');
        }
        for (int i = lines.size(); i < previous; i++) {
            frame.append("\r\033[2K\n");
        }
        out.print(frame);
        out.flush();
        return Math.max(lines.size(), previous);
    }
}
