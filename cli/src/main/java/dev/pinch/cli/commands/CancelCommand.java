package dev.pinch.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.cli.PinchCli;
import dev.pinch.cli.api.ApiException;
import dev.pinch.cli.api.PinchClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a run, or every queued and running run of an experiment. A running run stops at its "
                + "next step and keeps its checkpoints.")
public class CancelCommand implements Callable<Integer> {

    @ParentCommand
    PinchCli root;

    @Parameters(paramLabel = "RUN_OR_EXPERIMENT_ID")
    String id;

    @Override
    public Integer call() {
        PinchClient client = root.client();
        try {
            client.run(id);
            print(client.cancelRun(id));
            return 0;
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        client.experiment(id); // 404 here: neither a run nor an experiment
        int cancelled = 0;
        for (JsonNode run : client.runs(id, null)) {
            String state = run.path("state").asText();
            if (state.equals("QUEUED") || state.equals("RUNNING")) {
                print(client.cancelRun(run.path("runId").asText()));
                cancelled++;
            }
        }
        System.out.println(cancelled == 0 ? "experiment " + id + " has no queued or running runs"
                : cancelled + " runs of experiment " + id + " cancelled");
        return 0;
    }

    private static void print(JsonNode run) {
        String state = run.path("state").asText();
        System.out.printf("%s: %s%n", run.path("runId").asText(), state.equals("RUNNING")
                ? "stops at its next step" : state.toLowerCase(java.util.Locale.ROOT));
    }
}
