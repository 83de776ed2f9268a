package dev.pinch.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Where artifacts live. Shared by every service: {@code pinch.store.*}. */
@ConfigMapping(prefix = "pinch.store")
public interface StoreConfig {

    /**
     * Root of the artifact store. A local directory (default {@code ./pinch-data}), or {@code s3://bucket} /
     * {@code s3://bucket/prefix}, which selects the S3 store configured by {@link #s3()}. Any other
     * {@code scheme://} root is refused.
     */
    @WithDefault("./pinch-data")
    String root();

    /** The S3 store's endpoint, credentials and local cache ({@code pinch.store.s3.*}); used for s3:// roots only. */
    S3 s3();

    /** {@code pinch.store.s3.*}. */
    interface S3 {

        /**
         * The S3 endpoint, e.g. {@code http://minio:9000} for MinIO or S3Mock. Default: none, AWS S3's own endpoint
         * for {@link #region()}.
         */
        Optional<URI> endpoint();

        /** The region requests are signed for (default {@code us-east-1}, which MinIO and S3Mock accept). */
        @WithDefault("us-east-1")
        String region();

        /**
         * Path-style requests ({@code http://host/bucket/key}) rather than virtual-host style
         * ({@code http://bucket.host/key}). Default {@code true}, what MinIO and S3Mock need; AWS S3 takes both.
         */
        @WithDefault("true")
        boolean pathStyleAccess();

        /**
         * Static access key id; set it together with {@link #secretAccessKey()}. Default: none, the AWS SDK's default
         * credentials provider chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws, web identity, container and
         * instance roles).
         */
        Optional<String> accessKeyId();

        /** Static secret access key, with {@link #accessKeyId()}. Default: none (the default provider chain). */
        Optional<String> secretAccessKey();

        /**
         * Local directory where {@code localPath} keeps downloaded artifacts (content-addressed, reused while the
         * sha256 matches, never evicted) and where writes are staged before their upload. Default
         * {@code ${java.io.tmpdir}/pinch-s3-cache}.
         */
        @WithDefault("${java.io.tmpdir}/pinch-s3-cache")
        String cacheDir();
    }
}
