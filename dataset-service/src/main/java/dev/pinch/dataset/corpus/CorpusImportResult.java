package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.ValidationReport;

/** A registered import: the stored manifest, and the validation report (valid, perhaps with warnings). */
public record CorpusImportResult(CorpusManifest manifest, ValidationReport report) {
}
