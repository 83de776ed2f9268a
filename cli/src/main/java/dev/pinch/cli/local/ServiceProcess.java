package dev.pinch.cli.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service JVM started by the launcher, its output appended to {@code <data>/logs/<name>.log}. */
public final class ServiceProcess {

    private final String name;
    private final Path log;
    private final Process process;
    private volatile boolean stopping;

    private ServiceProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java [jvmArgs] -jar jar} with {@code env} added to this process's environment. */
    public static ServiceProcess start(String name, String java, List<String> jvmArgs, Path jar, Map<String, String> env,
            Path workDir, Path logDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not built: " + jar + " is missing (bin/pinch builds it)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(name, log, builder.start());
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** Why it ended on its own, or null while it runs (or when it was stopped by {@link #stop}). */
    public String crashed() {
        if (stopping || process.isAlive()) {
            return null;
        }
        return name + " exited with status " + process.exitValue() + "; last lines of " + log + ":\n" + tail(25);
    }

    /** SIGTERM (the service shuts down gracefully: a trainer checkpoints), then SIGKILL after {@code graceSeconds}. */
    public void stop(long graceSeconds) throws InterruptedException {
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
