package dev.pinch.dataset.service;

import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.Split;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the built-in parallel corpus from the bundled NTREX-128 and SIB-200 data, identically on every run. Every
 * id exists in all 17 languages. Tasks:
 * <ul>
 * <li>{@code topic} ({@code sib-<index_id>}, 4 digits): classify a SIB-200 sentence among the 7 native labels;
 * upstream splits.
 * <li>{@code continuation} ({@code ntrex-next-<line>}, 1-based, 4 digits): given the previous sentence of the same
 * document, write the next one.
 * <li>{@code translation} ({@code ntrex-tr-<line>}): translate the line from English into the prompt's language;
 * English prompts get a source language picked by a seeded hash of the id among the other 16.
 * </ul>
 * The template of each (id, language) is picked by a seeded hash of both, so template variety is spread over ids
 * and languages. NTREX examples take their document's split ({@link BuiltinDocumentSplit}). Any change to the
 * output must come with a new {@link #VERSION} ("2", "3", ...): a stored version is never rebuilt.
 */
public final class BuiltinCorpusBuilder {

    public static final String NAME = "builtin";
    public static final String VERSION = "1";
    public static final String TOPIC = "topic";
    public static final String CONTINUATION = "continuation";
    public static final String TRANSLATION = "translation";
    /** Seed of every hashed choice (document splits, templates, source languages). */
    public static final long SEED = 2401_01854L;
    static final double DEV_FRACTION = 0.1;
    static final double TEST_FRACTION = 0.1;
    private static final String ENGLISH = "en";

    private final TemplateCatalog catalog = TemplateCatalog.load();
    private final Map<String, List<String>> ntrex = new LinkedHashMap<>();
    private final Map<String, List<BuiltinSibRow>> sib = new LinkedHashMap<>();
    private List<String> documents;
    private Map<String, Split> documentSplits;

    /** Name, version, description and license of the built-in corpus. */
    public static CorpusDescriptor descriptor() {
        return new CorpusDescriptor(NAME, VERSION, "Built-in parallel instruction corpus in 17 languages (the"
                + " paper's 12 plus sr, hr, sl, pl, sk): topic classification (SIB-200), next-sentence continuation"
                + " and translation (NTREX-128), with native templates; see builtin/ATTRIBUTION.md",
                "CC BY-SA 4.0 (NTREX-128, FLORES-200/SIB-200 text); Apache-2.0 (SIB-200 annotations)");
    }

    /** Reads the bundled data and derives the examples and the pretraining text. */
    public synchronized BuiltinCorpus build() {
        documents = BuiltinSources.ntrexDocuments();
        for (BuiltinLanguage language : BuiltinLanguages.all()) {
            ntrex.put(language.code(), BuiltinSources.ntrex(language));
            sib.put(language.code(), BuiltinSources.sib(language));
        }
        checkAligned();
        documentSplits = BuiltinDocumentSplit.assign(documents, List.copyOf(ntrex.values()), SEED, DEV_FRACTION,
                TEST_FRACTION);
        List<Example> examples = new ArrayList<>();
        List<CorpusTextLine> text = new ArrayList<>();
        for (String lang : ntrex.keySet()) {
            TemplateLanguage templates = catalog.language(lang);
            for (BuiltinSibRow row : sib.get(lang)) {
                String id = "sib-%04d".formatted(row.indexId());
                examples.add(example(templates, TOPIC, id, row.split(), Map.of("text", row.text(),
                        "labels", templates.labelList()), templates.labels().get(row.category())));
            }
            List<String> lines = ntrex.get(lang);
            for (int i = 0; i < lines.size(); i++) {
                Split split = documentSplits.get(documents.get(i));
                if (i > 0 && documents.get(i).equals(documents.get(i - 1))) {
                    examples.add(example(templates, CONTINUATION, "ntrex-next-%04d".formatted(i + 1), split,
                            Map.of("text", lines.get(i - 1)), lines.get(i)));
                }
                examples.add(translation(templates, "ntrex-tr-%04d".formatted(i + 1), i, split));
            }
            text.addAll(text(lang));
        }
        return new BuiltinCorpus(List.copyOf(examples), List.copyOf(text));
    }

    private Example translation(TemplateLanguage templates, String id, int line, Split split) {
        String source = ENGLISH;
        if (templates.code().equals(ENGLISH)) {
            List<String> others = ntrex.keySet().stream().filter(l -> !l.equals(ENGLISH)).toList();
            source = others.get(CorpusHash.pick(SEED, "source/" + id, others.size()));
        }
        return example(templates, TRANSLATION, id, split, Map.of("text", ntrex.get(source).get(line),
                "source_lang", templates.languageNames().get(source)), ntrex.get(templates.code()).get(line));
    }

    private Example example(TemplateLanguage templates, String task, String id, Split split,
            Map<String, String> values, String response) {
        if (response == null || response.isBlank()) {
            throw new IllegalStateException("no " + task + " response for " + id + " in " + templates.code());
        }
        int template = CorpusHash.pick(SEED, "template/" + id + "/" + templates.code(), templates.templates(task)
                .size());
        return new Example(id, templates.code(), task, split, templates.render(task, template, values), response);
    }

    /** NTREX train-document lines, then SIB-200 train rows, minus any sentence also found in dev or test. */
    private List<CorpusTextLine> text(String lang) {
        List<String> lines = ntrex.get(lang);
        Set<String> heldOut = new HashSet<>();
        List<String> train = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (documentSplits.get(documents.get(i)) == Split.TRAIN ? train : heldOut).add(lines.get(i));
        }
        for (BuiltinSibRow row : sib.get(lang)) {
            (row.split() == Split.TRAIN ? train : heldOut).add(row.text());
        }
        return train.stream().filter(t -> !heldOut.contains(t)).map(t -> new CorpusTextLine(lang, t)).toList();
    }

    private void checkAligned() {
        List<BuiltinSibRow> reference = sib.get(ENGLISH);
        ntrex.forEach((lang, lines) -> {
            if (lines.size() != documents.size()) {
                throw new IllegalStateException("NTREX " + lang + " has " + lines.size() + " lines, "
                        + documents.size() + " expected");
            }
            List<BuiltinSibRow> rows = sib.get(lang);
            for (int i = 0; i < reference.size(); i++) {
                BuiltinSibRow a = reference.get(i);
                BuiltinSibRow b = i < rows.size() ? rows.get(i) : null;
                if (b == null || a.indexId() != b.indexId() || !a.category().equals(b.category())
                        || a.split() != b.split() || rows.size() != reference.size()) {
                    throw new IllegalStateException("SIB-200 " + lang + " is not aligned with English at row " + i);
                }
            }
        });
    }
}
