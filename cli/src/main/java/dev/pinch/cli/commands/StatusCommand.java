package dev.pinch.cli.commands;

import dev.pinch.cli.PinchCli;
import dev.pinch.cli.progress.ExperimentSnapshot;
import dev.pinch.cli.progress.ProgressBoard;
import dev.pinch.cli.progress.Watcher;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Where an experiment stands: one line per mix (queued, training with step/loss/ETA, "
                + "evaluating, done, failed). Without an id: whether each service is up.")
public class StatusCommand implements Callable<Integer> {

    @ParentCommand
    PinchCli root;

    @Parameters(paramLabel = "EXPERIMENT_ID", arity = "0..1")
    String experimentId;

    @Override
    public Integer call() {
        var client = root.client();
        if (experimentId == null) {
            var e = client.endpoints();
            boolean all = true;
            for (var service : new String[][] {{"dataset-service", e.dataset().toString()},
                {"trainer-service", e.trainer().toString()}, {"evaluator-service", e.evaluator().toString()}}) {
                boolean up = client.ready(java.net.URI.create(service[1]));
                all &= up;
                System.out.printf("%-18s %-26s %s%n", service[0], service[1], up ? "ready" : "NOT READY");
            }
            return all ? 0 : 1;
        }
        ExperimentSnapshot snapshot = new Watcher(client, System.out, false, Duration.ZERO).poll(experimentId);
        ProgressBoard.lines(snapshot, null).forEach(System.out::println);
        if (snapshot.complete()) {
            System.out.println("complete; the results: pinch report " + experimentId);
        }
        return 0;
    }
}
