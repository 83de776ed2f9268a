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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The {@link ArtifactStoreContract} against a real S3 server (S3Mock, see {@link S3MockServer}), each test under a
 * fresh prefix of the bucket, with 2-key list pages so every listing is paginated; plus what only the S3 store does.
 */
class S3ArtifactStoreTest extends ArtifactStoreContract {

    /** The S3 operations the store's client sent, by request class (GetObjectRequest, ...). */
    final List<String> requests = new CopyOnWriteArrayList<>();
    final String prefix = "t-" + UUID.randomUUID();
    /** A PUT of an object key ending in this fails in the client, as a dropped connection would. */
    volatile String failPutsOf;
    S3Client client;
    S3Client raw;

    @Override
    ArtifactStore createStore(Path tmp) throws IOException {
        client = S3MockServer.get().client(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(context.request().getClass().getSimpleName());
                if (failPutsOf != null && context.request() instanceof PutObjectRequest put
                        && put.key().endsWith(failPutsOf)) {
                    throw SdkClientException.create("injected failure");
                }
            }
        });
        raw = S3MockServer.get().client();
        return new S3ArtifactStore(client, "s3://" + S3MockServer.BUCKET + "/" + prefix + "/", tmp.resolve("cache"), 2);
    }

    @AfterEach
    void closeClients() {
        client.close();
        raw.close();
    }

    @Override
    List<URI> foreignUris() {
        String root = "s3://" + S3MockServer.BUCKET + "/" + prefix;
        return List.of(URI.create("s3://other-bucket/" + prefix + "/mixes/a.jsonl"),
                URI.create("s3://" + S3MockServer.BUCKET + "/t-other/mixes/a.jsonl"),
                URI.create(root + "/mixes/../../t-other/x"), URI.create(root + "/mixes/./a.jsonl"),
                URI.create(root), URI.create(root + "/"), URI.create(root + "/mixes/a.jsonl?versionId=1"),
                URI.create("file:///etc/passwd"), URI.create(root.replace("s3:", "https:") + "/mixes/a.jsonl"));
    }

    long count(String request) {
        return requests.stream().filter(request::equals).count();
    }

    @Test
    void handsOutS3UrisUnderItsRoot() throws IOException {
        assertThat(store.uri("mixes/a.jsonl")).hasToString("s3://pinch-test/" + prefix + "/mixes/a.jsonl");
        S3ArtifactStore bucketRoot = new S3ArtifactStore(raw, "s3://pinch-test", tmp.resolve("c2"));
        assertThat(bucketRoot.uri("mixes/a.jsonl")).hasToString("s3://pinch-test/mixes/a.jsonl");
        assertThatThrownBy(() -> store.open(URI.create("s3://pinch-test/t-other/x"))).isInstanceOf(
                ArtifactAccessException.class).hasMessageContaining("outside the artifact store root");
    }

    @Test
    void listsPageByPage() throws IOException {
        for (int i = 6; i >= 0; i--) {
            store.writeBytes("runs/r" + i + ".json", new byte[] {(byte) i});
        }
        requests.clear();
        assertThat(store.list("runs")).containsExactly(
                "runs/r0.json", "runs/r1.json", "runs/r2.json", "runs/r3.json", "runs/r4.json", "runs/r5.json", "runs/r6.json");
        assertThat(count("ListObjectsV2Request")).isEqualTo(4);
    }

    @Test
    void aFailedWriteUploadsNothing() throws IOException {
        requests.clear();
        assertThatThrownBy(() -> store.write("x/broken.txt", out -> {
            out.write(new byte[100]);
            throw new IOException("disk gone");
        })).hasMessage("disk gone");

        assertThat(count("PutObjectRequest")).isZero();
        try (var temps = Files.list(tmp.resolve("cache/.tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void aDirectoryBeingPublishedIsInvisible() throws IOException {
        store.writeDirectory("checkpoints/run-1/step-10", checkpoint(tmp.resolve("ckpt"), "{}"));
        String half = prefix + "/checkpoints/run-1/step-20/";
        for (String name : List.of(".pinch-publishing", "config.json", "sub/model.safetensors")) {
            raw.putObject(b -> b.bucket("pinch-test").key(half + name), RequestBody.fromString("x"));
        }

        assertThat(store.find("checkpoints/run-1/step-20")).isEmpty();
        assertThat(store.locate("checkpoints/run-1/step-20")).isEmpty();
        assertThatThrownBy(() -> store.localPath(store.uri("checkpoints/run-1/step-20")))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(store.list("checkpoints/run-1")).containsExactly(
                "checkpoints/run-1/step-10/config.json", "checkpoints/run-1/step-10/sub/model.safetensors");
        assertThat(store.list("checkpoints/run-1/step-20")).isEmpty();
        assertThat(store.list("checkpoints/run-1/step-20/sub")).isEmpty();

        Artifact published = store.writeDirectory("checkpoints/run-1/step-20", checkpoint(tmp.resolve("c20"), "{}"));
        assertThat(store.find("checkpoints/run-1/step-20")).contains(published);
        assertThat(store.list("checkpoints/run-1/step-20")).containsExactly(
                "checkpoints/run-1/step-20/config.json", "checkpoints/run-1/step-20/sub/model.safetensors");
        assertThat(store.readBytes(store.uri("checkpoints/run-1/step-20/sub/model.safetensors")))
                .isEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void aDirectoryWhosePublishFailsIsNotVisible() throws IOException {
        Path source = checkpoint(tmp.resolve("ckpt"), "{}");
        store.writeDirectory("checkpoints/run-1/step-10", source);
        Files.writeString(source.resolve("config.json"), "{\"v\":2}");

        failPutsOf = "/sub/model.safetensors";
        for (String key : List.of("checkpoints/run-1/step-10", "checkpoints/run-1/step-20")) {
            assertThatThrownBy(() -> store.writeDirectory(key, source)).isInstanceOf(IOException.class)
                    .hasMessageContaining("injected failure");
            assertThat(store.find(key)).as(key).isEmpty();
            assertThat(store.locate(key)).as(key).isEmpty();
            assertThatThrownBy(() -> store.localPath(store.uri(key))).isInstanceOf(NoSuchFileException.class);
        }
        assertThat(store.list("checkpoints")).isEmpty();

        failPutsOf = null;
        Artifact republished = store.writeDirectory("checkpoints/run-1/step-10", source);
        assertThat(store.find("checkpoints/run-1/step-10")).contains(republished);
        assertThat(store.localPath(republished.uri()).resolve("config.json")).hasContent("{\"v\":2}");
        assertThat(store.list("checkpoints")).containsExactly(
                "checkpoints/run-1/step-10/config.json", "checkpoints/run-1/step-10/sub/model.safetensors");
    }

    @Test
    void localPathReusesTheCacheWhileTheSha256Matches() throws IOException {
        Artifact file = store.writeBytes("mixes/m.jsonl", "one".getBytes(StandardCharsets.UTF_8));
        Artifact dir = store.writeDirectory("checkpoints/run-1/step-10", checkpoint(tmp.resolve("ckpt"), "{}"));
        requests.clear();
        Path fileCopy = store.localPath(file.uri());
        Path dirCopy = store.localPath(dir.uri());
        assertThat(count("GetObjectRequest")).isEqualTo(1 + 1 + 2);

        requests.clear();
        assertThat(store.localPath(file.uri())).isEqualTo(fileCopy);
        assertThat(store.localPath(dir.uri())).isEqualTo(dirCopy);
        assertThat(count("GetObjectRequest")).as("only the directory's marker").isEqualTo(1);

        Artifact changed = store.writeBytes("mixes/m.jsonl", "two".getBytes(StandardCharsets.UTF_8));
        Path changedCopy = store.localPath(changed.uri());
        assertThat(changedCopy).isNotEqualTo(fileCopy).hasContent("two");
        assertThat(fileCopy).hasContent("one");
        try (var temps = Files.list(tmp.resolve("cache/.tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void theServerRefusesContentThatDoesNotMatchItsSha256() throws IOException {
        S3Bucket bucket = new S3Bucket(raw, "pinch-test", 1000);
        Path file = Files.writeString(tmp.resolve("f.txt"), "real content");
        String wrong = Sha256.of("other content".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> bucket.put(prefix + "/bad.txt", file, wrong, Map.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("S3 PUT").hasMessageContaining("Status Code: 400");
        assertThat(bucket.head(prefix + "/bad.txt")).isEmpty();
        bucket.put(prefix + "/good.txt", file, Sha256.of(file), Map.of());
        assertThat(bucket.head(prefix + "/good.txt").orElseThrow().metadata()).containsEntry("sha256", Sha256.of(file));
    }

    @Test
    void objectsWrittenByOtherToolsAreHashedOnRead() throws IOException {
        raw.putObject(b -> b.bucket("pinch-test").key(prefix + "/corpora/c/examples.jsonl"),
                RequestBody.fromString("external\n"));
        String sha = Sha256.of("external\n".getBytes(StandardCharsets.UTF_8));

        assertThat(store.find("corpora/c/examples.jsonl").orElseThrow().sha256()).isEqualTo(sha);
        assertThat(Sha256.of(store.localPath(store.uri("corpora/c/examples.jsonl")))).isEqualTo(sha);
    }

    @Test
    void aMissingBucketFailsAtOnceNamingTheSetting() {
        assertThatThrownBy(() -> new S3ArtifactStore(raw, "s3://no-such-bucket/x", tmp.resolve("c3")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pinch.store.root=s3://no-such-bucket/x")
                .hasMessageContaining("'no-such-bucket' does not exist");
    }
}
