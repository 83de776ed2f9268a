package dev.pinch.cli.commands;

import dev.pinch.cli.PinchCli;
import dev.pinch.cli.progress.ExperimentSnapshot;
import dev.pinch.cli.progress.MixStatus;
import dev.pinch.cli.progress.Watcher;
import dev.pinch.cli.view.ResultTable;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Show an experiment's progress (per run: step, loss, ETA; then evaluation) until it is "
                + "complete, then print its result table. Exit status 1 if a run or evaluation failed.")
public class WatchCommand implements Callable<Integer> {

    @ParentCommand
    PinchCli root;

    @Parameters(paramLabel = "EXPERIMENT_ID")
    String experimentId;

    @Option(names = "--interval", defaultValue = "PT2S", description = "poll interval (ISO-8601, default PT2S)")
    Duration interval;

    @Option(names = "--timeout", defaultValue = "PT72H", description = "give up after (ISO-8601, default PT72H)")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        root.client().experiment(experimentId); // a clear 404 for an unknown id before watching
        ExperimentSnapshot last = new Watcher(root.client(), System.out, PinchCli.terminal(), interval)
                .watch(experimentId, timeout, () -> false);
        if (last == null || !last.complete()) {
            System.err.println("pinch: gave up after " + timeout + "; the experiment is still running");
            return 1;
        }
        ResultTable.render(root.client().report(experimentId)).forEach(System.out::println);
        return failures(last);
    }

    static int failures(ExperimentSnapshot snapshot) {
        long failed = snapshot.mixes().stream().filter(m -> m.finished() && !"done".equals(m.phase())).count();
        if (failed > 0) {
            System.err.printf("pinch: %d of %d mixes failed or were cancelled:%n", failed, snapshot.mixes().size());
            snapshot.mixes().stream().filter(m -> m.finished() && !"done".equals(m.phase()))
                    .map(MixStatus::toString).forEach(m -> System.err.println("  " + m));
            return 1;
        }
        return 0;
    }
}
