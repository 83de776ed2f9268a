package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.ValidationReport;
import java.util.List;

/** What an import read: the valid examples and the report over everything read. */
public record CorpusValidation(List<Example> examples, ValidationReport report) {
}
