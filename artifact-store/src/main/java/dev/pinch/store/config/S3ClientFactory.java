package dev.pinch.store.config;

import dev.pinch.store.S3ArtifactStore;
import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client and store from {@code pinch.store.s3.*}. */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    /** The S3 store at {@code root}; fails, naming the setting, if the bucket is missing or unreachable. */
    public static S3ArtifactStore store(String root, StoreConfig.S3 config) throws IOException {
        S3Client client = client(config);
        try {
            return new S3ArtifactStore(client, root, Path.of(config.cacheDir()));
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public static S3Client client(StoreConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyleAccess())
                .credentialsProvider(credentials(config))
                // Only the checksums S3 requires (plus the sha256 the store sends with every PUT): the SDK's default
                // CRC32 trailers are not understood by every S3-compatible server.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StoreConfig.S3 config) {
        if (config.accessKeyId().isPresent() != config.secretAccessKey().isPresent()) {
            throw new IllegalStateException("set both pinch.store.s3.access-key-id and pinch.store.s3.secret-access-key,"
                    + " or neither (to use the AWS default credentials provider chain)");
        }
        if (config.accessKeyId().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
