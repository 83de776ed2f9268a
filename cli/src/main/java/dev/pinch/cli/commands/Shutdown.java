package dev.pinch.cli.commands;

import dev.pinch.cli.local.LocalStack;

/** Stops a local stack once, from whichever comes first: the command's end or a shutdown hook (Ctrl-C). */
final class Shutdown {

    private Shutdown() {
    }

    static synchronized void quietly(LocalStack stack) {
        if (stack.stopped()) {
            return;
        }
        System.out.println("stopping Pinch...");
        try {
            stack.close();
            System.out.println("stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("pinch: while stopping: " + e.getMessage());
        }
    }
}
