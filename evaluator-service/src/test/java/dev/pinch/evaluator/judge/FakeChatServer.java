package dev.pinch.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI chat-completions server on 127.0.0.1 (random port) for judge tests. Replies are scripted in order;
 * when the script is empty the fallback reply is used. Records requests and the most requests seen in flight.
 */
final class FakeChatServer implements AutoCloseable {

    /** A scripted reply: status, body, and a delay before answering. */
    record Reply(int status, String body, long delayMillis) {
    }

    /** A received request. */
    record Received(String path, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Reply fallback = answer("A");

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A 200 chat-completions response whose message content is {@code content}. */
    static Reply answer(String content) {
        String body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                        .put("finish_reason", "stop")
                        .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content))))
                .toString();
        return new Reply(200, body, 0);
    }

    static Reply status(int status) {
        return new Reply(status, "{\"error\":{\"message\":\"status " + status + "\"}}", 0);
    }

    static Reply delayed(Reply reply, long millis) {
        return new Reply(reply.status(), reply.body(), millis);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeChatServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    FakeChatServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int requests() {
        return received.size();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try (exchange) {
            byte[] in = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(in)));
            Reply scripted = script.poll();
            Reply reply = scripted != null ? scripted : fallback;
            if (reply.delayMillis() > 0 && closing.await(reply.delayMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            // no longer in flight once the answer starts: the client may send its next request right after
            inFlight.decrementAndGet();
            counted = false;
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
