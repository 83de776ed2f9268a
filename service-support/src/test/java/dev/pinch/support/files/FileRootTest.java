package dev.pinch.support.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRootTest {

    @Test
    void onlyPathsUnderTheRootAreResolvedEvenThroughSymlinks(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("imports"));
        Path inside = Files.writeString(root.resolve("c.jsonl"), "{}\n");
        Path secret = Files.writeString(dir.resolve("secret"), "root:x:0:0\n");
        Files.createSymbolicLink(root.resolve("link"), secret);
        Files.createSymbolicLink(root.resolve("zero"), Path.of("/dev/zero"));
        FileRoot files = new FileRoot(root, "pinch.corpus.import-root");

        assertThat(files.resolve("c.jsonl")).isEqualTo(inside.toRealPath());
        assertThat(files.resolve(inside.toString())).isEqualTo(inside.toRealPath());
        for (String bad : new String[] {"../secret", secret.toString(), "/etc/passwd", "/", "link", "zero",
                "/proc/self/environ"}) {
            assertThatThrownBy(() -> files.resolve(bad)).as(bad).isInstanceOf(FileRoot.RefusedPathException.class)
                    .hasMessageContaining("is outside the directory files may be read from (pinch.corpus.import-root)")
                    .hasMessageNotContaining("root:x");
        }
        assertThatThrownBy(() -> files.resolve("nope.jsonl")).hasMessageContaining("no such file");
        assertThatThrownBy(() -> files.resolve(" ")).hasMessage("is required");
        assertThatThrownBy(() -> files.regularFile(".", 10)).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> files.regularFile("c.jsonl", 2)).hasMessageContaining("larger than 2 bytes");
        assertThat(files.regularFile("c.jsonl", 3)).isEqualTo(inside.toRealPath());
        assertThatThrownBy(() -> new FileRoot(dir.resolve("missing"), "x.root").resolve("a"))
                .hasMessageContaining("x.root does not exist");
    }
}
