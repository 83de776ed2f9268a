package dev.pinch.cli;

import dev.pinch.cli.api.ApiException;
import dev.pinch.cli.api.Endpoints;
import dev.pinch.cli.api.PinchClient;
import dev.pinch.cli.commands.CancelCommand;
import dev.pinch.cli.commands.DemoCommand;
import dev.pinch.cli.commands.MergeCommand;
import dev.pinch.cli.commands.PretrainCommand;
import dev.pinch.cli.commands.ReportCommand;
import dev.pinch.cli.commands.RunsCommand;
import dev.pinch.cli.commands.StatusCommand;
import dev.pinch.cli.commands.SubmitCommand;
import dev.pinch.cli.commands.UpCommand;
import dev.pinch.cli.commands.WatchCommand;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code pinch}: the command-line client of the three services, and the local launcher. */
@Command(name = "pinch", mixinStandardHelpOptions = true, version = "pinch 0.1.0",
        description = "Multilingual instruction-tuning experiments: submit, watch and report them, or run the demo.",
        footer = "Services with auth on (docker-compose, k8s) need the API token for writes: set PINCH_API_TOKEN.",
        subcommands = {DemoCommand.class, UpCommand.class, PretrainCommand.class, SubmitCommand.class, StatusCommand.class,
            WatchCommand.class, ReportCommand.class, RunsCommand.class, CancelCommand.class, MergeCommand.class,
            CommandLine.HelpCommand.class})
public class PinchCli {

    @Option(names = "--dataset-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "dataset-service (default: $PINCH_DATASET_URL, else http://localhost:8081)")
    String datasetUrl;

    @Option(names = "--trainer-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "trainer-service (default: $PINCH_TRAINER_URL, else http://localhost:8082)")
    String trainerUrl;

    @Option(names = "--evaluator-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "evaluator-service (default: $PINCH_EVALUATOR_URL, else http://localhost:8083)")
    String evaluatorUrl;

    public PinchClient client() {
        return new PinchClient(Endpoints.resolve(datasetUrl, trainerUrl, evaluatorUrl, System.getenv()),
                PinchClient.token(System.getenv()));
    }

    /** The checkout the services are built in: {@code -Dpinch.home} (set by bin/pinch), else the working directory. */
    public static Path home() {
        return Path.of(System.getProperty("pinch.home", ".")).toAbsolutePath().normalize();
    }

    /** Whether output goes to a terminal that can redraw a progress board. */
    public static boolean terminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new PinchCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ApiException || e instanceof java.io.IOException) {
                cmd.getErr().println("pinch: " + e.getMessage());
                return 1;
            }
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("pinch: " + e.getMessage());
                return 2;
            }
            throw e;
        });
    }

    /** Always ends the JVM, also after an unexpected error: the in-process broker's threads would keep it alive. */
    public static void main(String[] args) {
        int status;
        try {
            status = commandLine().execute(args);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
