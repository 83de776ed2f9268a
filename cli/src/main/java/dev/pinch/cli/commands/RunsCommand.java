package dev.pinch.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.cli.PinchCli;
import dev.pinch.cli.progress.ProgressBoard;
import dev.pinch.cli.view.TextTable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "Training runs, oldest first.")
public class RunsCommand implements Callable<Integer> {

    @ParentCommand
    PinchCli root;

    @Option(names = {"-e", "--experiment"}, description = "only this experiment's runs")
    String experimentId;

    @Option(names = {"-s", "--state"}, description = "only runs in this state (queued, running, done, failed, cancelled)")
    String state;

    @Override
    public Integer call() {
        JsonNode runs = root.client().runs(experimentId, state);
        TextTable table = new TextTable().row(List.of("run", "state", "step", "loss", "ETA", "checkpoints", "error"));
        for (JsonNode r : runs) {
            table.row(List.of(r.path("runId").asText(), r.path("state").asText(),
                    r.hasNonNull("step") ? r.path("step").asLong() + "/" + r.path("totalSteps").asLong() : "-",
                    r.hasNonNull("loss") ? String.format(Locale.ROOT, "%.3f", r.path("loss").asDouble()) : "-",
                    "RUNNING".equals(r.path("state").asText()) && r.hasNonNull("etaSeconds")
                            ? ProgressBoard.clock(r.path("etaSeconds").asLong()) : "-",
                    Integer.toString(r.path("checkpoints").asInt()),
                    r.hasNonNull("error") ? r.path("error").asText() : ""));
        }
        table.render().forEach(System.out::println);
        System.out.println(runs.size() + " runs");
        return 0;
    }
}
