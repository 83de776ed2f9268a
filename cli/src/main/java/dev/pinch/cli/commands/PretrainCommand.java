package dev.pinch.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.cli.api.PinchClient;
import dev.pinch.cli.local.LocalStack;
import dev.pinch.cli.local.StackConfig;
import dev.pinch.cli.progress.ProgressBoard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Make the built-in base model by its recipe, on this machine: start the broker and the services, "
                + "have the trainer prepare the model (publish the copy it ships when that matches the recipe, else "
                + "pretrain; --fresh always pretrains), show progress, and stop everything.",
            "--export DIR copies the model (fp16 weights, tokenizer, loss curve, held-out loss) to DIR/<name>/: with "
                + "DIR = trainer-service/src/main/resources/builtin-model it becomes the copy Pinch ships."})
public class PretrainCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = "--fresh", description = "pretrain even when the trainer ships a copy of this recipe's model")
    boolean fresh;

    @Option(names = "--export", paramLabel = "DIR", description = "copy the finished model to DIR/<name>/")
    Path export;

    @Option(names = "--timeout", defaultValue = "PT12H", description = "give up after (ISO-8601, default PT12H)")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        StackConfig config = stack.config(fresh
                ? Map.of("trainer-service", List.of("-Dpinch.trainer.builtin-shipped=false")) : Map.of());
        LocalStack running = LocalStack.start(config, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Shutdown.quietly(running), "pinch-shutdown"));
        try {
            PinchClient client = new PinchClient(config.endpoints());
            JsonNode status = client.prepareBuiltin();
            long deadline = System.nanoTime() + timeout.toNanos();
            String shown = null;
            while (!"READY".equals(status.path("state").asText())) {
                if (running.crashed().isPresent() || "FAILED".equals(status.path("state").asText())) {
                    System.err.println("pinch: " + running.crashed().orElse("the built-in base model failed: "
                            + status.path("error").asText()));
                    return 1;
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("pinch: pretraining did not finish within " + timeout);
                    return 1;
                }
                if (!line(status).equals(shown)) {
                    shown = line(status);
                    System.out.println(shown);
                }
                Thread.sleep(10_000);
                status = client.baseModels().get(0);
            }
            String name = status.path("name").asText();
            System.out.println(name + " is ready in " + config.dataDir().resolve("store/models").resolve(name));
            if (export != null) {
                Path to = copy(config.dataDir().resolve("store/models").resolve(name), export.resolve(name));
                System.out.println("exported to " + to);
            }
            return 0;
        } finally {
            Shutdown.quietly(running);
        }
    }

    static String line(JsonNode s) {
        if (!"PRETRAINING".equals(s.path("state").asText()) || !s.hasNonNull("step")) {
            return s.path("name").asText() + " " + s.path("state").asText().toLowerCase(Locale.ROOT);
        }
        return String.format(Locale.ROOT, "%s pretraining: step %d/%d, loss %s, %.0f tokens/s, eta %s",
                s.path("name").asText(), s.path("step").asLong(), s.path("totalSteps").asLong(),
                s.hasNonNull("loss") ? String.format(Locale.ROOT, "%.4f", s.path("loss").asDouble()) : "-",
                s.path("tokensPerSecond").asDouble(), s.hasNonNull("etaSeconds")
                        ? ProgressBoard.clock(s.path("etaSeconds").asLong()) : "-");
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }
}
