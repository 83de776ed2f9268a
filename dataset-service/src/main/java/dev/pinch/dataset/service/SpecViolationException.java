package dev.pinch.dataset.service;

import dev.pinch.dataset.domain.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** An experiment spec that cannot be accepted; each violation names a field and the reason. */
public class SpecViolationException extends RuntimeException {

    private final transient List<Violation> violations;

    public SpecViolationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
