package dev.pinch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest {

    @TempDir
    Path tmp;

    LocalArtifactStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new LocalArtifactStore(tmp.resolve("root"));
    }

    @Test
    void writesAndReadsBackWithSha256() throws IOException {
        byte[] content = "hello\n".getBytes(StandardCharsets.UTF_8);
        Artifact artifact = store.writeBytes("mixes/a.jsonl", content);

        assertThat(artifact.sha256()).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        assertThat(artifact.size()).isEqualTo(6);
        assertThat(store.readBytes(artifact.uri())).isEqualTo(content);
        assertThat(store.sha256(artifact.uri())).isEqualTo(artifact.sha256());
        assertThat(store.find("mixes/a.jsonl")).contains(artifact);
        assertThat(store.locate("mixes/a.jsonl")).contains(artifact.uri());
        assertThat(store.locate("mixes/missing.jsonl")).isEmpty();
        assertThat(store.list("mixes")).containsExactly("mixes/a.jsonl");
    }

    @Test
    void aFailedWriteLeavesNeitherTargetNorTempFile() throws IOException {
        store.writeBytes("x/keep.txt", new byte[] {1});

        assertThatThrownBy(() -> store.write("x/broken.txt", out -> {
            out.write(new byte[100]);
            throw new IOException("disk gone");
        })).hasMessage("disk gone");

        assertThat(store.find("x/broken.txt")).isEmpty();
        assertThat(store.list("")).containsExactly("x/keep.txt");
        try (var temps = Files.list(store.root().resolve(".tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void rewritingReplacesContentAtomically() throws IOException {
        store.writeBytes("a/b.txt", "one".getBytes(StandardCharsets.UTF_8));
        Artifact second = store.writeBytes("a/b.txt", "two".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(store.readBytes(second.uri()), StandardCharsets.UTF_8)).isEqualTo("two");
    }

    @Test
    void directoryDigestMatchesSha256sumListing() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("ckpt"));
        Files.writeString(source.resolve("config.json"), "{}");
        Files.createDirectories(source.resolve("sub"));
        Files.write(source.resolve("sub/model.safetensors"), new byte[] {1, 2, 3});

        Artifact artifact = store.writeDirectory("checkpoints/run-1/step-10", source);

        Process p = new ProcessBuilder("bash", "-c",
                "cd '" + Path.of(artifact.uri()) + "' && find . -type f | sed 's|^./||' | LC_ALL=C sort"
                        + " | xargs sha256sum | sha256sum | cut -d' ' -f1").start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).isZero();
        assertThat(artifact.sha256()).isEqualTo(expected);
        assertThat(artifact.size()).isEqualTo(5);
        assertThat(store.sha256(artifact.uri())).isEqualTo(expected);

        Files.writeString(source.resolve("config.json"), "{\"v\":2}");
        Artifact replaced = store.writeDirectory("checkpoints/run-1/step-10", source);
        assertThat(replaced.sha256()).isNotEqualTo(expected);
        assertThat(Files.readString(Path.of(replaced.uri()).resolve("config.json"))).isEqualTo("{\"v\":2}");
    }

    @Test
    void rejectsKeysThatTryToLeaveTheRoot() {
        for (String key : new String[] {"../x", "a/../../x", "/etc/passwd", "a//b", ".tmp/x", "a/./b", ""}) {
            assertThatThrownBy(() -> store.writeBytes(key, new byte[0]))
                    .as(key).isInstanceOf(ArtifactAccessException.class);
        }
    }

    @Test
    void rejectsUrisOutsideTheRoot() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "s");
        URI dotDot = URI.create(store.root().toUri() + "mixes/../../secret.txt");

        assertThatThrownBy(() -> store.open(outside.toUri())).isInstanceOf(ArtifactAccessException.class)
                .hasMessageContaining("outside the artifact store root");
        assertThatThrownBy(() -> store.open(dotDot)).isInstanceOf(ArtifactAccessException.class);
        assertThatThrownBy(() -> store.open(URI.create("s3://bucket/x"))).isInstanceOf(ArtifactAccessException.class)
                .hasMessageContaining("not a local artifact URI");
        assertThatThrownBy(() -> store.open(store.root().toUri())).isInstanceOf(ArtifactAccessException.class);
    }

    @Test
    void rejectsSymlinkEscapes() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "s");
        Files.createSymbolicLink(store.root().resolve("link"), outside);

        URI viaLink = URI.create(store.root().toUri() + "link/secret.txt");
        assertThatThrownBy(() -> store.open(viaLink)).isInstanceOf(ArtifactAccessException.class)
                .hasMessageContaining("symbolic link");
    }
}
