package dev.pinch.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.cli.PinchCli;
import dev.pinch.cli.api.PinchClient;
import dev.pinch.cli.local.LocalStack;
import dev.pinch.cli.local.StackConfig;
import dev.pinch.cli.progress.ExperimentSnapshot;
import dev.pinch.cli.progress.ProgressBoard;
import dev.pinch.cli.progress.Watcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the demo end to end on this machine: start the embedded Kafka broker and the three "
                + "services, submit the demo experiment, show progress, print the result table, write the HTML "
                + "report, and stop everything.",
            "Demo: the built-in base model (shipped with Pinch, the same one `pinch up` uses), the pinch sweep and the "
                + "monolingual baselines on en, es, ru, zh (examples/demo.yaml); see README for its measured time.",
            "--full runs the paper's whole design (examples/paper-designs.yaml): many hours on a CPU."})
public class DemoCommand implements Callable<Integer> {

    @ParentCommand
    PinchCli root;

    @Mixin
    StackOptions stack;

    @Option(names = "--full", description = "the paper's full design set")
    boolean full;

    @Option(names = "--spec", paramLabel = "FILE", description = "another experiment spec to run instead")
    Path spec;

    @Option(names = "--pretrain-steps", paramLabel = "N", description = "pretrain the built-in base model for N steps "
            + "instead of using the recipe's model (a different model from the one `pinch up` uses; first run only)")
    Integer pretrainSteps;

    @Option(names = "--keep-running", description = "keep the services up after the report, until Ctrl-C")
    boolean keepRunning;

    @Option(names = "--timeout", defaultValue = "PT6H", description = "give up after (ISO-8601, default PT6H)")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Map<String, List<String>> args = Map.of();
        if (pretrainSteps != null) {
            System.out.println("note: --pretrain-steps " + pretrainSteps + " pretrains a built-in base model of its own,"
                    + " not the recipe's model that `pinch up` and a plain `pinch demo` use");
            args = Map.of("trainer-service", List.of("-Dpinch.trainer.builtin-pretrain.maxSteps=" + pretrainSteps));
        }
        StackConfig config = stack.config(args);
        Path experiment = spec != null ? spec
                : config.home().resolve(full ? "examples/paper-designs.yaml" : "examples/demo.yaml");
        LocalStack running = LocalStack.start(config, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Shutdown.quietly(running), "pinch-shutdown"));
        try {
            PinchClient client = new PinchClient(config.endpoints());
            JsonNode accepted = SubmitCommand.submit(experiment, System.out, client);
            String id = accepted.path("id").asText();
            ExperimentSnapshot last = new Watcher(client, System.out, PinchCli.terminal(), Duration.ofSeconds(2))
                    .watch(id, timeout, () -> running.crashed().isPresent());
            if (running.crashed().isPresent()) {
                System.err.println("pinch: " + running.crashed().get());
                return 1;
            }
            if (last == null || !last.complete()) {
                System.err.println("pinch: the demo did not finish within " + timeout);
                return 1;
            }
            System.out.println();
            Path html = ReportCommand.finish(client, id, config.dataDir().resolve("reports"), System.out);
            System.out.println("report: " + html + " (also .csv and .json beside it)");
            System.out.println("wall time " + ProgressBoard.clock((System.nanoTime() - start) / 1_000_000_000L));
            int status = WatchCommand.failures(last);
            if (keepRunning) {
                System.out.println("services still up; Ctrl-C stops them");
                while (running.crashed().isEmpty()) {
                    Thread.sleep(1000);
                }
            }
            return status;
        } finally {
            Shutdown.quietly(running);
        }
    }
}
