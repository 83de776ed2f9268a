package dev.pinch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's k8s/ directory: its manifests, one {@link Doc} per YAML document. */
final class Manifests {

    static final String KUSTOMIZATION = "kustomization.yaml";

    /** One YAML document of a manifest file. */
    record Doc(Path file, int index, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file.getFileName() + "#" + index + " " + apiVersion() + " " + kind() + " " + name();
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** The repository root: the first ancestor of the working directory that has k8s/ and a pom.xml. */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("k8s")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("no k8s/ directory above " + Path.of("").toAbsolutePath());
    }

    static Path k8sDir() {
        return repoRoot().resolve("k8s");
    }

    /** Every k8s/*.yaml file but kustomization.yaml, sorted by name. */
    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(k8sDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(KUSTOMIZATION))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of every manifest file. */
    static List<Doc> all() {
        List<Doc> docs = new ArrayList<>();
        for (Path f : manifestFiles()) {
            docs.addAll(read(f));
        }
        return docs;
    }

    static List<Doc> read(Path file) {
        try {
            return parse(Files.readString(file), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The documents of a multi-document YAML text; empty documents (a lone comment, "---" at the end) are left out. */
    static List<Doc> parse(String yaml, Path file) {
        List<Doc> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            int i = 0;
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(new Doc(file, i, n));
                }
                i++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return docs;
    }

    static List<Doc> ofKind(String kind) {
        return all().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    static Doc named(String kind, String name) {
        return ofKind(kind).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in k8s/"));
    }

    static ObjectMapper json() {
        return JsonMapper.builder().build();
    }
}
