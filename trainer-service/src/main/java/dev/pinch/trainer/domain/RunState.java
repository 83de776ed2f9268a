package dev.pinch.trainer.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a run is in its life: {@code QUEUED → RUNNING → DONE | FAILED | CANCELLED}. A queued run can also be
 * cancelled or failed before it starts, and a RUNNING run left behind by a crash goes back to QUEUED at the next
 * start, to resume from its newest checkpoint.
 */
public enum RunState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    /** True for DONE, FAILED and CANCELLED: nothing happens to the run any more. */
    public boolean terminal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    /** The states this one may move to. */
    public Set<RunState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(DONE, FAILED, CANCELLED, QUEUED);
            case DONE, FAILED, CANCELLED -> EnumSet.noneOf(RunState.class);
        };
    }

    public boolean canMoveTo(RunState target) {
        return next().contains(target);
    }
}
