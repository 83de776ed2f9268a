package dev.pinch.support.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** Field paths as users write them, from Jackson's reference chain. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** Renders Jackson's path as {@code designs[1].percents[0]}; empty for the document itself. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    /** {@link #path}, or {@code body} when the whole document is at fault. */
    public static String fieldOrBody(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? "body" : path;
    }
}
