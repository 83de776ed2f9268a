package dev.pinch.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as
 * {@code ce_*} headers and the record value is the JSON payload.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /**
     * Headers for an event.
     *
     * @param source the producing service as a URI reference, e.g. {@code /pinch/dataset-service}
     */
    public static Headers of(PipelineEvent event, String source) {
        Headers headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, event.eventId().toString());
        add(headers, TYPE, event.eventType());
        add(headers, SOURCE, source);
        add(headers, TIME, event.timestamp().toString());
        add(headers, SUBJECT, event.experimentId());
        add(headers, CONTENT_TYPE, "application/json");
        return headers;
    }

    public static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
