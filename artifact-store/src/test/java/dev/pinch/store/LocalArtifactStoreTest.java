package dev.pinch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link ArtifactStoreContract} on the local filesystem, plus what only the local store does. */
class LocalArtifactStoreTest extends ArtifactStoreContract {

    @Override
    ArtifactStore createStore(Path tmp) throws IOException {
        return new LocalArtifactStore(tmp.resolve("root"));
    }

    LocalArtifactStore local() {
        return (LocalArtifactStore) store;
    }

    @Override
    List<URI> foreignUris() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "s");
        return List.of(outside.toUri(), URI.create(local().root().toUri() + "mixes/../../secret.txt"),
                URI.create("s3://bucket/x"), local().root().toUri());
    }

    @Test
    void aFailedWriteLeavesNoTempFile() throws IOException {
        assertThatThrownBy(() -> store.write("x/broken.txt", out -> {
            out.write(new byte[100]);
            throw new IOException("disk gone");
        })).hasMessage("disk gone");

        try (var temps = Files.list(local().root().resolve(".tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void directoryDigestMatchesSha256sumListing() throws Exception {
        Path source = checkpoint(tmp.resolve("ckpt"), "{}");

        Artifact artifact = store.writeDirectory("checkpoints/run-1/step-10", source);

        Process p = new ProcessBuilder("bash", "-c",
                "cd '" + Path.of(artifact.uri()) + "' && find . -type f | sed 's|^./||' | LC_ALL=C sort"
                        + " | xargs sha256sum | sha256sum | cut -d' ' -f1").start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).isZero();
        assertThat(artifact.sha256()).isEqualTo(expected);
        assertThat(store.sha256(artifact.uri())).isEqualTo(expected);
    }

    @Test
    void urisOutsideTheRootAreExplained() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "s");
        assertThatThrownBy(() -> store.open(outside.toUri())).isInstanceOf(ArtifactAccessException.class)
                .hasMessageContaining("outside the artifact store root");
        assertThatThrownBy(() -> store.open(URI.create("s3://bucket/x"))).isInstanceOf(ArtifactAccessException.class)
                .hasMessageContaining("not a local artifact URI");
    }

    @Test
    void rejectsSymlinkEscapes() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "s");
        Files.createSymbolicLink(local().root().resolve("link"), outside);

        URI viaLink = URI.create(local().root().toUri() + "link/secret.txt");
        assertThatThrownBy(() -> store.open(viaLink)).isInstanceOf(ArtifactAccessException.class)
                .hasMessageContaining("symbolic link");
    }
}
