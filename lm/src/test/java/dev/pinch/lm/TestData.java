package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates test resources and compares arrays. */
final class TestData {

    private TestData() {}

    static Path resource(String name) {
        URL url = TestData.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("Missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path golden(String name) {
        return resource("golden/" + name);
    }

    /** The real Qwen3 tokenizer shipped as a test resource (MIT, see NOTICE). */
    static Path qwen3Tokenizer() {
        return resource("tokenizers/qwen3/tokenizer.json");
    }

    static float maxAbsDiff(NDArray a, NDArray b) {
        try (NDArray d = a.sub(b).abs(); NDArray m = d.max()) {
            return m.getFloat();
        }
    }
}
