package dev.pinch.store.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.store.ArtifactStore;
import dev.pinch.store.LocalArtifactStore;
import dev.pinch.store.S3ArtifactStore;
import dev.pinch.store.S3MockServer;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinch.store.*} as the services see it, and the store {@link ArtifactStoreProducer} makes of it. */
class ArtifactStoreProducerTest {

    @TempDir
    Path tmp;

    static StoreConfig config(ConfigSource source) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(source, new SysPropConfigSource()).withMapping(StoreConfig.class).build();
        return config.getConfigMapping(StoreConfig.class);
    }

    static StoreConfig config(Map<String, String> properties) {
        return config(new PropertiesConfigSource(properties, "test", 500));
    }

    @Test
    void documentedDefaults() {
        StoreConfig config = config(Map.of());
        assertThat(config.root()).isEqualTo("./pinch-data");
        assertThat(config.s3().endpoint()).isEmpty();
        assertThat(config.s3().region()).isEqualTo("us-east-1");
        assertThat(config.s3().pathStyleAccess()).isTrue();
        assertThat(config.s3().accessKeyId()).isEmpty();
        assertThat(config.s3().secretAccessKey()).isEmpty();
        assertThat(Path.of(config.s3().cacheDir()))
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "pinch-s3-cache"));
    }

    @Test
    void aDirectoryRootIsTheLocalStore() {
        ArtifactStore store = ArtifactStoreProducer.open(config(Map.of("pinch.store.root", tmp.resolve("d").toString())));
        assertThat(store).isInstanceOf(LocalArtifactStore.class);
        assertThat(store.uri("a/b.txt").getScheme()).isEqualTo("file");
    }

    @Test
    void anS3RootFromTheComposeEnvironmentIsTheS3Store() throws Exception {
        String root = "s3://" + S3MockServer.BUCKET + "/producer-" + UUID.randomUUID();
        Map<String, String> env = Map.of("PINCH_STORE_ROOT", root,
                "PINCH_STORE_S3_ENDPOINT", S3MockServer.get().endpoint().toString(),
                "PINCH_STORE_S3_ACCESS_KEY_ID", S3MockServer.ACCESS_KEY,
                "PINCH_STORE_S3_SECRET_ACCESS_KEY", S3MockServer.SECRET_KEY,
                "PINCH_STORE_S3_PATH_STYLE_ACCESS", "true",
                "PINCH_STORE_S3_REGION", "eu-west-1",
                "PINCH_STORE_S3_CACHE_DIR", tmp.resolve("cache").toString());
        StoreConfig config = config(new EnvConfigSource(env, 300));
        assertThat(config.s3().endpoint()).contains(S3MockServer.get().endpoint());
        assertThat(config.s3().region()).isEqualTo("eu-west-1");

        ArtifactStore store = ArtifactStoreProducer.open(config);
        try {
            assertThat(store).isInstanceOf(S3ArtifactStore.class);
            URI uri = store.writeBytes("mixes/a.jsonl", "hi".getBytes(StandardCharsets.UTF_8)).uri();
            assertThat(uri).hasToString(root + "/mixes/a.jsonl");
            assertThat(store.readBytes(uri)).asString().isEqualTo("hi");
            assertThat(store.localPath(uri)).startsWith(tmp.resolve("cache")).hasContent("hi");
        } finally {
            new ArtifactStoreProducer().close(store);
        }
    }

    @Test
    void badRootsFailNamingTheSetting() {
        for (String root : new String[] {"ftp://host/dir", "gs://bucket", "s3://", "s3://Bad_Bucket/x", "s3://b/../x"}) {
            assertThatThrownBy(() -> ArtifactStoreProducer.open(config(Map.of("pinch.store.root", root))))
                    .as(root).isInstanceOf(IllegalStateException.class).hasMessageContaining("pinch.store.root=" + root);
        }
    }

    @Test
    void aMissingBucketFailsAtStartUp() {
        StoreConfig config = config(Map.of("pinch.store.root", "s3://missing-bucket/p",
                "pinch.store.s3.endpoint", S3MockServer.get().endpoint().toString(),
                "pinch.store.s3.access-key-id", "k", "pinch.store.s3.secret-access-key", "s",
                "pinch.store.s3.cache-dir", tmp.resolve("cache").toString()));
        assertThatThrownBy(() -> ArtifactStoreProducer.open(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pinch.store.root=s3://missing-bucket/p")
                .hasMessageContaining("does not exist");
    }

    @Test
    void halfOfTheStaticCredentialsIsAnError() {
        StoreConfig config = config(Map.of("pinch.store.root", "s3://pinch-test",
                "pinch.store.s3.access-key-id", "k"));
        assertThatThrownBy(() -> ArtifactStoreProducer.open(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pinch.store.s3.secret-access-key");
    }
}
