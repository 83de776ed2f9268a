package dev.pinch.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The few S3 calls the store makes, on one bucket, with the SDK's unchecked exceptions turned into
 * {@link IOException}s (a missing object: {@link NoSuchFileException} or an empty Optional).
 */
final class S3Bucket {

    /** User metadata (x-amz-meta-sha256) with the hex sha256 of an object's content, set by every PUT. */
    static final String SHA256 = "sha256";

    private final S3Client s3;
    private final String bucket;
    private final int pageSize;

    S3Bucket(S3Client s3, String bucket, int pageSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pageSize = pageSize;
    }

    /** Fails with a message naming {@code setting} when the bucket does not exist or cannot be reached. */
    void check(String setting) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            String why = e.statusCode() == 404 ? "does not exist; create it first"
                    : e.statusCode() == 403 ? "is not accessible with the configured credentials (403)"
                    : "cannot be checked: " + e.getMessage();
            throw new IllegalStateException(setting + ": S3 bucket '" + bucket + "' " + why, e);
        } catch (SdkException e) {
            throw new IllegalStateException(setting + ": cannot reach S3 bucket '" + bucket + "': " + e.getMessage(), e);
        }
    }

    Optional<HeadObjectResponse> head(String objectKey) throws IOException {
        try {
            return Optional.of(call("HEAD", objectKey, () -> s3.headObject(b -> b.bucket(bucket).key(objectKey))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    InputStream open(String objectKey) throws IOException {
        return call("GET", objectKey, () -> s3.getObject(b -> b.bucket(bucket).key(objectKey)));
    }

    /** A small object's content and user metadata. */
    record Stored(byte[] bytes, Map<String, String> metadata) {
    }

    Optional<Stored> get(String objectKey) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = call("GET", objectKey,
                () -> s3.getObject(b -> b.bucket(bucket).key(objectKey)))) {
            return Optional.of(new Stored(in.readAllBytes(), in.response().metadata()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** One PUT of a finished file; the server checks it against {@code sha256} (hex) before storing it. */
    void put(String objectKey, Path file, String sha256, Map<String, String> metadata) throws IOException {
        put(objectKey, RequestBody.fromFile(file), sha256, metadata);
    }

    void put(String objectKey, byte[] bytes, Map<String, String> metadata) throws IOException {
        put(objectKey, RequestBody.fromBytes(bytes), Sha256.of(bytes), metadata);
    }

    private void put(String objectKey, RequestBody body, String sha256, Map<String, String> metadata)
            throws IOException {
        Map<String, String> meta = new HashMap<>(metadata);
        meta.put(SHA256, sha256);
        PutObjectRequest request = PutObjectRequest.builder().bucket(bucket).key(objectKey).metadata(meta)
                .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))).build();
        call("PUT", objectKey, () -> s3.putObject(request, body));
    }

    void delete(String objectKey) throws IOException {
        call("DELETE", objectKey, () -> s3.deleteObject(b -> b.bucket(bucket).key(objectKey)));
    }

    /** Every object key under {@code objectPrefix}, in S3's (lexical, UTF-8) order, one page of keys at a time. */
    List<String> list(String objectPrefix) throws IOException {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(objectPrefix)
                .maxKeys(pageSize).build();
        return call("LIST", objectPrefix, () -> {
            List<String> keys = new ArrayList<>();
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
                page.contents().stream().map(S3Object::key).forEach(keys::add);
            }
            return keys;
        });
    }

    private <T> T call(String what, String objectKey, Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                NoSuchFileException missing = new NoSuchFileException("s3://" + bucket + "/" + objectKey);
                missing.initCause(e);
                throw missing;
            }
            throw new IOException("S3 " + what + " s3://" + bucket + "/" + objectKey + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 " + what + " s3://" + bucket + "/" + objectKey + " failed: " + e.getMessage(), e);
        }
    }
}
