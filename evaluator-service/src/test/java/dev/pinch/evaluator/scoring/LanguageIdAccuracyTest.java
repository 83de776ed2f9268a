package dev.pinch.evaluator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Response-language identification accuracy on held-out NTREX sentences of the 17 built-in languages
 * ({@link NtrexHeldOut}), for Lingua (the identifier Pinch uses) and, for comparison, Apache OpenNLP's langdetect-183.
 * Candidates are the 17 languages. Figures are printed and written to {@code target/language-id-accuracy.md}.
 */
class LanguageIdAccuracyTest {

    private static final int LONG_LETTERS = 20;
    private static final Set<String> LANGUAGES = NtrexHeldOut.FILES.keySet();
    private static Map<String, List<String>> sentences;
    private static final LinguaLanguageIdentifier LINGUA = new LinguaLanguageIdentifier();
    private static final StringBuilder REPORT = new StringBuilder("# Language-ID accuracy (NTREX, last 300 lines)\n");

    @BeforeAll
    static void load() {
        sentences = NtrexHeldOut.sentences();
    }

    @Test
    void linguaIdentifiesAtLeast99PercentOfTranslatedSentencesAndBeatsOpenNlp() throws IOException {
        Accuracy lingua = measure("Lingua 1.2.2 (high accuracy) + script filter", LINGUA::identify, false);
        Accuracy linguaTranslated = measure("Lingua, untranslated lines (identical to English) left out",
                LINGUA::identify, true);
        OpenNlpIdentifier openNlp = new OpenNlpIdentifier();
        Accuracy opennlp = measure("OpenNLP 2.5 + langdetect-183", openNlp::identify, false);
        write();
        assertThat(lingua.overall()).isGreaterThan(opennlp.overall());
        assertThat(lingua.overall()).isGreaterThanOrEqualTo(0.985);
        assertThat(linguaTranslated.overall()).isGreaterThanOrEqualTo(0.99);
        for (String lang : List.of("ar", "zh", "he", "hi", "sr")) {
            assertThat(lingua.perLanguage().get(lang)).as(lang).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void responseLanguageCheckAcceptsInLanguageSentencesAndRejectsOtherLanguages() throws IOException {
        int accepted = 0;
        int total = 0;
        int falseAccepts = 0;
        Map<String, Double> perLanguage = new LinkedHashMap<>();
        List<String> langs = new ArrayList<>(LANGUAGES);
        for (int li = 0; li < langs.size(); li++) {
            String lang = langs.get(li);
            int ok = 0;
            List<String> list = sentences.get(lang);
            for (int i = 0; i < list.size(); i++) {
                if (LINGUA.isInLanguage(list.get(i), lang, LANGUAGES)) {
                    ok++;
                }
                // each sentence is also checked against one other language, in rotation
                String other = langs.get((li + 1 + i % (langs.size() - 1)) % langs.size());
                if (LINGUA.isInLanguage(list.get(i), other, LANGUAGES)) {
                    falseAccepts++;
                }
            }
            perLanguage.put(lang, (double) ok / list.size());
            accepted += ok;
            total += list.size();
        }
        double acceptRate = (double) accepted / total;
        double falseAcceptRate = (double) falseAccepts / total;
        REPORT.append(String.format("%n## isInLanguage (17 languages + default confusables + en)%n"
                + "accepted in own language: %s%noverall %.2f%%; accepted as another language: %.2f%% (%d/%d)%n",
                percentages(perLanguage), 100 * acceptRate, 100 * falseAcceptRate, falseAccepts, total));
        write();
        assertThat(acceptRate).isGreaterThanOrEqualTo(0.98);
        assertThat(falseAcceptRate).isLessThan(0.01);
    }

    private Accuracy measure(String name, BiFunction<String, Set<String>, Optional<String>> identify, boolean skipUntranslated) {
        Map<String, Double> perLanguage = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> confusions = new LinkedHashMap<>();
        List<String> english = sentences.get("en");
        int right = 0;
        int total = 0;
        int longRight = 0;
        int longTotal = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, List<String>> e : sentences.entrySet()) {
            int ok = 0;
            int n = 0;
            for (int i = 0; i < e.getValue().size(); i++) {
                String s = e.getValue().get(i);
                if (skipUntranslated && !e.getKey().equals("en") && s.strip().equals(english.get(i).strip())) {
                    continue;
                }
                n++;
                String got = identify.apply(s, LANGUAGES).orElse("?");
                boolean isLong = s.codePoints().filter(Character::isLetter).count() >= LONG_LETTERS;
                longTotal += isLong ? 1 : 0;
                if (got.equals(e.getKey())) {
                    ok++;
                    longRight += isLong ? 1 : 0;
                } else {
                    confusions.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).merge(got, 1, Integer::sum);
                }
            }
            perLanguage.put(e.getKey(), (double) ok / n);
            right += ok;
            total += n;
        }
        double overall = (double) right / total;
        REPORT.append(String.format("%n## %s%noverall %.2f%% (%d/%d) in %.1f s; sentences of >= %d letters: %.2f%% (%d/%d)%n"
                + "per language: %s%nerrors (true → got): %s%n", name, 100 * overall, right, total,
                (System.nanoTime() - start) / 1e9, LONG_LETTERS, 100.0 * longRight / longTotal, longRight, longTotal,
                percentages(perLanguage), confusions));
        return new Accuracy(overall, perLanguage);
    }

    private static String percentages(Map<String, Double> perLanguage) {
        StringBuilder sb = new StringBuilder();
        perLanguage.forEach((k, v) -> sb.append(String.format("%s %.1f  ", k, 100 * v)));
        return sb.toString().strip();
    }

    private static synchronized void write() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "language-id-accuracy.md"), REPORT);
        System.out.println(REPORT);
    }

    private record Accuracy(double overall, Map<String, Double> perLanguage) {
    }
}
