package dev.pinch.trainer;

import dev.pinch.store.testing.CleanStoreTestResource;

/** Clears the runs, checkpoints and mixes an earlier test JVM left in the test store; the base model stays. */
public class FreshRunsTestResource extends CleanStoreTestResource {

    public FreshRunsTestResource() {
        super("runs", "checkpoints", "mixes");
    }
}
