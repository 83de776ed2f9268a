package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.Split;
import java.util.ArrayList;
import java.util.HashMap;
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
 * </ul>
 * Each NTREX-128 line (1-based, 4 digits) gives one example of one of four tasks, picked by a seeded hash of the line
 * (continuation only where the line has a predecessor in its document), so the tasks are about equally frequent and
 * no sentence is the answer of two tasks:
 * <ul>
 * <li>{@code continuation} ({@code ntrex-next-<line>}): given the previous sentence of the same document, write the
 * next one.
 * <li>{@code translation} ({@code ntrex-tr-<line>}): translate the line from English into the prompt's language;
 * English prompts get a source language picked by a seeded hash of the id among the other 16.
 * <li>{@code copy} ({@code ntrex-copy-<line>}): repeat the line exactly.
 * <li>{@code language-id} ({@code ntrex-lid-<line>}): name the language of the line as written in one of the 17
 * languages (picked by a seeded hash of the id), among four options in the prompt's language (that language and three
 * others, hashed); the answer is its name in the prompt's language.
 * </ul>
 * Every example of an id is the translation of the same example in every language: same source sentence, same
 * answer, same options.
 * The template of each (id, language) is picked by a seeded hash of both, so template variety is spread over ids
 * and languages. NTREX examples take their document's split ({@link BuiltinDocumentSplit}). Any change to the
 * output must come with a new {@link #VERSION} ("2", "3", ...): a stored version is never rebuilt.
 */
public final class BuiltinCorpusBuilder {

    public static final String NAME = "builtin";
    public static final String VERSION = "2";
    public static final String TOPIC = "topic";
    public static final String CONTINUATION = "continuation";
    public static final String TRANSLATION = "translation";
    public static final String COPY = "copy";
    public static final String LANGUAGE_ID = "language-id";
    /** The tasks an NTREX line can give, in the order the seeded hash indexes them. */
    static final List<String> NTREX_TASKS = List.of(TRANSLATION, COPY, LANGUAGE_ID, CONTINUATION);
    /** Options listed in a language-id prompt (the answer among them). */
    static final int LANGUAGE_OPTIONS = 4;
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
                + " paper's 12 plus sr, hr, sl, pl, sk): topic classification (SIB-200); translation, next-sentence"
                + " continuation, copy and language identification (NTREX-128), with native templates; see"
                + " builtin/ATTRIBUTION.md",
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
        for (String lang : ntrex.keySet()) {
            TemplateLanguage templates = catalog.language(lang);
            for (BuiltinSibRow row : sib.get(lang)) {
                String id = "sib-%04d".formatted(row.indexId());
                examples.add(example(templates, TOPIC, id, row.split(), Map.of("text", row.text(),
                        "labels", templates.labelList()), templates.labels().get(row.category())));
            }
            for (int i = 0; i < documents.size(); i++) {
                examples.add(ntrexExample(templates, i));
            }
        }
        return new BuiltinCorpus(List.copyOf(examples), text());
    }

    /** The task of NTREX line {@code i} (0-based): a seeded hash over the tasks the line can give. */
    String ntrexTask(int i) {
        boolean continues = i > 0 && documents.get(i).equals(documents.get(i - 1));
        int tasks = continues ? NTREX_TASKS.size() : NTREX_TASKS.size() - 1;
        return NTREX_TASKS.get(CorpusHash.pick(SEED, "ntrex-task/" + (i + 1), tasks));
    }

    private Example ntrexExample(TemplateLanguage templates, int i) {
        Split split = documentSplits.get(documents.get(i));
        String line = ntrex.get(templates.code()).get(i);
        String number = "%04d".formatted(i + 1);
        return switch (ntrexTask(i)) {
            case CONTINUATION -> example(templates, CONTINUATION, "ntrex-next-" + number, split,
                    Map.of("text", ntrex.get(templates.code()).get(i - 1)), line);
            case COPY -> example(templates, COPY, "ntrex-copy-" + number, split, Map.of("text", line), line);
            case LANGUAGE_ID -> languageId(templates, "ntrex-lid-" + number, i, split);
            default -> translation(templates, "ntrex-tr-" + number, i, split);
        };
    }

    private Example languageId(TemplateLanguage templates, String id, int line, Split split) {
        List<String> all = List.copyOf(ntrex.keySet());
        String written = all.get(CorpusHash.pick(SEED, "written/" + id, all.size()));
        List<String> others = new ArrayList<>(all.stream().filter(l -> !l.equals(written)).toList());
        List<String> options = new ArrayList<>();
        options.add(written);
        for (int k = 1; k < LANGUAGE_OPTIONS; k++) {
            options.add(others.remove(CorpusHash.pick(SEED, "option/" + id + "/" + k, others.size())));
        }
        options.sort(java.util.Comparator.comparingDouble(l -> CorpusHash.unit(SEED, "order/" + id + "/" + l)));
        Map<String, String> names = templates.languageNames();
        return example(templates, LANGUAGE_ID, id, split, Map.of("text", ntrex.get(written).get(line),
                "options", templates.list(options.stream().map(names::get).toList())), names.get(written));
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

    /**
     * The pretraining text: NTREX train-document lines (in document order), then SIB-200 train rows, each sentence
     * followed by its translations, the 17 languages in a seeded order per sentence; a language's sentence that is
     * also one of its dev or test sentences is left out. A model trained on windows of this text sees a sentence's
     * names and numbers again in the next sentences, which teaches it to copy from its context, and it sees the
     * languages aligned.
     */
    private List<CorpusTextLine> text() {
        Map<String, Set<String>> heldOut = new HashMap<>();
        Map<String, List<String[]>> train = new LinkedHashMap<>();
        for (String lang : ntrex.keySet()) {
            Set<String> held = heldOut.computeIfAbsent(lang, l -> new HashSet<>());
            List<String> lines = ntrex.get(lang);
            for (int i = 0; i < lines.size(); i++) {
                if (documentSplits.get(documents.get(i)) == Split.TRAIN) {
                    train.computeIfAbsent("ntrex-%04d".formatted(i + 1), k -> new ArrayList<>())
                            .add(new String[] {lang, lines.get(i)});
                } else {
                    held.add(lines.get(i));
                }
            }
            for (BuiltinSibRow row : sib.get(lang)) {
                if (row.split() == Split.TRAIN) {
                    train.computeIfAbsent("sib-%04d".formatted(row.indexId()), k -> new ArrayList<>())
                            .add(new String[] {lang, row.text()});
                } else {
                    held.add(row.text());
                }
            }
        }
        List<CorpusTextLine> out = new ArrayList<>();
        train.forEach((id, translations) -> translations.stream()
                .filter(t -> !heldOut.get(t[0]).contains(t[1]))
                .sorted(java.util.Comparator.comparingDouble((String[] t) -> CorpusHash.unit(SEED, "text/" + id + "/"
                        + t[0])))
                .forEach(t -> out.add(new CorpusTextLine(id, t[0], t[1]))));
        return List.copyOf(out);
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
