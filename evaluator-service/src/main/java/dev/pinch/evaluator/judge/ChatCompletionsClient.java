package dev.pinch.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One call to an OpenAI-compatible {@code POST /chat/completions} endpoint: a single user message, temperature 0,
 * {@code max_tokens}; returns {@code choices[0].message.content}. Failures worth retrying (5xx, 429, timeouts,
 * connection errors, a 2xx without content) are thrown as {@link Retryable}; other 4xx as {@link JudgeException}.
 * Failure messages name the status or the kind of failure only, never a response body (which may come from any
 * service the endpoint reaches) nor the endpoint's URL: they end up in evaluations anyone can read.
 */
final class ChatCompletionsClient {

    /** A failure that another attempt may not repeat. */
    static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;

        Retryable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The most characters of an exception's text kept in a failure message. */
    static final int MAX_MESSAGE = 200;

    private final LlmJudgeConfig config;
    private final HttpClient http;
    private final ObjectMapper json;

    ChatCompletionsClient(LlmJudgeConfig config, HttpClient http, ObjectMapper json) {
        this.config = config;
        this.http = http;
        this.json = json;
    }

    /** An HTTP/1.1 client with the configured connect timeout. */
    static HttpClient newHttpClient(LlmJudgeConfig config) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).build();
    }

    /** Sends {@code prompt}; returns the answer text. */
    String complete(String prompt) throws Retryable, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(prompt), StandardCharsets.UTF_8));
        config.apiKey().authorization().ifPresent(auth -> request.header("Authorization", auth));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new Retryable("timed out after " + config.requestTimeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new Retryable("connection failed (" + e.getClass().getSimpleName() + ")", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new Retryable("HTTP " + status, null);
        }
        if (status >= 300) {
            throw new JudgeException("LLM judge " + abbreviate(config.model()) + " refused the request: HTTP " + status);
        }
        return content(response.body());
    }

    private String body(String prompt) {
        ObjectNode body = json.createObjectNode();
        body.put("model", config.model());
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        message.put("content", prompt);
        body.put("temperature", 0);
        body.put("max_tokens", config.maxTokens());
        body.put("stream", false);
        return body.toString();
    }

    private String content(String body) throws Retryable {
        try {
            JsonNode content = json.readTree(body).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new Retryable("response without choices[0].message.content", null);
            }
            return content.asText();
        } catch (IOException e) {
            throw new Retryable("response is not JSON", e);
        }
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "…";
    }
}
