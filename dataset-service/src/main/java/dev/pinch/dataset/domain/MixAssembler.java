package dev.pinch.dataset.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pinch.store.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws a {@link MixPlan}'s concrete examples from a corpus's train split.
 *
 * <p>Ids: one seeded order σ of the corpus's train ids per experiment seed (see {@link #idOrder}), shared by all
 * of the experiment's mixes, so that mixes share base-language examples as far as possible (P = 0 and the
 * 40-example mix share 4,600 English ids). With {@code distinct-ids} the base language takes the first ids of σ
 * it has, then each other language (sorted) the first unused ones it has: no id occurs twice in a mix and, on a
 * fully parallel corpus with budget = corpus size, the multilingual examples are translations of exactly the
 * English examples they replace. With {@code same-ids} each language takes the first ids of σ it has, so the
 * non-base examples are translations of base examples in the same mix.
 *
 * <p>Order of the examples: by a seeded hash of (language, id), ties by language then id. This interleaves the
 * languages pseudo-randomly (a trainer that reads the file in order does not see all multilingual examples at
 * the end), and it depends on the seed only, so it is the same on every run.
 */
public final class MixAssembler {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private MixAssembler() {
    }

    /** Draws {@code plan}'s examples with the experiment seed {@code seed}. */
    public static AssembledMix assemble(Corpus corpus, MixPlan plan, long seed) {
        return assemble(corpus, plan, seed, idOrder(corpus, seed));
    }

    /**
     * As {@link #assemble(Corpus, MixPlan, long)}, reusing σ = {@code idOrder(corpus, seed)} across mixes.
     *
     * @throws IllegalStateException when a language has too few (unused) train ids; the message says which
     */
    public static AssembledMix assemble(Corpus corpus, MixPlan plan, long seed, List<String> idOrder) {
        IdDraw.Result drawn = IdDraw.draw(corpus, idOrder, plan);
        if (drawn.shortfall() != null) {
            throw new IllegalStateException(shortfallMessage(plan, drawn.shortfall()));
        }
        long orderKey = SeededOrder.derive(seed, "example-order");
        record Keyed(long key, Example example) {
        }
        List<Keyed> keyed = new ArrayList<>(plan.total());
        drawn.ids().forEach((lang, ids) -> ids.forEach(id -> keyed.add(
                new Keyed(SeededOrder.key(orderKey, lang + "\n" + id), corpus.train(id, lang).orElseThrow()))));
        keyed.sort(Comparator.comparingLong(Keyed::key).thenComparing(k -> k.example().lang())
                .thenComparing(k -> k.example().id()));
        List<Example> examples = keyed.stream().map(Keyed::example).toList();

        Map<String, Integer> byLanguage = new TreeMap<>();
        Map<String, Map<String, Integer>> byTask = new TreeMap<>();
        Map<String, List<String>> ids = new TreeMap<>();
        for (Example e : examples) {
            byLanguage.merge(e.lang(), 1, Integer::sum);
            byTask.computeIfAbsent(e.lang(), l -> new TreeMap<>()).merge(String.valueOf(e.task()), 1, Integer::sum);
            ids.computeIfAbsent(e.lang(), l -> new ArrayList<>()).add(e.id());
        }
        Map<String, Map<String, Integer>> tasks = new LinkedHashMap<>();
        byTask.forEach((lang, counts) -> tasks.put(lang, Collections.unmodifiableMap(counts)));
        Map<String, List<String>> idLists = new LinkedHashMap<>();
        ids.forEach((lang, list) -> idLists.put(lang, List.copyOf(list)));
        MixManifest manifest = new MixManifest(plan.name(), examples.size(), Collections.unmodifiableMap(byLanguage),
                Collections.unmodifiableMap(tasks), Collections.unmodifiableMap(idLists), plan.replacement().wire(),
                seed, sha256(examples));
        return new AssembledMix(plan, examples, manifest);
    }

    /** σ for {@code seed}: every train id of the corpus in a seeded order that only the seed and the ids fix. */
    public static List<String> idOrder(Corpus corpus, long seed) {
        return List.copyOf(IdDraw.order(corpus, seed));
    }

    /**
     * Writes one compact JSON object per example and line (fields id, lang, task, split, instruction,
     * response), UTF-8, each line ending in {@code '\n'}. Equal lists give byte-identical output.
     */
    public static void writeJsonl(List<Example> examples, OutputStream out) throws IOException {
        for (Example e : examples) {
            out.write(JSON.writeValueAsBytes(e));
            out.write('\n');
        }
        out.flush();
    }

    /** sha256 (lower-case hex) of {@link #writeJsonl}'s output for {@code examples}. */
    public static String sha256(List<Example> examples) {
        try {
            MessageDigest digest = Sha256.digest();
            writeJsonl(examples, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return Sha256.hex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shortfallMessage(MixPlan plan, IdDraw.Shortfall s) {
        String why = plan.replacement() == Replacement.SAME_IDS || s.found() == s.trainIds()
                ? "the corpus has only " + s.trainIds() + " train examples in '" + s.language() + "'"
                : "only " + s.found() + " of the " + s.trainIds() + " train ids in '" + s.language()
                        + "' are not already used by the mix's other languages (replacement distinct-ids)";
        return "mix '" + plan.name() + "' needs " + s.needed() + " '" + s.language() + "' examples but " + why;
    }
}
