package dev.pinch.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for the tests: Adobe S3Mock's runnable jar (copied to target/s3mock by the build), started once
 * per test JVM as a child process with the bucket {@link #BUCKET}. The child runs under {@code sh}, which stops it
 * when this JVM's end of its stdin closes, so it never outlives the tests, even when they are killed.
 */
public final class S3MockServer {

    public static final String BUCKET = "pinch-test";
    public static final String ACCESS_KEY = "test-key";
    public static final String SECRET_KEY = "test-secret";

    private static S3MockServer instance;

    private final Process process;
    private final URI endpoint;
    private final Path data;

    private S3MockServer(Process process, URI endpoint, Path data) {
        this.process = process;
        this.endpoint = endpoint;
        this.data = data;
    }

    public static synchronized S3MockServer get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start S3Mock", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client client(ExecutionInterceptor... interceptors) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor))
                .build();
    }

    private static S3MockServer start() throws IOException {
        Path jar = Path.of(System.getProperty("pinch.test.s3mock.jar", "target/s3mock/s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing; the build copies it (maven-dependency-plugin copy-s3mock)");
        }
        Path dir = jar.toAbsolutePath().getParent();
        Path data = Files.createTempDirectory(dir, "data-");
        Path log = dir.resolve("s3mock.log");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder("sh", "-c",
                "\"$@\" </dev/null & child=$!; read -r _ || true; kill $child 2>/dev/null; wait $child", "sh",
                java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--http.port=" + port, "--server.port=0", "--spring.main.banner-mode=off",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + data,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=false")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!ready(endpoint)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("S3Mock did not start; see " + log + ":\n" + tail(log));
            }
            sleep(200);
        }
        return new S3MockServer(process, endpoint, data);
    }

    private void stop() {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        } catch (IOException e) {
            // The shell is gone already.
        }
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            try (var paths = Files.walk(data)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Left in target/, which the next clean removes.
        }
    }

    private static boolean ready(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/" + BUCKET).toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
