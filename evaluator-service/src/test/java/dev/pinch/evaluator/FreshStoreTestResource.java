package dev.pinch.evaluator;

import dev.pinch.store.testing.CleanStoreTestResource;

/** Clears the evaluation jobs, results and checkpoints an earlier test JVM left in the test store. */
public class FreshStoreTestResource extends CleanStoreTestResource {

    public FreshStoreTestResource() {
        super("evaluator", "evaluations", "checkpoints");
    }
}
