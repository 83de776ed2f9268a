package dev.pinch.evaluator.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Apache OpenNLP's language detector with the langdetect-183 model (Maven Central artifact
 * org.apache.opennlp:opennlp-models-langdetect), restricted to candidates by taking the best-ranked candidate.
 * Test-only: it is the alternative Lingua was measured against.
 */
final class OpenNlpIdentifier {

    /** The model's ISO 639-3 codes whose ISO 639-1 code is not the JDK's 639-2 mapping. */
    private static final Map<String, String> SPECIAL = Map.of("cmn", "zh", "ekk", "et", "pes", "fa", "lvs", "lv");

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final LanguageDetectorME detector;

    OpenNlpIdentifier() throws IOException {
        try (InputStream in = OpenNlpIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
            detector = new LanguageDetectorME(new LanguageDetectorModel(in));
        }
    }

    Optional<String> identify(String text, Set<String> candidates) {
        for (Language l : detector.predictLanguages(text)) {
            String code = toIso1(l.getLang());
            if (code != null && candidates.contains(code)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    private static String toIso1(String iso3) {
        return ISO3_TO_ISO1.get(iso3);
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>(SPECIAL);
        for (String iso1 : Locale.getISOLanguages()) {
            map.putIfAbsent(Locale.of(iso1).getISO3Language(), iso1);
        }
        return Map.copyOf(map);
    }
}
