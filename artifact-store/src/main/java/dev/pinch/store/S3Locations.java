package dev.pinch.store;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where an S3 store's artifacts live: a bucket and an optional key prefix, parsed from a root
 * {@code s3://bucket/optional/prefix}. Maps artifact keys to object keys and {@code s3://} URIs, and URIs back to
 * keys, accepting only URIs under this root.
 */
public record S3Locations(String bucket, String prefix) {

    /** S3 bucket naming rules (lower case, digits, dots, hyphens; 3-63 characters). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3Locations {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new ArtifactAccessException("'" + bucket + "' is not a valid S3 bucket name");
        }
        if (!prefix.isEmpty()) {
            Keys.check(prefix);
        }
    }

    /** Parses {@code s3://bucket}, {@code s3://bucket/} or {@code s3://bucket/some/prefix[/]}. */
    public static S3Locations parse(String root) {
        if (root == null || !root.startsWith("s3://")) {
            throw new ArtifactAccessException("not an s3://bucket/prefix root: " + root);
        }
        String rest = root.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        try {
            return new S3Locations(bucket, prefix);
        } catch (ArtifactAccessException e) {
            throw new ArtifactAccessException("invalid S3 root " + root + ": " + e.getMessage());
        }
    }

    /** The object key of an artifact key (validated with {@link Keys}). */
    public String objectKey(String key) {
        Keys.check(key);
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    /** The object key prefix ({@code ""} or ending in '/') under which {@code keyPrefix} lists; "" is everything. */
    public String listPrefix(String keyPrefix) {
        if (keyPrefix.isEmpty()) {
            return prefix.isEmpty() ? "" : prefix + "/";
        }
        return objectKey(keyPrefix) + "/";
    }

    /** The artifact key of an object key under this root. */
    public String keyOf(String objectKey) {
        return prefix.isEmpty() ? objectKey : objectKey.substring(prefix.length() + 1);
    }

    public URI uri(String key) {
        return URI.create("s3://" + bucket + "/" + objectKey(key));
    }

    /** The artifact key of one of this store's URIs; anything else is an {@link ArtifactAccessException}. */
    public String key(URI uri) {
        if (uri == null || !"s3".equals(uri.getScheme())) {
            throw new ArtifactAccessException("not an S3 artifact URI: " + uri);
        }
        if (!bucket.equals(uri.getAuthority()) || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getPath() == null) {
            throw new ArtifactAccessException("URI " + uri + " is outside the artifact store root " + this);
        }
        String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        String key = prefix.isEmpty() ? path : path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1) : "";
        try {
            return Keys.check(key);
        } catch (ArtifactAccessException e) {
            throw new ArtifactAccessException("URI " + uri + " is outside the artifact store root " + this
                    + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
