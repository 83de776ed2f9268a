package dev.pinch.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.cli.PinchCli;
import dev.pinch.cli.api.PinchClient;
import dev.pinch.cli.view.TextTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit an experiment spec (YAML or JSON) to dataset-service; prints its mixes.")
public class SubmitCommand implements Callable<Integer> {

    @ParentCommand
    PinchCli root;

    @Parameters(paramLabel = "EXPERIMENT_FILE", description = "experiment spec, e.g. examples/demo.yaml")
    Path spec;

    @Override
    public Integer call() throws IOException {
        JsonNode accepted = submit(spec, System.out, root.client());
        System.out.println("watch it with: pinch watch " + accepted.path("id").asText());
        return 0;
    }

    /** Submits and prints "experiment ID: N mixes" and the mix table; returns the 202 body. */
    public static JsonNode submit(Path spec, PrintStream out, PinchClient client) throws IOException {
        if (!Files.isRegularFile(spec)) {
            throw new IllegalArgumentException("EXPERIMENT_FILE: no such file: " + spec);
        }
        JsonNode accepted = client.submit(spec);
        out.printf("experiment %s: %d mixes%n", accepted.path("id").asText(), accepted.path("mixes").size());
        TextTable table = new TextTable().row(List.of("mix", "design", "examples", "per language"));
        for (JsonNode mix : accepted.path("mixes")) {
            List<String> counts = new ArrayList<>();
            mix.path("counts").properties().forEach(e -> counts.add(e.getKey() + " " + e.getValue().asInt()));
            String id = mix.path("id").asText();
            table.row(List.of(id.substring(id.indexOf('.') + 1), mix.path("design").asText(),
                    Integer.toString(mix.path("total").asInt()), abbreviate(String.join(", ", counts))));
        }
        table.render().forEach(line -> out.println("  " + line));
        return accepted;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
