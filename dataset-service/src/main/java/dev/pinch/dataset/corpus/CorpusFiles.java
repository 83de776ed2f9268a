package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.Example;
import dev.pinch.store.ArtifactStore;
import dev.pinch.store.Sha256;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The canonical bytes of corpus files: JSON lines in a fixed order, and the manifest. */
final class CorpusFiles {

    private static final Comparator<Example> ORDER = Comparator.comparing(Example::id).thenComparing(Example::lang);

    private CorpusFiles() {
    }

    /** {@code examples} sorted by id then language; refuses a duplicate (id, lang) pair. */
    static List<Example> sorted(List<Example> examples) {
        List<Example> sorted = new ArrayList<>(examples);
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                throw new IllegalArgumentException("duplicate example id " + sorted.get(i).id() + " in language "
                        + sorted.get(i).lang());
            }
        }
        return sorted;
    }

    /** Writes one compact JSON object per line, {@code \n}-terminated, UTF-8. Leaves {@code out} open. */
    static void writeLines(List<?> records, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (Object record : records) {
            writer.write(CorpusJson.MAPPER.writeValueAsString(record));
            writer.write('\n');
        }
        writer.flush();
    }

    /** The sha256 of what {@link #writeLines} writes for {@code records}. */
    static String sha256(List<?> records) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            writeLines(records, out);
        }
        return Sha256.hex(digest);
    }

    static byte[] manifestBytes(CorpusManifest manifest) throws IOException {
        return CorpusJson.PRETTY.writeValueAsBytes(manifest);
    }

    static CorpusManifest readManifest(byte[] bytes) throws IOException {
        return CorpusJson.MAPPER.readValue(bytes, CorpusManifest.class);
    }

    /** Reads an examples file, checking it still has the sha256 its manifest records. */
    static List<Example> readExamples(ArtifactStore store, URI uri, CorpusManifest manifest) throws IOException {
        MessageDigest digest = Sha256.digest();
        List<Example> examples = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new DigestInputStream(store.open(uri), digest), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                examples.add(CorpusJson.MAPPER.readValue(line, Example.class));
            }
        }
        String actual = Sha256.hex(digest);
        if (!actual.equals(manifest.sha256())) {
            throw new IOException("examples of corpus " + manifest.name() + " version " + manifest.version()
                    + " changed since registration: sha256 " + actual + ", manifest says " + manifest.sha256());
        }
        return examples;
    }
}
