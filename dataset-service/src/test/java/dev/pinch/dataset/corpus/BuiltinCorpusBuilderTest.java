package dev.pinch.dataset.corpus;

import static dev.pinch.dataset.corpus.BuiltinCorpusBuilder.CONTINUATION;
import static dev.pinch.dataset.corpus.BuiltinCorpusBuilder.COPY;
import static dev.pinch.dataset.corpus.BuiltinCorpusBuilder.LANGUAGE_ID;
import static dev.pinch.dataset.corpus.BuiltinCorpusBuilder.TOPIC;
import static dev.pinch.dataset.corpus.BuiltinCorpusBuilder.TRANSLATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.Languages;
import dev.pinch.dataset.domain.Split;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BuiltinCorpusBuilderTest {

    /** sha256 of the built-in examples.jsonl of {@link BuiltinCorpusBuilder#VERSION}. */
    static final String PINNED_SHA256 = "32940cbf2d92b2c7c709b775a0a0043e34695f81f2c0beb83b733c0c74e62904";

    static final TemplateCatalog CATALOG = TemplateCatalog.load();
    static BuiltinCorpus corpus;
    static List<String> documents;

    @BeforeAll
    static void build() {
        corpus = new BuiltinCorpusBuilder().build();
        documents = BuiltinSources.ntrexDocuments();
    }

    static Map<String, List<Example>> byLanguage() {
        return corpus.examples().stream().collect(Collectors.groupingBy(Example::lang, TreeMap::new,
                Collectors.toList()));
    }

    @Test
    void hasTheSeventeenBuiltinLanguagesWithTheSameIdsAndSplitsInEach() {
        assertThat(BuiltinLanguages.all()).extracting(BuiltinLanguage::code).containsExactlyElementsOf(Languages.BUILTIN);
        Map<String, List<Example>> byLanguage = byLanguage();
        assertThat(byLanguage.keySet()).containsExactlyInAnyOrderElementsOf(Languages.BUILTIN);
        Map<String, String> reference = signature(byLanguage.get("en"));
        assertThat(reference).hasSize(1004 + 1997);
        byLanguage.forEach((lang, examples) -> assertThat(signature(examples)).as(lang).isEqualTo(reference));
    }

    /** id to task and split. */
    private static Map<String, String> signature(List<Example> examples) {
        return examples.stream().collect(Collectors.toMap(Example::id, e -> e.task() + "/" + e.split()));
    }

    @Test
    void everyTaskHasTrainDevAndTestInEveryLanguage() {
        Map<String, Map<Split, Long>> counts = corpus.examples().stream().filter(e -> e.lang().equals("sw"))
                .collect(Collectors.groupingBy(Example::task, Collectors.groupingBy(Example::split,
                        Collectors.counting())));
        assertThat(counts.get(TOPIC)).isEqualTo(Map.of(Split.TRAIN, 701L, Split.DEV, 99L, Split.TEST, 204L));
        for (String task : List.of(CONTINUATION, TRANSLATION, COPY, LANGUAGE_ID)) {
            Map<Split, Long> c = counts.get(task);
            assertThat(c.keySet()).as(task).containsExactlyInAnyOrder(Split.TRAIN, Split.DEV, Split.TEST);
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            assertThat(c.get(Split.TRAIN)).as(task).isBetween(total * 70 / 100, total * 90 / 100);
            assertThat(total).as("%s: about a quarter of the 1,997 NTREX lines", task).isBetween(400L, 600L);
            assertThat(c.get(Split.TEST)).as(task).isGreaterThanOrEqualTo(35L);
        }
    }

    @Test
    void noNtrexDocumentIsInTwoSplits() {
        Map<String, Set<Split>> splitsByDocument = new TreeMap<>();
        for (Example e : corpus.examples()) {
            if (!e.task().equals(TOPIC)) {
                int line = Integer.parseInt(e.id().substring(e.id().lastIndexOf('-') + 1));
                splitsByDocument.computeIfAbsent(documents.get(line - 1), d -> new HashSet<>()).add(e.split());
            }
        }
        assertThat(splitsByDocument).hasSize(123).allSatisfy((doc, splits) -> assertThat(splits).as(doc).hasSize(1));
        Map<Split, Long> documentsPerSplit = splitsByDocument.values().stream()
                .collect(Collectors.groupingBy(s -> s.iterator().next(), Collectors.counting()));
        assertThat(documentsPerSplit.get(Split.DEV)).isBetween(12L, 14L);
        assertThat(documentsPerSplit.get(Split.TEST)).isBetween(12L, 14L);
    }

    @Test
    void topicResponsesAreTheNativeLabelOfTheSentencesCategory() {
        Map<String, String> categoryById = new HashMap<>();
        BuiltinSources.sib(BuiltinLanguages.of("en"))
                .forEach(r -> categoryById.put("sib-%04d".formatted(r.indexId()), r.category()));
        for (Example e : corpus.examples()) {
            if (e.task().equals(TOPIC)) {
                assertThat(e.response()).as(e.id() + " " + e.lang())
                        .isEqualTo(CATALOG.language(e.lang()).labels().get(categoryById.get(e.id())));
            }
        }
    }

    @Test
    void everyInstructionIsOneOfItsLanguagesTemplatesFilledIn() {
        Map<String, Set<Integer>> templatesUsed = new HashMap<>();
        for (Example e : corpus.examples()) {
            assertThat(e.instruction()).as(e.id() + " " + e.lang()).doesNotContain("{");
            Fill fill = parse(e);
            assertThat(fill).as(e.id() + " " + e.lang()).isNotNull();
            templatesUsed.computeIfAbsent(e.lang() + "/" + e.task(), k -> new TreeSet<>()).add(fill.template());
        }
        assertThat(templatesUsed).hasSize(17 * 5).allSatisfy((k, used) -> assertThat(used).as(k).hasSize(3));
    }

    @Test
    void translationSourcesAreEnglishExceptForEnglishPrompts() {
        Map<String, List<String>> ntrex = new HashMap<>();
        BuiltinLanguages.all().forEach(l -> ntrex.put(l.code(), BuiltinSources.ntrex(l)));
        Map<String, String> englishNames = CATALOG.language("en").languageNames();
        Set<String> englishSources = new TreeSet<>();
        for (Example e : corpus.examples()) {
            if (!e.task().equals(TRANSLATION)) {
                continue;
            }
            int line = Integer.parseInt(e.id().substring("ntrex-tr-".length())) - 1;
            Fill fill = parse(e);
            assertThat(e.response()).isEqualTo(ntrex.get(e.lang()).get(line));
            if (e.lang().equals("en")) {
                String source = englishNames.entrySet().stream().filter(n -> n.getValue().equals(fill.sourceLang()))
                        .findFirst().orElseThrow().getKey();
                assertThat(source).as(e.id()).isNotEqualTo("en");
                assertThat(fill.text()).isEqualTo(ntrex.get(source).get(line));
                englishSources.add(source);
            } else {
                assertThat(fill.sourceLang()).isEqualTo(CATALOG.language(e.lang()).languageNames().get("en"));
                assertThat(fill.text()).isEqualTo(ntrex.get("en").get(line));
            }
        }
        assertThat(englishSources).hasSize(16);
    }

    @Test
    void copyAnswersTheSentenceItself() {
        corpus.examples().stream().filter(e -> e.task().equals(COPY))
                .forEach(e -> assertThat(e.response()).as(e.id()).isEqualTo(parse(e).text()));
    }

    @Test
    void languageIdAnswersTheNativeNameOfTheSentencesLanguageAmongFourOptionsTheSameInEveryLanguage() {
        Map<String, List<String>> ntrex = new HashMap<>();
        BuiltinLanguages.all().forEach(l -> ntrex.put(l.code(), BuiltinSources.ntrex(l)));
        Map<String, String> writtenById = new HashMap<>();
        Set<String> written = new TreeSet<>();
        for (Example e : corpus.examples()) {
            if (!e.task().equals(LANGUAGE_ID)) {
                continue;
            }
            int line = Integer.parseInt(e.id().substring("ntrex-lid-".length())) - 1;
            Map<String, String> names = CATALOG.language(e.lang()).languageNames();
            String lang = names.entrySet().stream().filter(n -> n.getValue().equals(e.response())).findFirst()
                    .orElseThrow().getKey();
            Fill fill = parse(e);
            assertThat(fill.text()).as(e.id()).isEqualTo(ntrex.get(lang).get(line));
            List<String> options = List.of(fill.options().split("، |、|, "));
            assertThat(options).as(e.id() + " " + e.lang()).hasSize(4).doesNotHaveDuplicates().contains(e.response())
                    .allMatch(names::containsValue);
            String codes = options.stream().map(o -> names.entrySet().stream().filter(n -> n.getValue().equals(o))
                    .findFirst().orElseThrow().getKey()).sorted().collect(Collectors.joining(","));
            assertThat(writtenById.putIfAbsent(e.id(), lang + ":" + codes)).as(e.id())
                    .isIn(null, lang + ":" + codes);
            written.add(lang);
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(Languages.BUILTIN);
    }

    @Test
    void noHeldOutSentenceLeaksIntoTrainingTextOrTrainResponses() {
        Map<Integer, Split> splitByLine = new HashMap<>();
        corpus.examples().stream().filter(e -> !e.task().equals(TOPIC) && e.lang().equals("en")).forEach(e ->
                splitByLine.put(Integer.parseInt(e.id().substring(e.id().lastIndexOf('-') + 1)) - 1, e.split()));
        assertThat(splitByLine).hasSize(1997);
        Map<String, Set<String>> text = corpus.text().stream().collect(Collectors.groupingBy(CorpusTextLine::lang,
                Collectors.mapping(CorpusTextLine::text, Collectors.toSet())));
        Map<String, List<Example>> byLanguage = byLanguage();
        for (BuiltinLanguage language : BuiltinLanguages.all()) {
            String lang = language.code();
            List<String> heldOut = new ArrayList<>();
            List<String> lines = BuiltinSources.ntrex(language);
            for (int i = 0; i < lines.size(); i++) {
                if (splitByLine.get(i) != Split.TRAIN) {
                    heldOut.add(lines.get(i));
                }
            }
            List<String> heldOutSib = BuiltinSources.sib(language).stream().filter(r -> r.split() != Split.TRAIN)
                    .map(BuiltinSibRow::text).toList();
            assertThat(heldOut).hasSizeBetween(200, 600);
            assertThat(heldOutSib).hasSize(303);
            assertThat(text.get(lang)).as(lang).hasSizeGreaterThan(2000).doesNotContainAnyElementsOf(heldOut)
                    .doesNotContainAnyElementsOf(heldOutSib);

            List<Example> examples = byLanguage.get(lang);
            Set<String> trainResponses = examples.stream().filter(e -> e.split() == Split.TRAIN)
                    .map(Example::response).collect(Collectors.toSet());
            Set<String> trainTexts = examples.stream().filter(e -> e.split() == Split.TRAIN)
                    .map(e -> parse(e).text()).collect(Collectors.toSet());
            for (Example e : examples) {
                if (e.split() != Split.TRAIN) {
                    assertThat(trainTexts).as(e.id() + " " + lang).doesNotContain(parse(e).text());
                }
                if (e.split() != Split.TRAIN && !e.task().equals(TOPIC) && !e.task().equals(LANGUAGE_ID)) {
                    assertThat(trainResponses).as(e.id() + " " + lang).doesNotContain(e.response());
                }
            }
        }
    }

    @Test
    void theTextPutsEachSentenceBesideItsTranslationsInAShuffledLanguageOrder() {
        List<CorpusTextLine> text = corpus.text();
        Map<String, List<String>> languagesById = new java.util.LinkedHashMap<>();
        String previous = null;
        Set<String> closed = new HashSet<>();
        for (CorpusTextLine line : text) {
            if (!line.id().equals(previous)) {
                assertThat(closed.add(line.id())).as("%s comes in one run of lines", line.id()).isTrue();
                previous = line.id();
            }
            languagesById.computeIfAbsent(line.id(), k -> new ArrayList<>()).add(line.lang());
        }
        assertThat(languagesById).hasSizeGreaterThan(2000);
        long complete = languagesById.values().stream().filter(l -> l.size() == 17).count();
        assertThat(complete).isGreaterThan(languagesById.size() * 9 / 10);
        long distinctOrders = languagesById.values().stream().filter(l -> l.size() == 17).distinct().count();
        assertThat(distinctOrders).isGreaterThan(complete / 2);
        Map<String, String> english = new HashMap<>();
        BuiltinSources.sib(BuiltinLanguages.of("en")).forEach(r -> english.put("sib-%04d".formatted(r.indexId()),
                r.text()));
        text.stream().filter(l -> l.lang().equals("en") && l.id().startsWith("sib-"))
                .forEach(l -> assertThat(l.text()).isEqualTo(english.get(l.id())));
    }

    @Test
    void buildsTheSameBytesEveryTime() throws IOException {
        BuiltinCorpus again = new BuiltinCorpusBuilder().build();
        String sha = CorpusFiles.sha256(CorpusFiles.sorted(corpus.examples()));

        assertThat(CorpusFiles.sha256(CorpusFiles.sorted(again.examples()))).isEqualTo(sha);
        assertThat(CorpusFiles.sha256(again.text())).isEqualTo(CorpusFiles.sha256(corpus.text()));
        assertThat(sha).as("the built-in corpus changed: bump BuiltinCorpusBuilder.VERSION and update this pin")
                .isEqualTo(PINNED_SHA256);
    }

    @Test
    void undoesSibCsvQuoting() {
        BuiltinSibRow row = BuiltinSources.sib(BuiltinLanguages.of("en")).stream().filter(r -> r.indexId() == 1076)
                .findFirst().orElseThrow();
        assertThat(row.text()).startsWith("Bush spokesman").contains("pledge \"a major step")
                .endsWith("peninsula.\"");
    }

    /** Which template of the example's language and task its instruction is, and what fills the placeholders. */
    record Fill(int template, String text, String sourceLang, String options) {
    }

    static Fill parse(Example e) {
        TemplateLanguage t = CATALOG.language(e.lang());
        List<String> templates = t.templates(e.task());
        String names = t.languageNames().values().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        for (int i = 0; i < templates.size(); i++) {
            String regex = Pattern.quote(templates.get(i))
                    .replace("{text}", "\\E(?<text>.+)\\Q")
                    .replace("{labels}", "\\E" + Pattern.quote(t.labelList()) + "\\Q")
                    .replace("{source_lang}", "\\E(?<source>" + names + ")\\Q")
                    .replace("{options}", "\\E(?<options>.+)\\Q");
            Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(e.instruction());
            if (m.matches()) {
                return new Fill(i, m.group("text"), e.task().equals(TRANSLATION) ? m.group("source") : null,
                        e.task().equals(LANGUAGE_ID) ? m.group("options") : null);
            }
        }
        return null;
    }
}
