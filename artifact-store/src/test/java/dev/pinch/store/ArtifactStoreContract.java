package dev.pinch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link ArtifactStore} promises; run against each implementation by its subclass. */
abstract class ArtifactStoreContract {

    @TempDir
    Path tmp;

    ArtifactStore store;

    /** A fresh, empty store (its files, if any, under {@code tmp}). */
    abstract ArtifactStore createStore(Path tmp) throws IOException;

    /** URIs this store must refuse: other schemes, other roots, '..' tricks. */
    abstract List<URI> foreignUris() throws IOException;

    @BeforeEach
    void openStore() throws IOException {
        store = createStore(tmp);
    }

    @Test
    void writesAndReadsBackWithSha256() throws IOException {
        byte[] content = "hello\n".getBytes(StandardCharsets.UTF_8);
        Artifact artifact = store.writeBytes("mixes/a.jsonl", content);

        assertThat(artifact.sha256()).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        assertThat(artifact.size()).isEqualTo(6);
        assertThat(artifact.uri()).isEqualTo(store.uri("mixes/a.jsonl"));
        assertThat(store.readBytes(artifact.uri())).isEqualTo(content);
        assertThat(store.sha256(artifact.uri())).isEqualTo(artifact.sha256());
        assertThat(store.find("mixes/a.jsonl")).contains(artifact);
        assertThat(store.locate("mixes/a.jsonl")).contains(artifact.uri());
        assertThat(store.locate("mixes/missing.jsonl")).isEmpty();
        assertThat(store.find("mixes/missing.jsonl")).isEmpty();
        assertThat(store.list("mixes")).containsExactly("mixes/a.jsonl");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        store.writeBytes("x/keep.txt", new byte[] {1});

        assertThatThrownBy(() -> store.write("x/broken.txt", out -> {
            out.write(new byte[100]);
            throw new IOException("disk gone");
        })).hasMessage("disk gone");

        assertThat(store.find("x/broken.txt")).isEmpty();
        assertThat(store.locate("x/broken.txt")).isEmpty();
        assertThat(store.list("")).containsExactly("x/keep.txt");
    }

    @Test
    void rewritingReplacesContent() throws IOException {
        store.writeBytes("a/b.txt", "one".getBytes(StandardCharsets.UTF_8));
        Artifact second = store.writeBytes("a/b.txt", "two".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(store.readBytes(second.uri()), StandardCharsets.UTF_8)).isEqualTo("two");
        assertThat(store.find("a/b.txt").orElseThrow().sha256()).isEqualTo(Sha256.of("two".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void publishesADirectoryWithTheSameSha256AsTheLocalStore() throws IOException {
        Path source = checkpoint(tmp.resolve("ckpt"), "{}");
        String localSha = new LocalArtifactStore(tmp.resolve("reference")).writeDirectory("c/step-10", source).sha256();

        Artifact artifact = store.writeDirectory("checkpoints/run-1/step-10", source);

        assertThat(artifact.sha256()).isEqualTo(localSha).isEqualTo(DirectoryDigest.of(source));
        assertThat(artifact.size()).isEqualTo(5);
        assertThat(artifact.uri()).isEqualTo(store.uri("checkpoints/run-1/step-10"));
        assertThat(store.sha256(artifact.uri())).isEqualTo(localSha);
        assertThat(store.find("checkpoints/run-1/step-10")).contains(artifact);
        assertThat(store.locate("checkpoints/run-1/step-10")).contains(artifact.uri());
        assertThat(store.list("checkpoints/run-1")).containsExactly(
                "checkpoints/run-1/step-10/config.json", "checkpoints/run-1/step-10/sub/model.safetensors");
        assertThat(store.readBytes(store.uri("checkpoints/run-1/step-10/config.json"))).asString().isEqualTo("{}");

        Path local = store.localPath(artifact.uri());
        assertThat(local).isDirectory();
        assertThat(local.resolve("config.json")).hasContent("{}");
        assertThat(local.resolve("sub/model.safetensors")).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(DirectoryDigest.of(local)).isEqualTo(localSha);
    }

    @Test
    void republishingADirectoryReplacesAllOfIt() throws IOException {
        Path source = checkpoint(tmp.resolve("ckpt"), "{}");
        Artifact first = store.writeDirectory("checkpoints/run-1/step-10", source);
        Files.writeString(source.resolve("config.json"), "{\"v\":2}");
        Files.delete(source.resolve("sub/model.safetensors"));

        Artifact replaced = store.writeDirectory("checkpoints/run-1/step-10", source);

        assertThat(replaced.sha256()).isNotEqualTo(first.sha256()).isEqualTo(DirectoryDigest.of(source));
        assertThat(store.list("checkpoints")).containsExactly("checkpoints/run-1/step-10/config.json");
        Path local = store.localPath(replaced.uri());
        assertThat(local.resolve("config.json")).hasContent("{\"v\":2}");
        assertThat(local.resolve("sub/model.safetensors")).doesNotExist();
        assertThat(store.sha256(replaced.uri())).isEqualTo(replaced.sha256());
    }

    @Test
    void listsKeysUnderAPrefixInLexicalOrder() throws IOException {
        for (String key : List.of("b/2.txt", "a/z.txt", "ab/x.txt", "a/b/c.txt", "a/a.txt", "a-b/y.txt")) {
            store.writeBytes(key, key.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(store.list("")).containsExactly("a-b/y.txt", "a/a.txt", "a/b/c.txt", "a/z.txt", "ab/x.txt", "b/2.txt");
        assertThat(store.list("a")).containsExactly("a/a.txt", "a/b/c.txt", "a/z.txt");
        assertThat(store.list("a/b")).containsExactly("a/b/c.txt");
        assertThat(store.list("nothing")).isEmpty();
        assertThat(store.list("a/a.txt")).isEmpty();
    }

    @Test
    void localPathOfAFileHasItsContent() throws IOException {
        Artifact artifact = store.writeBytes("mixes/m.jsonl", "{\"x\":1}\n".getBytes(StandardCharsets.UTF_8));
        Path local = store.localPath(artifact.uri());
        assertThat(local).isRegularFile().hasBinaryContent("{\"x\":1}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(local.getFileName().toString()).isEqualTo("m.jsonl");
        assertThat(Sha256.of(local)).isEqualTo(artifact.sha256());
    }

    @Test
    void missingArtifactsAreNoSuchFile() {
        assertThatThrownBy(() -> store.localPath(store.uri("checkpoints/gone"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open(store.uri("mixes/gone.jsonl"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void rejectsKeysThatTryToLeaveTheRoot() {
        for (String key : new String[] {"../x", "a/../../x", "/etc/passwd", "a//b", ".tmp/x", "a/./b", "", "a/"}) {
            assertThatThrownBy(() -> store.writeBytes(key, new byte[0]))
                    .as(key).isInstanceOf(ArtifactAccessException.class);
            assertThatThrownBy(() -> store.list(key.isEmpty() ? "../x" : key))
                    .as(key).isInstanceOf(ArtifactAccessException.class);
        }
    }

    @Test
    void rejectsUrisItDidNotHandOut() throws IOException {
        store.writeBytes("mixes/a.jsonl", new byte[] {1});
        for (URI uri : foreignUris()) {
            assertThatThrownBy(() -> store.open(uri)).as(uri.toString()).isInstanceOf(ArtifactAccessException.class);
            assertThatThrownBy(() -> store.localPath(uri)).as(uri.toString()).isInstanceOf(ArtifactAccessException.class);
            assertThatThrownBy(() -> store.sha256(uri)).as(uri.toString()).isInstanceOf(ArtifactAccessException.class);
        }
    }

    static Path checkpoint(Path dir, String config) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("config.json"), config);
        Files.write(dir.resolve("sub/model.safetensors"), new byte[] {1, 2, 3});
        return dir;
    }
}
