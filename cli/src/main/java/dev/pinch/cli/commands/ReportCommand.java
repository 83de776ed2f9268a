package dev.pinch.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.cli.PinchCli;
import dev.pinch.cli.api.PinchClient;
import dev.pinch.cli.view.ResultTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "An experiment's results: tables on the terminal (default), or the evaluator's JSON, CSV or "
                + "HTML report (with its charts) written to a file.")
public class ReportCommand implements Callable<Integer> {

    @ParentCommand
    PinchCli root;

    @Parameters(paramLabel = "EXPERIMENT_ID")
    String experimentId;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, json, csv or html (default table)")
    String format;

    @Option(names = {"-o", "--out"}, description = "file for json/csv/html (default: <experiment>-report.<format>)")
    Path out;

    @Override
    public Integer call() throws IOException {
        PinchClient client = root.client();
        if (format.equals("table")) {
            ResultTable.render(client.report(experimentId)).forEach(System.out::println);
            return 0;
        }
        if (!format.matches("json|csv|html")) {
            throw new IllegalArgumentException("--format: must be table, json, csv or html, was " + format);
        }
        Path file = out != null ? out : Path.of(experimentId + "-report." + format);
        write(client, experimentId, format, file);
        System.out.println("wrote " + file);
        return 0;
    }

    /** Writes the rendered report (json, csv or html) atomically to {@code file}. */
    public static void write(PinchClient client, String experimentId, String format, Path file) throws IOException {
        write(format.equals("json") ? client.report(experimentId).toPrettyString()
                : client.report(experimentId, format), file);
    }

    private static void write(String body, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, body, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Prints the tables and writes the HTML, CSV and JSON reports into {@code dir}; returns the HTML file. */
    public static Path finish(PinchClient client, String experimentId, Path dir, PrintStream out) throws IOException {
        JsonNode report = client.report(experimentId);
        ResultTable.render(report).forEach(out::println);
        write(report.toPrettyString(), dir.resolve(experimentId + "-report.json"));
        write(client, experimentId, "csv", dir.resolve(experimentId + "-report.csv"));
        Path html = dir.resolve(experimentId + "-report.html");
        write(client, experimentId, "html", html);
        return html;
    }
}
