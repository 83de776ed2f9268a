package dev.pinch.cli.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends the in-process broker's logging (SLF4J over java.util.logging) to a file, so the terminal stays readable. */
final class BrokerLog {

    private BrokerLog() {
    }

    static void toFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new SimpleFormatter());
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        Logger.getLogger("org.apache.kafka").setLevel(Level.WARNING);
        Logger.getLogger("kafka").setLevel(Level.WARNING);
    }
}
