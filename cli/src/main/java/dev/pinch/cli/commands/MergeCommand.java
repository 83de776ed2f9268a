package dev.pinch.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.cli.PinchCli;
import dev.pinch.cli.api.PinchClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge a LoRA run's adapter into its base model: the trainer writes a full Hugging Face "
                + "checkpoint (config.json, model.safetensors, tokenizer) to the store and prints where. Without "
                + "--step, the run's newest checkpoint.")
public class MergeCommand implements Callable<Integer> {

    @ParentCommand
    PinchCli root;

    @Parameters(paramLabel = "RUN_ID")
    String runId;

    @Option(names = "--step", description = "the checkpoint's step (default: the run's newest checkpoint)")
    Long step;

    @Override
    public Integer call() {
        PinchClient client = root.client();
        long at = step != null ? step : newestStep(client.run(runId));
        if (at < 0) {
            System.err.println("run " + runId + " has no checkpoint yet");
            return 1;
        }
        JsonNode merged = client.mergeCheckpoint(runId, at);
        System.out.printf("%s step %d merged into %s: %s (sha256 %s)%n", runId, at, merged.path("baseModel").asText(),
                merged.path("uri").asText(), merged.path("sha256").asText());
        return 0;
    }

    /** The step of the run's newest checkpoint, or -1 when it has none. */
    public static long newestStep(JsonNode run) {
        long newest = -1;
        for (JsonNode c : run.path("checkpoints")) {
            newest = Math.max(newest, c.path("step").asLong(-1));
        }
        return newest;
    }
}
